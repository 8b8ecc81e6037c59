/**
 * Token responses for a test accounts server (a plain test server answering POST /oauth/v2/token),
 * so the provider is tested against real HTTP without the mock app. Issued tokens are numbered.
 */
import type { Reply, SeenRequest } from "./http-server.js";

/** Extra or replaced fields of a token response. */
export type TokenFields = Record<string, unknown>;

/** A handler that issues "1000.<prefix>.1", "1000.<prefix>.2", ... with `fields` merged in. */
export function issueTokens(prefix: string, fields: TokenFields = {}): (request: SeenRequest) => Reply {
  let issued = 0;
  return (request) => {
    if (request.method !== "POST" || request.path !== "/oauth/v2/token") return { status: 404, text: "not found" };
    issued++;
    return {
      status: 200,
      json: {
        access_token: `1000.${prefix}.${issued}`,
        api_domain: "https://www.zohoapis.com",
        token_type: "Bearer",
        expires_in: 3600,
        ...fields,
      },
    };
  };
}

/** The token requests a server saw, with their form fields decoded. */
export function tokenRequests(requests: readonly SeenRequest[]): Array<Record<string, string>> {
  return requests
    .filter((request) => request.path === "/oauth/v2/token")
    .map((request) => Object.fromEntries(new URLSearchParams(request.body)));
}
