/**
 * The client options that shape the pipeline (retry, maxConcurrency, timeoutMs, logger, clock), checked
 * once at creation. Defaults, and why:
 * - retry: 2 retries, 500 ms doubling, waits capped at 30 s (a longer Retry-After fails at once);
 * - maxConcurrency: 5, the lowest of Zoho's per-org caps (Free edition), so a client never draws
 *   concurrency 429s whatever the edition; raise it towards your edition's cap (Standard 10,
 *   Professional 15, Enterprise 20, Ultimate 25) minus what other apps of the org use;
 * - timeoutMs: 60 s per attempt, far above a normal call, far below undici's own 300 s;
 * - bodyIdleTimeoutMs: 30 s without progress while reading a body (body-watch.ts), which bounds a
 *   download's body, where timeoutMs ends at the headers: far above a pause of a live connection;
 * - maxJsonBytes: 32 MiB of JSON per answer, a hundred times a full page of 200 attachments, and
 *   well within memory even when a small gzip body unpacks to it.
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
/** The default longest wait without progress while reading a response body. */
export const DEFAULT_BODY_IDLE_TIMEOUT_MS = 30_000;
/** The default cap on a JSON answer, in bytes after decoding. */
export const DEFAULT_MAX_JSON_BYTES = 32 * 1024 * 1024;

/** The checked pipeline settings of one client. */
export interface PipelineSettings {
  retry: RetrySettings | undefined;
  limiter: ConcurrencyLimiter | undefined;
  timeoutMs: number | undefined;
  /** Longest wait without progress while reading a body (undefined: none). */
  bodyIdleTimeoutMs: number | undefined;
  /** Most bytes of a JSON answer. */
  maxJsonBytes: number;
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
    throw new ZohoInputError("clock", "clock must be an object with now, sleep, random and/or schedule.");
  const given = value as Partial<Clock>;
  for (const name of ["now", "sleep", "random", "schedule"] as const) {
    if (given[name] !== undefined && typeof given[name] !== "function") {
      throw new ZohoInputError(`clock.${name}`, `clock.${name} must be a function.`);
    }
  }
  return {
    now: given.now ?? systemClock.now,
    sleep: given.sleep ?? systemClock.sleep,
    random: given.random ?? systemClock.random,
    schedule: given.schedule ?? systemClock.schedule,
  };
}

function toMaxJsonBytes(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_JSON_BYTES;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 1) return value;
  throw new ZohoInputError(
    "maxJsonBytes",
    `maxJsonBytes must be a whole number of bytes, 1 or more (default ${DEFAULT_MAX_JSON_BYTES}).`,
  );
}

/** The idle timeout of one call: its own `override` when given (false: none), else the client's. */
export function bodyIdleTimeoutFor(
  clientMs: number | undefined,
  override: number | false | undefined,
): number | undefined {
  return override === undefined ? clientMs : override === false ? undefined : override;
}

/** Checks the pipeline options of a client. */
export function toPipelineSettings(options: Record<string, unknown>): PipelineSettings {
  const { logger } = options;
  if (logger !== undefined && typeof logger !== "function") {
    throw new ZohoInputError("logger", "logger must be a function that takes one event.");
  }
  const timeout = checkTimeout(options.timeoutMs);
  const idle = checkTimeout(options.bodyIdleTimeoutMs, "bodyIdleTimeoutMs");
  return {
    retry: toRetrySettings(options.retry),
    limiter: toLimiter(options.maxConcurrency),
    timeoutMs: timeout === undefined ? DEFAULT_TIMEOUT_MS : timeout === false ? undefined : timeout,
    bodyIdleTimeoutMs: idle === undefined ? DEFAULT_BODY_IDLE_TIMEOUT_MS : idle === false ? undefined : idle,
    maxJsonBytes: toMaxJsonBytes(options.maxJsonBytes),
    signals: new TimeoutSignals(),
    logger: logger as ZohoLogger | undefined,
    clock: toClock(options.clock),
  };
}
