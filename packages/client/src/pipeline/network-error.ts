/**
 * Turns a failed attempt (no response, or a body that broke off) into a ZohoNetworkError whose
 * message names the innermost system error (ECONNREFUSED, ENOTFOUND, ...) and whose cause chain has
 * been checked for secrets, and tells the failures a retry cannot mend from the others.
 */
import {
  type BodyKind,
  type NetworkFailureKind,
  ZohoBodyTooLargeError,
  ZohoError,
  ZohoNetworkError,
} from "../errors/errors.js";
import { redact, type Secrets, scrubError } from "../errors/redact.js";
import { type BodyLimitExceeded, PROGRESS_BYTES } from "./body-watch.js";

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** The innermost system error code, which says more than "fetch failed". */
export function systemCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; isObject(current) && depth <= 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

// Failures no retry can mend, with the words for why. fetch (undici) names the redirect ones only in
// its messages, so those are matched; the header overflow has a code.
const HOPELESS: ReadonlyArray<{ test: (error: Error & { code?: unknown }) => boolean; why: string }> = [
  {
    test: (error) => error.message === "redirect count exceeded",
    why: "the server redirected more than 20 times (a redirect loop); another try would loop again",
  },
  {
    test: (error) => error.message === "URL scheme must be a HTTP(S) scheme",
    why: "the server redirected to a URL that is not http or https, which fetch does not follow",
  },
  {
    test: (error) => error.code === "UND_ERR_HEADERS_OVERFLOW",
    why:
      "the response headers are larger than Node accepts (16 KiB unless --max-http-header-size says otherwise); " +
      "the same answer would come again",
  },
];

const UNEXPECTED_REDIRECT =
  "the server answered the upload with a redirect. The client sends uploads with redirects refused " +
  "(following one would keep the whole body in memory, and Zoho does not redirect them): point apiDomain " +
  "at the host that serves the API";

/**
 * Why a failed attempt cannot succeed when tried again (a redirect loop or a redirect away from
 * http(s), oversized headers, an upload answered with a redirect), or undefined when it might.
 */
export function hopelessFailure(error: unknown, redirect: RequestInit["redirect"]): string | undefined {
  let current = error;
  for (let depth = 0; isObject(current) && depth <= 5; depth++) {
    if (current instanceof Error) {
      if (redirect === "error" && current.message === "unexpected redirect") return UNEXPECTED_REDIRECT;
      const known = HOPELESS.find((entry) => entry.test(current as Error));
      if (known !== undefined) return known.why;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A short reason for logs and retry events, e.g. "network: ECONNRESET". */
export function failureReason(kind: NetworkFailureKind, error: unknown): string {
  return `${kind}: ${systemCode(error) ?? (error instanceof Error ? error.name : "error")}`;
}

/** The error for a body read stopped by its bounds: a timeout for a stall, ZohoBodyTooLargeError for size. */
export function bodyLimitError(
  failure: BodyLimitExceeded,
  body: BodyKind,
  method: string,
  url: string,
  retries: number,
): ZohoError {
  if (failure.reason === "size") {
    return new ZohoBodyTooLargeError({
      body,
      limitBytes: failure.limit,
      receivedBytes: failure.bytes,
      method,
      url,
      retries,
    });
  }
  const detail =
    `the response body made no progress (under ${PROGRESS_BYTES} bytes) for ${failure.limit} ms ` +
    `(bodyIdleTimeoutMs), after ${failure.bytes} bytes`;
  return new ZohoNetworkError("timeout", method, url, detail, undefined, retries);
}

/** Builds the error a caller sees when a request got no response; `why` explains a failure not retried. */
export function toNetworkError(
  kind: NetworkFailureKind,
  error: unknown,
  method: string,
  url: string,
  secrets: Secrets,
  retries: number,
  why?: string,
): ZohoError {
  if (error instanceof ZohoError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = systemCode(error);
  const raw = code === undefined || message.includes(code) ? message : `${message} (${code})`;
  const detail = redact(why === undefined ? raw : `${why}; not retried (${raw})`, secrets);
  return new ZohoNetworkError(kind, method, redact(url, secrets), detail, scrubError(error, secrets), retries);
}
