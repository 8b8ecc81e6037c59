/**
 * Access tokens issued by the mock's token endpoint carry their own expiry time, so the mock can
 * tell an expired one from a live one without remembering every token it ever issued. Tokens
 * without the prefix were not issued here and stay accepted as before (any non-empty token works).
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";

/** Every access token the mock issues starts with this; the expiry (epoch ms) and a random part follow. */
export const ISSUED_TOKEN_PREFIX = "1000.zcrm-mock.";

/** The response header through which Zoho tells when the access token used expires. */
export const ACCESS_TOKEN_RESET = "X-ACCESSTOKEN-RESET";

/** What the mock knows about the token of one request. */
export type IssuedTokenState = { valid: true; resetHeader: string } | { valid: false };

/** Issues access tokens and recognises the ones it issued. */
export interface AccessTokens {
  /** A new access token living `ttlSeconds` from now. */
  issue(): string;
  /** The state of an issued token found in an Authorization header, or undefined when the token was not issued here. */
  inspect(authorization: string): IssuedTokenState | undefined;
}

const INVALID: IssuedTokenState = { valid: false };
// The latest time a JavaScript Date can hold (ECMA-262 §21.4.1.1): a token claiming to live past
// it was not issued here, and its expiry could not be written in X-ACCESSTOKEN-RESET anyway.
const LATEST_TIME_MS = 8.64e15;

/** Creates the token issuer of one mock: tokens live `ttlSeconds` by `now`. */
export function createAccessTokens(ttlSeconds: number, now: Clock): AccessTokens {
  return {
    issue() {
      const expiresAt = now() + ttlSeconds * 1000;
      return `${ISSUED_TOKEN_PREFIX}${expiresAt}.${randomBytes(16).toString("hex")}`;
    },
    inspect(authorization) {
      // One substring search decides for every token the mock did not issue (the common case).
      const start = authorization.indexOf(ISSUED_TOKEN_PREFIX);
      if (start === -1) return undefined;
      const from = start + ISSUED_TOKEN_PREFIX.length;
      const dot = authorization.indexOf(".", from);
      const digits = dot === -1 ? "" : authorization.slice(from, dot);
      // A token that claims to be ours but is mangled is as good as expired.
      if (!/^\d{1,16}$/.test(digits)) return INVALID;
      const expiresAt = Number(digits);
      if (expiresAt > LATEST_TIME_MS || now() >= expiresAt) return INVALID;
      return { valid: true, resetHeader: formatResetTime(expiresAt) };
    },
  };
}

/** Formats an epoch time the way Zoho's X-ACCESSTOKEN-RESET reads: ISO 8601 to the second, with a numeric offset (UTC here). */
export function formatResetTime(epochMs: number): string {
  // toISOString gives "2025-03-01T05:42:43.000Z"; Zoho writes an offset and no fraction.
  return `${new Date(epochMs).toISOString().slice(0, 19)}+00:00`;
}
