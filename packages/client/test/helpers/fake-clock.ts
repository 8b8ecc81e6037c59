/**
 * A clock for tests: `sleep` records the delay it was asked for and returns at once (moving `now`
 * forward), so retry waits are asserted by value and never really waited. `random` is fixed.
 * Timers set with `schedule` (the body idle timeout's) fire only when `advance` moves time past them,
 * so a test decides when a stalled body has waited long enough.
 */
export interface FakeClock {
  /** Every delay the code under test asked to sleep, in order. */
  readonly sleeps: number[];
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  schedule(ms: number, onTime: () => void): () => void;
  /** Moves time forward (e.g. past a token's expiry), firing the timers that fall due, in order. */
  advance(ms: number): void;
  /** Timers set and not yet fired or cancelled. */
  readonly pendingTimers: number;
  /** Timers set so far, fired or not. */
  readonly timersSet: number;
}

interface Timer {
  at: number;
  onTime: () => void;
}

/** Creates a fake clock starting at `start` (ms since the epoch), with jitter fixed at `random`. */
export function fakeClock(start = Date.UTC(2026, 10, 22, 12, 0, 0), random = 0.5): FakeClock {
  let now = start;
  let set = 0;
  const sleeps: number[] = [];
  const timers = new Set<Timer>();
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
    schedule(ms, onTime) {
      const timer = { at: now + ms, onTime };
      timers.add(timer);
      set++;
      return () => timers.delete(timer);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        timers.delete(due);
        now = Math.max(now, due.at);
        due.onTime();
      }
      now = until;
    },
    get pendingTimers() {
      return timers.size;
    },
    get timersSet() {
      return set;
    },
  };
}
