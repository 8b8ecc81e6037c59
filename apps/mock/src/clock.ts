/**
 * Time is injected so that tests can expire tokens and hold slow responses without waiting.
 */
import { setTimeout as delay } from "node:timers/promises";

/** Milliseconds since the epoch, like `Date.now`. */
export type Clock = () => number;

/** Resolves after `ms` milliseconds; tests pass one they release themselves. */
export type Sleep = (ms: number) => Promise<void>;

/** The real clock. */
export const systemClock: Clock = () => Date.now();

/** The real sleep; its timer does not keep the process alive on its own (an open socket does). */
export const systemSleep: Sleep = (ms) => delay(ms, undefined, { ref: false });
