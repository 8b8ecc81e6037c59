/**
 * Makes a streamed response body fail with the client's own errors: a reset or a truncated body
 * becomes a ZohoNetworkError ("network"), an abort or a caller's timeout one of kind "aborted" or
 * "timeout", a stall past the body idle timeout a "timeout" too, and a body past its cap a
 * ZohoBodyTooLargeError. Readers then handle one error family whether the failure came before or
 * after the headers. Pull-based with no queue of its own, so it adds no buffering.
 */
import { ZohoError, ZohoNetworkError } from "../errors/errors.js";
import { boundedStream } from "../pipeline/body-read.js";
import { BodyLimitExceeded, type BodyLimits } from "../pipeline/body-watch.js";
import { bodyLimitError, systemCode } from "../pipeline/network-error.js";
import type { PipelineResult } from "../pipeline/types.js";

// The cause as a plain copy passed through the request's redaction: undici's errors carry objects
// (sockets) that are never shown, and any text that might quote a secret is cleaned.
function cleanCause(error: unknown, clean: (text: string) => string, depth = 0): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(clean(source.message));
  Object.defineProperty(copy, "name", { value: clean(source.name), configurable: true, writable: true });
  const code = (source as { code?: unknown }).code;
  if (typeof code === "string") Object.assign(copy, { code: clean(code) });
  if (source.cause !== undefined && depth < 4) copy.cause = cleanCause(source.cause, clean, depth + 1);
  return copy;
}

/** Converts an error raised while reading a body into a ZohoNetworkError (ZohoErrors pass unchanged). */
export function bodyReadError(
  error: unknown,
  method: string,
  result: PipelineResult,
  signal: AbortSignal | undefined,
): ZohoError {
  if (error instanceof ZohoError) return error;
  if (error instanceof BodyLimitExceeded) {
    return bodyLimitError(error, "download", method, result.redact(result.url), result.retries);
  }
  const reason: unknown = signal?.aborted === true ? signal.reason : undefined;
  const timedOut = (reason as { name?: unknown } | undefined)?.name === "TimeoutError";
  const kind = signal?.aborted === true ? (timedOut ? "timeout" : "aborted") : "network";
  const code = systemCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const detail = `the response body broke off (${code === undefined ? message : `${message}: ${code}`})`;
  return new ZohoNetworkError(
    kind,
    method,
    result.redact(result.url),
    result.redact(detail),
    cleanCause(error, result.redact),
    result.retries,
  );
}

/** Wraps `body` so it stays within `limits` and a failed read errors it with the client's error; see the file header. */
export function typedBodyErrors(
  body: ReadableStream<Uint8Array>,
  method: string,
  result: PipelineResult,
  signal: AbortSignal | undefined,
  limits: BodyLimits,
): ReadableStream<Uint8Array> {
  return boundedStream(body, limits, (error) => bodyReadError(error, method, result, signal));
}
