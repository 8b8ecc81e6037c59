/**
 * Access tokens as the pipeline sees them: a fixed string, a function the client calls before each
 * request, or a provider (such as `createRefreshTokenProvider`) that refreshes and can be told that
 * Zoho rejected a token. Tokens live only in closures and private fields, never on a plain property.
 */
import { ZohoError, ZohoInputError } from "./errors/errors.js";
import type { ZohoLogger } from "./events.js";

/** Options the client passes when it asks a provider for a token. */
export interface GetAccessTokenOptions {
  /** The client's logger, so the provider can report a refresh it makes for this call. */
  logger?: ZohoLogger | undefined;
}

/** A source of access tokens that can refresh them (`createRefreshTokenProvider` returns one). */
export interface AccessTokenProvider {
  /** Returns a usable access token, refreshing first when none is cached or it is about to expire. */
  getAccessToken(options?: GetAccessTokenOptions): Promise<string>;
  /** Zoho answered INVALID_TOKEN for `token`: forget it, so the next getAccessToken refreshes. */
  invalidate(token: string): void | Promise<void>;
  /** The API origin Zoho named with the last token (`api_domain`), if any. */
  apiDomain?(): string | undefined;
}

/**
 * Internal fast path: a provider of this package answers synchronously with a cached, fresh token
 * (undefined when it would have to refresh), sparing each call a promise. Not part of the public API.
 */
export const cachedToken: unique symbol = Symbol("zcrm-attachments.cachedToken");

/** A Zoho OAuth access token, a function that returns one (called before every request), or a provider. */
export type AccessToken = string | (() => string | Promise<string>) | AccessTokenProvider;

/** What the pipeline needs from any kind of token. */
export interface TokenSource {
  /** The current token; a string when it is known without waiting. */
  get(): string | Promise<string>;
  /** Called once per request on 401 INVALID_TOKEN; true when asking `get` again may give a new token. */
  renew: ((rejected: string) => Promise<boolean>) | undefined;
  /** The API origin the token's issuer named, once known (providers only). */
  apiDomain: (() => string | undefined) | undefined;
}

const PREFIX = "Zoho-oauthtoken ";
// Header values cannot hold spaces or control characters; checking here keeps the runtime's own
// "invalid header value" error (which quotes the value) from ever being thrown with the token in it.
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

/** Checks a token's shape without ever quoting it. */
export function checkToken(token: unknown, origin: string): string {
  if (typeof token !== "string" || token === "") {
    throw new ZohoInputError(
      "accessToken",
      `${origin} must be a non-empty string (got ${token === "" ? "an empty string" : typeof token}).`,
    );
  }
  if (!TOKEN_PATTERN.test(token)) {
    const hint = token.startsWith(PREFIX)
      ? `pass the token alone: the client adds the "${PREFIX.trim()}" prefix itself`
      : "it contains spaces or characters that are not printable ASCII";
    throw new ZohoInputError("accessToken", `${origin} is not a valid access token: ${hint}.`);
  }
  return token;
}

/** Returns true for an object with the AccessTokenProvider methods. */
export function isAccessTokenProvider(value: unknown): value is AccessTokenProvider {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AccessTokenProvider).getAccessToken === "function" &&
    typeof (value as AccessTokenProvider).invalidate === "function"
  );
}

function fromProvider(provider: AccessTokenProvider, logger: ZohoLogger | undefined): TokenSource {
  const options: GetAccessTokenOptions = { logger };
  const check = (token: unknown): string => checkToken(token, "The token returned by the token provider");
  const peek = (provider as { [cachedToken]?: () => string | undefined })[cachedToken];
  const fetchToken = (): Promise<string> => provider.getAccessToken(options).then(check);
  return {
    // ZohoAuthError and other ZohoErrors pass through as they are: they are the provider's own report.
    get: typeof peek === "function" ? () => peek.call(provider) ?? fetchToken() : fetchToken,
    renew: async (rejected) => {
      await provider.invalidate(rejected);
      return true;
    },
    apiDomain: typeof provider.apiDomain === "function" ? () => provider.apiDomain?.() : undefined,
  };
}

function fromFunction(fn: () => unknown): TokenSource {
  const get = async (): Promise<string> => {
    let token: unknown;
    try {
      token = await fn();
    } catch (error) {
      if (error instanceof ZohoError) throw error;
      throw new ZohoError("The accessToken provider threw; see `cause`.", { cause: error });
    }
    return checkToken(token, "The token returned by the accessToken provider");
  };
  // The function may hand out a fresh token when called again; it is asked once more, never in a loop.
  return { get, renew: () => Promise.resolve(true), apiDomain: undefined };
}

/** Builds the per-client token source; a fixed token is checked once, here. */
export function createTokenSource(accessToken: unknown, logger?: ZohoLogger): TokenSource {
  if (isAccessTokenProvider(accessToken)) return fromProvider(accessToken, logger);
  if (typeof accessToken === "function") return fromFunction(accessToken as () => unknown);
  const token = checkToken(accessToken, "accessToken");
  return { get: () => token, renew: undefined, apiDomain: undefined };
}

/** The Authorization header value for a token. */
export function authorizationHeader(token: string): string {
  return PREFIX + token;
}
