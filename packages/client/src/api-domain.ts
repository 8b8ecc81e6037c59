/**
 * Normalises the origins the client talks to: the API domain (given, derived from a data centre, or
 * named by a token response as `api_domain`) and the accounts server. An origin may carry a path
 * prefix (for a proxy) but never credentials, a query or a fragment, since those would end up in
 * every URL the client builds and in every error message that quotes one.
 */

/** Returns `value` as `origin + path prefix` without a trailing slash, or undefined when it is not a usable http(s) origin. */
export function normalizeOrigin(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") return undefined;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** Says what is wrong with an origin option, for a ZohoInputError message. */
export function originProblem(name: string, value: unknown, example: string): string {
  if (typeof value === "string") {
    try {
      const url = new URL(value);
      if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
        return `${name} must not carry credentials, a query or a fragment.`;
      }
    } catch {
      // Not a URL at all: the general message below says what is expected.
    }
  }
  return `${name} must be an http(s) origin such as ${example}.`;
}
