/**
 * Signals for per-attempt timeouts, reused. Creating an AbortController per call costs a visible share
 * of a list call's CPU (measured here), and most attempts finish long before their timeout, leaving
 * the controller unaborted and as good as new. So a finished attempt hands its controller back, and
 * the next attempt of the same client takes it. A controller that fired is never reused.
 *
 * fetch leaves one listener on every signal it was given until that request is garbage-collected; a
 * listener of a finished request does nothing when it fires. Capping the reuses keeps those below
 * undici's listener limit (1500) by a wide margin.
 */

const MAX_USES = 64;
const MAX_FREE = 32;

/** A controller lent to one attempt at a time. */
export interface LentController {
  readonly controller: AbortController;
  uses: number;
}

/** A per-client pool of controllers for attempt timeouts. */
export class TimeoutSignals {
  #free: LentController[] = [];

  /** Lends a controller that has not fired. */
  take(): LentController {
    const lent = this.#free.pop() ?? { controller: new AbortController(), uses: 0 };
    lent.uses++;
    return lent;
  }

  /** Takes a controller back once its attempt is over, unless it fired or has served enough. */
  give(lent: LentController): void {
    if (!lent.controller.signal.aborted && lent.uses < MAX_USES && this.#free.length < MAX_FREE) this.#free.push(lent);
  }
}
