/**
 * The few response headers Zoho uses to talk about tokens and limits, parsed into numbers and dates.
 * Responses seen in 2024-2025 carry only X-ACCESSTOKEN-RESET; the X-RATELIMIT-* family belongs to
 * the older per-minute limits and may still come from some data centres or proxies; Retry-After has
 * not been seen from Zoho but is honoured when it comes. Every field is optional for that reason,
 * and the raw `headers` stay available beside this object.
 */

/** What Zoho said about the token and its limits in one response (undefined: header absent or unreadable). */
export interface ZohoResponseMeta {
  /** X-ACCESSTOKEN-RESET: when the access token used expires. */
  readonly accessTokenReset: Date | undefined;
  /** X-RATELIMIT-LIMIT: calls allowed in the current window (legacy header). */
  readonly rateLimit: number | undefined;
  /** X-RATELIMIT-REMAINING: calls left in the current window (legacy header). */
  readonly rateLimitRemaining: number | undefined;
  /** X-RATELIMIT-RESET: the window's reset, as sent (legacy header; Zoho never documented its unit). */
  readonly rateLimitReset: number | undefined;
  /** X-RATELIMIT-DAY-LIMIT: calls allowed per day (legacy header). */
  readonly dayLimit: number | undefined;
  /** X-RATELIMIT-DAY-REMAINING: calls left today (legacy header). */
  readonly dayRemaining: number | undefined;
  /** Retry-After, in milliseconds after the response arrived (sent as seconds or as an HTTP date). */
  readonly retryAfterMs: number | undefined;
}

const DIGITS = /^\s*\d+(\.\d+)?\s*$/;

function numberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  return value !== null && DIGITS.test(value) ? Number(value) : undefined;
}

/** Reads Retry-After: delay-seconds or an HTTP date, relative to `now`; negative dates count as 0. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  if (DIGITS.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function dateHeader(headers: Headers, name: string): Date | undefined {
  const value = headers.get(name);
  if (value === null) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** Parses the headers of a response that arrived at `receivedAt` (ms since the epoch). */
export function parseResponseMeta(headers: Headers, receivedAt: number): ZohoResponseMeta {
  return {
    accessTokenReset: dateHeader(headers, "x-accesstoken-reset"),
    rateLimit: numberHeader(headers, "x-ratelimit-limit"),
    rateLimitRemaining: numberHeader(headers, "x-ratelimit-remaining"),
    rateLimitReset: numberHeader(headers, "x-ratelimit-reset"),
    dayLimit: numberHeader(headers, "x-ratelimit-day-limit"),
    dayRemaining: numberHeader(headers, "x-ratelimit-day-remaining"),
    retryAfterMs: parseRetryAfter(headers.get("retry-after"), receivedAt),
  };
}
