/**
 * The options object every operation takes last: checked for unknown names (a misspelt option would
 * otherwise be ignored silently), for its signal and its timeout, before any request exists.
 */
import { ZohoInputError } from "../errors/errors.js";
import { checkKnownOptions, show } from "./known-options.js";

/** Options every method takes. */
export interface CallOptions {
  /** Aborts the call, including a wait in the queue or between retries, and a download's body. */
  signal?: AbortSignal;
  /** Time limit of each attempt of this call, overriding the client's; false for none. */
  timeoutMs?: number | false;
  /** Longest wait without progress (1 KiB) while reading a response body, overriding the client's; false for none. */
  bodyIdleTimeoutMs?: number | false;
}

/** The checked common options, plus every other option as given. */
export interface CheckedOptions {
  signal: AbortSignal | undefined;
  timeoutMs: number | false | undefined;
  bodyIdleTimeoutMs: number | false | undefined;
  /** The options object itself (each operation checks its own names). */
  values: Readonly<Record<string, unknown>>;
}

// Names people reach for, and the option each means.
const HINTS: Readonly<Record<string, string>> = {
  timeout: "timeoutMs",
  filename: "fileName",
  file_name: "fileName",
  name: "fileName",
  content_type: "contentType",
  type: "contentType",
  restrict_triggers: "restrictTriggers",
  chunk_size: "chunkSize",
  Title: "title",
};

/** Checks a timeout option: a positive number of milliseconds, or false for none. */
export function checkTimeout(value: unknown, name = "timeoutMs"): number | false | undefined {
  if (value === undefined || value === false) return value;
  if (typeof value === "number" && value > 0 && value <= 2_147_483_647) return value;
  throw new ZohoInputError(
    name,
    `${name} must be a number of milliseconds above 0 (at most 2147483647), or false for no timeout (got ${show(value)}).`,
  );
}

/** Checks a signal option. Duck-typed rather than instanceof, so signals from another realm or a polyfill pass. */
export function checkSignal(signal: unknown): AbortSignal | undefined {
  if (signal === undefined || typeof (signal as { aborted?: unknown } | null)?.aborted === "boolean") {
    return signal as AbortSignal | undefined;
  }
  throw new ZohoInputError("signal", "signal must be an AbortSignal.");
}

/** Checks an options argument against the names `known` (signal, timeoutMs and bodyIdleTimeoutMs are always known). */
export function checkCallOptions(input: unknown, known: readonly string[]): CheckedOptions {
  if (input === undefined) return { signal: undefined, timeoutMs: undefined, bodyIdleTimeoutMs: undefined, values: {} };
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ZohoInputError(
      "options",
      `The options must be an object such as { timeoutMs: 30000 } (got ${input === null ? "null" : typeof input}).`,
    );
  }
  const values = input as Record<string, unknown>;
  checkKnownOptions(values, [...known, "signal", "timeoutMs", "bodyIdleTimeoutMs"], HINTS);
  return {
    signal: checkSignal(values.signal),
    timeoutMs: checkTimeout(values.timeoutMs),
    bodyIdleTimeoutMs: checkTimeout(values.bodyIdleTimeoutMs, "bodyIdleTimeoutMs"),
    values,
  };
}

/** Reads an optional string option; throws unless it is a string. */
export function optionalString(values: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = values[name];
  if (value === undefined || typeof value === "string") return value;
  throw new ZohoInputError(name, `${name} must be a string (got ${typeof value}).`);
}
