/**
 * Bounds on reading a response body, in time and in size, for every body the client reads or hands
 * on. `timeoutMs` ends at the response headers for a download, so without this a server that stops
 * sending mid-body held the call for undici's own 300 s, and one that dribbles a byte now and then
 * held it for ever; a small gzip body could unpack to gigabytes on disk or in memory.
 *
 * - Idle: while a read waits on the server, the time without progress is counted; progress is 1 KiB
 *   (or the end), so a trickle of a few bytes counts as a stall too. Time the consumer spends not
 *   reading (a slow disk, a paused pipe) is not counted: only the server is judged.
 * - Size: bytes are counted as they arrive, after decoding, and the read stops once they pass the cap.
 *
 * One timer per body, armed when a read first waits and re-armed only when it fires early, so a
 * chunk costs two clock reads and no timer call. Failures are BodyLimitExceeded values, which the
 * callers turn into the client's errors (they know the request's method, URL and retries).
 */
import type { Clock } from "./retry-policy.js";

/** Bytes that count as progress for the idle timeout. */
export const PROGRESS_BYTES = 1024;

/** Why a body read was stopped: no progress for `limit` ms, or more than `limit` bytes. */
export class BodyLimitExceeded extends Error {
  constructor(
    readonly reason: "idle" | "size",
    /** The idle timeout (ms) or the byte cap. */
    readonly limit: number,
    /** Bytes received when it stopped. */
    readonly bytes: number,
  ) {
    super(reason === "idle" ? `no progress for ${limit} ms` : `more than ${limit} bytes`);
  }
}

/** The bounds of one body read. */
export interface BodyLimits {
  /** Most bytes taken; past it the read stops. */
  maxBytes: number;
  /** Longest wait without progress while a read is pending (undefined: no limit). */
  idleMs: number | undefined;
  /** Time, and the timer (tests inject both). */
  clock: Pick<Clock, "now" | "schedule">;
}

/** Watches one body: tell it when a read starts waiting, what arrived, and when the body is done. */
export class BodyWatch {
  readonly #limits: BodyLimits;
  readonly #onStall: (failure: BodyLimitExceeded) => void;
  #bytes = 0;
  #sinceProgress = 0;
  #stalledMs = 0;
  #waitingSince: number | undefined;
  #cancelTimer: (() => void) | undefined;
  #over = false;

  /** `onStall` runs (from the timer) when a pending read has waited past the idle timeout. */
  constructor(limits: BodyLimits, onStall: (failure: BodyLimitExceeded) => void) {
    this.#limits = limits;
    this.#onStall = onStall;
  }

  /** Bytes received so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** A read starts waiting for the server. */
  waiting(): void {
    const { idleMs, clock } = this.#limits;
    if (idleMs === undefined || this.#over) return;
    this.#waitingSince = clock.now();
    if (this.#cancelTimer === undefined) this.#arm(idleMs - this.#stalledMs);
  }

  /** `count` bytes arrived; returns the failure when they pass the cap. */
  received(count: number): BodyLimitExceeded | undefined {
    this.#bytes += count;
    if (this.#waitingSince !== undefined) {
      this.#stalledMs += this.#limits.clock.now() - this.#waitingSince;
      this.#waitingSince = undefined;
    }
    this.#sinceProgress += count;
    if (this.#sinceProgress >= PROGRESS_BYTES) {
      this.#sinceProgress = 0;
      this.#stalledMs = 0;
    }
    if (this.#bytes <= this.#limits.maxBytes) return undefined;
    this.done();
    return new BodyLimitExceeded("size", this.#limits.maxBytes, this.#bytes);
  }

  /** The body ended, failed or was cancelled: no more timers. */
  done(): void {
    this.#over = true;
    this.#waitingSince = undefined;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
  }

  #arm(ms: number): void {
    this.#cancelTimer = this.#limits.clock.schedule(Math.max(ms, 1), () => this.#fire());
  }

  #fire(): void {
    this.#cancelTimer = undefined;
    const { idleMs, clock } = this.#limits;
    // No read waiting (the consumer is busy): the next read arms the timer again.
    if (this.#over || this.#waitingSince === undefined || idleMs === undefined) return;
    const stalled = this.#stalledMs + (clock.now() - this.#waitingSince);
    if (stalled < idleMs) {
      this.#arm(idleMs - stalled);
      return;
    }
    this.done();
    this.#onStall(new BodyLimitExceeded("idle", idleMs, this.#bytes));
  }
}
