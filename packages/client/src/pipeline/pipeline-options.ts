/**
 * The client options that shape the pipeline (retry, maxConcurrency, timeoutMs, logger, clock), checked
 * once at creation. Defaults, and why:
 * - retry: 2 retries, 500 ms doubling, waits capped at 30 s (a longer Retry-After fails at once);
 * - maxConcurrency: 5, the lowest of Zoho's per-org caps (Free edition), so a client never draws
 *   concurrency 429s whatever the edition; raise it towards your edition's cap (Standard 10,
 *   Professional 15, Enterprise 20, Ultimate 25) minus what other apps of the org use;
 * - timeoutMs: 60 s per attempt, far above a normal call, far below undici's own 300 s.
 */
import { ZohoInputError } from "../errors/errors.js";
import type { ZohoLogger } from "../events.js";
import { checkTimeout } from "../input/call-options.js";
import { ConcurrencyLimiter } from "./concurrency-limiter.js";
import { type Clock, type RetrySettings, systemClock, toRetrySettings } from "./retry-policy.js";
import { TimeoutSignals } from "./timeout-signals.js";

/** The default cap on requests in flight per client. */
export const DEFAULT_MAX_CONCURRENCY = 5;
/** The default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** The checked pipeline settings of one client. */
export interface PipelineSettings {
  retry: RetrySettings | undefined;
  limiter: ConcurrencyLimiter | undefined;
  timeoutMs: number | undefined;
  signals: TimeoutSignals;
  logger: ZohoLogger | undefined;
  clock: Clock;
}

function toLimiter(value: unknown): ConcurrencyLimiter | undefined {
  if (value === false) return undefined;
  if (value === undefined) return new ConcurrencyLimiter(DEFAULT_MAX_CONCURRENCY);
  if (typeof value === "number" && Number.isInteger(value) && value >= 1) return new ConcurrencyLimiter(value);
  throw new ZohoInputError("maxConcurrency", "maxConcurrency must be an integer of 1 or more, or false for no limit.");
}

function toClock(value: unknown): Clock {
  if (value === undefined) return systemClock;
  if (typeof value !== "object" || value === null)
    throw new ZohoInputError("clock", "clock must be an object with now, sleep and/or random.");
  const given = value as Partial<Clock>;
  for (const name of ["now", "sleep", "random"] as const) {
    if (given[name] !== undefined && typeof given[name] !== "function") {
      throw new ZohoInputError(`clock.${name}`, `clock.${name} must be a function.`);
    }
  }
  return {
    now: given.now ?? systemClock.now,
    sleep: given.sleep ?? systemClock.sleep,
    random: given.random ?? systemClock.random,
  };
}

/** Checks the pipeline options of a client. */
export function toPipelineSettings(options: Record<string, unknown>): PipelineSettings {
  const { logger } = options;
  if (logger !== undefined && typeof logger !== "function") {
    throw new ZohoInputError("logger", "logger must be a function that takes one event.");
  }
  const timeout = checkTimeout(options.timeoutMs);
  return {
    retry: toRetrySettings(options.retry),
    limiter: toLimiter(options.maxConcurrency),
    timeoutMs: timeout === undefined ? DEFAULT_TIMEOUT_MS : timeout === false ? undefined : timeout,
    signals: new TimeoutSignals(),
    logger: logger as ZohoLogger | undefined,
    clock: toClock(options.clock),
  };
}
