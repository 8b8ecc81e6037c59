/**
 * Prism only understands `Bearer` for OAuth schemes, so the mock checks Zoho's own header itself.
 */

/** Which Zoho 401 example a request's Authorization header deserves (the spec's example keys). */
export type AuthProblem = "authenticationFailure" | "invalidToken";

const SCHEME = "zoho-oauthtoken";

/** Checks `Authorization: Zoho-oauthtoken <token>`; any non-empty token is accepted, as the mock knows no real ones. */
export function checkAuthorization(header: string | undefined): AuthProblem | undefined {
  if (header === undefined) return "authenticationFailure";
  const value = header.trim();
  const space = value.indexOf(" ");
  const scheme = space === -1 ? value : value.slice(0, space);
  // Auth schemes are case-insensitive in HTTP (RFC 9110 §11.1).
  if (scheme.length !== SCHEME.length || scheme.toLowerCase() !== SCHEME) return "authenticationFailure";
  if (space === -1 || value.slice(space + 1).trim() === "") return "invalidToken";
  return undefined;
}
