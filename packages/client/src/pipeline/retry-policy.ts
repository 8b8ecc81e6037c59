/**
 * When a failed attempt is tried again, and after how long. Only failures that say "try later" are
 * retried: 429 (Zoho's concurrency and credit limits), 502/503/504 (a gateway or Zoho itself is
 * briefly unwell) and connection errors. Of those, only idempotent requests (GET, DELETE) retry on
 * everything; a POST retries only on 429, which Zoho sends before doing any work, and only when its
 * body can be sent again. Timeouts and aborts are the caller's budget and are never retried.
 */
import { setTimeout as wait } from "node:timers/promises";
import { ZohoInputError } from "../errors/errors.js";

/** Retry options of a client (`retry: false` turns retries off). */
export interface RetryOptions {
  /** Retries after the first attempt, 0 to 10 (default 2; 0 turns retries off). */
  maxRetries?: number;
  /** First backoff delay; each retry doubles it, with jitter (default 500 ms). */
  baseDelayMs?: number;
  /** No wait ever exceeds this; a Retry-After beyond it fails at once instead (default 30,000 ms). */
  maxDelayMs?: number;
}

/** Checked retry settings. */
export interface RetrySettings {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Injected time and randomness: tests replace them so nothing really waits. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Waits `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1) for backoff jitter. */
  random(): number;
  /** Calls `onTime` after `ms` unless the returned function is called first (the body idle timeout's timer). */
  schedule(ms: number, onTime: () => void): () => void;
}

// node:timers/promises rejects an aborted wait with its own AbortError (the reason in `cause`); the
// pipeline reads the signal's reason itself (a TimeoutError means "timeout"), so it gets that instead.
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal === undefined) return wait(ms);
  return wait(ms, undefined, { signal }).catch((error: unknown) => {
    throw signal.aborted ? signal.reason : error;
  });
}

function schedule(ms: number, onTime: () => void): () => void {
  const timer = setTimeout(onTime, ms);
  return () => clearTimeout(timer);
}

/** The real clock. */
export const systemClock: Clock = { now: Date.now, sleep, random: Math.random, schedule };

const DEFAULTS: RetrySettings = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * The most retries a client may ask for. Every retry is one more call against the org's API credits
 * and rate limits, and with the default backoff ten retries already wait about two minutes in all:
 * a failure that outlasts that is an outage for the caller to handle, not for the client to hammer at.
 */
export const MAX_RETRIES = 10;

function nonNegative(value: unknown, name: string, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && value >= 0 && Number.isFinite(value) && (!integer || Number.isInteger(value)))
    return value;
  throw new ZohoInputError(
    `retry.${name}`,
    `retry.${name} must be ${integer ? "an integer" : "a number"} of 0 or more.`,
  );
}

/** Checks the `retry` option; undefined means retries are off. */
export function toRetrySettings(option: unknown): RetrySettings | undefined {
  if (option === false) return undefined;
  if (option === undefined || option === true) return DEFAULTS;
  if (typeof option !== "object" || option === null) {
    throw new ZohoInputError(
      "retry",
      "retry must be false or an object such as { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 30000 }.",
    );
  }
  const { maxRetries, baseDelayMs, maxDelayMs, ...rest } = option as RetryOptions;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) {
    throw new ZohoInputError(
      `retry.${unknown}`,
      `Unknown retry option ${JSON.stringify(unknown)}: use maxRetries, baseDelayMs or maxDelayMs.`,
    );
  }
  const retries = nonNegative(maxRetries, "maxRetries", DEFAULTS.maxRetries, true);
  if (retries > MAX_RETRIES) {
    throw new ZohoInputError(
      "retry.maxRetries",
      `retry.maxRetries may be at most ${MAX_RETRIES} (got ${retries}): each retry is one more call against the org's ` +
        `API limits, and ${MAX_RETRIES} already span about two minutes of backoff. Handle longer outages in your own code.`,
    );
  }
  const settings: RetrySettings = {
    maxRetries: retries,
    baseDelayMs: nonNegative(baseDelayMs, "baseDelayMs", DEFAULTS.baseDelayMs, false),
    maxDelayMs: nonNegative(maxDelayMs, "maxDelayMs", DEFAULTS.maxDelayMs, false),
  };
  return settings.maxRetries === 0 ? undefined : settings;
}

/** Statuses that mean "try again later". */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/** Whether a response with `status` may be retried for a request of this kind. */
export function mayRetryStatus(status: number, idempotent: boolean): boolean {
  return isRetryableStatus(status) && (idempotent || status === 429);
}

/** Exponential backoff with "equal jitter": half the step is fixed, half random; never above maxDelayMs. */
export function backoffDelay(settings: RetrySettings, retriesSoFar: number, random: () => number): number {
  const step = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retriesSoFar);
  return Math.round(step / 2 + random() * (step / 2));
}
