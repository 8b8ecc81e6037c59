/**
 * Access tokens: a fixed string or a provider the client calls before each request (so a caller can
 * refresh tokens however it likes). The token lives only in closures, never on an object property.
 */
import { ZohoError, ZohoInputError } from "./errors.js";

/** A Zoho OAuth access token, or a function that returns one (called before every request). */
export type AccessToken = string | (() => string | Promise<string>);

/** Returns the current token; a string when it is known without waiting. */
export type TokenSource = () => string | Promise<string>;

const PREFIX = "Zoho-oauthtoken ";
// Header values cannot hold spaces or control characters; checking here keeps the runtime's own
// "invalid header value" error (which quotes the value) from ever being thrown with the token in it.
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

function checkToken(token: unknown, origin: string): string {
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

/** Builds the per-client token source; a fixed token is checked once, here. */
export function createTokenSource(accessToken: unknown): TokenSource {
  if (typeof accessToken === "function") {
    const provider = accessToken as () => unknown;
    return async () => {
      let token: unknown;
      try {
        token = await provider();
      } catch (error) {
        throw new ZohoError("The accessToken provider threw; see `cause`.", { cause: error });
      }
      return checkToken(token, "The token returned by the accessToken provider");
    };
  }
  const token = checkToken(accessToken, "accessToken");
  return () => token;
}

/** The Authorization header value for a token. */
export function authorizationHeader(token: string): string {
  return PREFIX + token;
}
