/**
 * One refresh at Zoho's accounts server: POST {server}/oauth/v2/token with the refresh-token grant as
 * a form body, then read the token response. Zoho reports refusals as JSON `{"error": "..."}`, often
 * with HTTP 200; `invalid_client` usually means the client was registered in another data centre. Every
 * failure becomes a ZohoAuthError that names the server asked and holds none of the three secrets.
 * Only the first 64 KiB of the answer are read: no token response comes near that.
 */
import { normalizeOrigin } from "../api-domain.js";
import type { DataCenter } from "../data-centres.js";
import { ZohoAuthError } from "../errors/errors.js";
import { redact, scrubError } from "../errors/redact.js";
import { ERROR_BODY_BYTES, readBodyText } from "../pipeline/body-read.js";
import { systemCode } from "../pipeline/network-error.js";
import { systemClock } from "../pipeline/retry-policy.js";
import type { FetchLike } from "../pipeline/types.js";

/** Where and as whom to refresh. */
export interface TokenEndpoint {
  readonly accountsServer: string;
  readonly dataCenter: DataCenter | undefined;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

/** A token as the accounts server issued it. */
export interface IssuedToken {
  accessToken: string;
  /** Lifetime in ms, from `expires_in` (seconds), or from `expires_in_sec` when Zoho sent that too. */
  lifetimeMs: number;
  /** `api_domain`, when it is a usable origin. */
  apiDomain: string | undefined;
}

// Zoho's documented lifetime, used only if a response leaves both expiry fields out.
const DEFAULT_LIFETIME_MS = 3_600_000;
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

function where(endpoint: TokenEndpoint): string {
  return endpoint.dataCenter === undefined
    ? `The accounts server ${endpoint.accountsServer}`
    : `Zoho's accounts server for the ${endpoint.dataCenter} data centre (${endpoint.accountsServer})`;
}

function explain(endpoint: TokenEndpoint, oauthError: string, description: string): string {
  const said = `${where(endpoint)} refused the refresh with ${oauthError}${description === "" ? "" : ` (${description})`}`;
  if (oauthError === "invalid_client") {
    return (
      `${said}: it does not know this client id and secret. Check both, and check the data centre: a client ` +
      `made in another data centre's API console is unknown here (set dataCenter to the org's data centre, ` +
      `e.g. "EU" for accounts.zoho.eu).`
    );
  }
  if (oauthError === "invalid_code") {
    return (
      `${said}: the refresh token is not valid for this client. It may be revoked or mistyped, or it was ` +
      `issued by another data centre's accounts server (check dataCenter).`
    );
  }
  return `${said}.`;
}

function seconds(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) && number > 0 ? number : undefined;
}

/** Reads the lifetime: `expires_in` is seconds, unless `expires_in_sec` is present (then `expires_in` is ms). */
export function tokenLifetimeMs(body: Record<string, unknown>): number {
  const inSeconds = seconds(body.expires_in_sec);
  if (inSeconds !== undefined) return inSeconds * 1000;
  const expiresIn = seconds(body.expires_in);
  return expiresIn === undefined ? DEFAULT_LIFETIME_MS : expiresIn * 1000;
}

/** Refreshes once; throws ZohoAuthError on any failure. */
export async function refreshAccessToken(
  endpoint: TokenEndpoint,
  fetchFn: FetchLike,
  timeoutMs: number,
): Promise<IssuedToken> {
  const secrets = [endpoint.clientSecret, endpoint.refreshToken];
  const fail = (
    message: string,
    oauthError: string | undefined,
    status: number | undefined,
    cause?: unknown,
  ): ZohoAuthError =>
    new ZohoAuthError({
      message: redact(message, secrets),
      dataCenter: endpoint.dataCenter,
      accountsServer: endpoint.accountsServer,
      oauthError: oauthError === undefined ? undefined : redact(oauthError, secrets),
      status,
      cause: cause === undefined ? undefined : scrubError(cause, secrets),
    });
  const form = new URLSearchParams({
    grant_type: "refresh_token",
    client_id: endpoint.clientId,
    client_secret: endpoint.clientSecret,
    refresh_token: endpoint.refreshToken,
  });
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(`${endpoint.accountsServer}/oauth/v2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: form.toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // A token answer is a few hundred bytes; a server that sends more only gets its start read.
    text = await readBodyText(response, { maxBytes: ERROR_BODY_BYTES, idleMs: undefined, clock: systemClock }, true);
  } catch (error) {
    const code = systemCode(error) ?? (error instanceof Error ? error.message : String(error));
    throw fail(
      `${where(endpoint)} could not be reached to refresh the access token (${code}).`,
      undefined,
      undefined,
      error,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const status = response.status;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    const type = response.headers.get("content-type") ?? "no content type";
    const message = `${where(endpoint)} answered HTTP ${status} with a body that is not a JSON object (${type}) instead of a token.`;
    throw fail(message, undefined, status);
  }
  const fields = body as Record<string, unknown>;
  if (typeof fields.error === "string" && fields.error !== "") {
    const description = typeof fields.error_description === "string" ? fields.error_description.slice(0, 200) : "";
    throw fail(explain(endpoint, fields.error, description), fields.error, status);
  }
  if (!response.ok) throw fail(`${where(endpoint)} answered HTTP ${status} instead of a token.`, undefined, status);
  const accessToken = fields.access_token;
  if (typeof accessToken !== "string" || !TOKEN_PATTERN.test(accessToken)) {
    throw fail(`${where(endpoint)} answered without a usable access_token.`, undefined, status);
  }
  return { accessToken, lifetimeMs: tokenLifetimeMs(fields), apiDomain: normalizeOrigin(fields.api_domain) };
}
