/**
 * A clock for tests: `sleep` records the delay it was asked for and returns at once (moving `now`
 * forward), so retry waits are asserted by value and never really waited. `random` is fixed.
 */
export interface FakeClock {
  /** Every delay the code under test asked to sleep, in order. */
  readonly sleeps: number[];
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  /** Moves time forward (e.g. past a token's expiry). */
  advance(ms: number): void;
}

/** Creates a fake clock starting at `start` (ms since the epoch), with jitter fixed at `random`. */
export function fakeClock(start = Date.UTC(2026, 10, 22, 12, 0, 0), random = 0.5): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep(ms, signal) {
      sleeps.push(ms);
      if (signal?.aborted) return Promise.reject(signal.reason);
      now += ms;
      return Promise.resolve();
    },
    random: () => random,
    advance(ms) {
      now += ms;
    },
  };
}
