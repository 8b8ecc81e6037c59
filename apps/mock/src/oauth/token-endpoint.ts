/**
 * The mock doubles as Zoho's accounts server for the refresh grant, so a client pointed at the
 * mock for both its accounts server and its API domain refreshes without a network.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FailureLog } from "../failure-log.js";
import type { MockStats } from "../faults/mock-stats.js";
import { sendMockProblem, sendZohoValue } from "../wire/reply.js";
import { requestTarget } from "../wire/request-input.js";
import type { AccessTokens } from "./access-tokens.js";
import { readTokenParams, TokenParamsError } from "./token-params.js";

/** The token endpoint's path, as on accounts.zoho.com. */
export const TOKEN_PATH = "/oauth/v2/token";

/**
 * HTTP status of the token endpoint's `{"error": ...}` answers. Zoho's accounts server has been
 * seen to answer a bad refresh with 200 and the error in the body (clients must read the body,
 * not the status), so the mock does the same.
 */
export const TOKEN_ERROR_STATUS = 200;

/** Client id the mock accepts unless told otherwise. */
export const DEFAULT_CLIENT_ID = "1000.MOCKCLIENT";
/** Client secret the mock accepts unless told otherwise (a placeholder, not a secret). */
export const DEFAULT_CLIENT_SECRET = "mock-client-secret";
/** Refresh token the mock accepts unless told otherwise (a placeholder, not a secret). */
export const DEFAULT_REFRESH_TOKEN = "1000.mock-refresh-token";
/** How long issued access tokens live, like Zoho's. */
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

/** What the token endpoint checks and how it answers. */
export interface TokenEndpointConfig {
  /** The only client id accepted. */
  clientId: string;
  /** The only client secret accepted. */
  clientSecret: string;
  /** The only refresh token accepted. */
  refreshToken: string;
  /** `expires_in` of the tokens handed out (their real lifetime is the AccessTokens issuer's). */
  ttlSeconds: number;
  /** Answer `expires_in` in milliseconds plus `expires_in_sec`, as Zoho's older accounts servers did. */
  legacyUnits: boolean;
  /** The `api_domain` to hand out: the mock's own URL. */
  apiDomain: () => string;
}

type TokenError = "invalid_request" | "unsupported_grant_type" | "invalid_client" | "invalid_code";

/** Builds the handler of `POST /oauth/v2/token` (the dispatcher counts the requests); failures go to `log`. */
export function createTokenEndpoint(
  config: TokenEndpointConfig,
  tokens: AccessTokens,
  stats: MockStats,
  log: FailureLog,
): (req: IncomingMessage, res: ServerResponse) => void {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "POST") {
      // The accounts server's own error shape, as for every other bad token request.
      req.resume();
      res.setHeader("Allow", "POST");
      sendZohoValue(res, 405, { error: "invalid_request" });
      return;
    }
    const params = await readTokenParams(req, requestTarget(req).search);
    const problem = checkGrant(params, config);
    if (problem !== undefined) {
      sendZohoValue(res, TOKEN_ERROR_STATUS, { error: problem });
      return;
    }
    const accessToken = tokens.issue();
    stats.tokensIssued++;
    const ttl = config.ttlSeconds;
    sendZohoValue(
      res,
      200,
      config.legacyUnits
        ? {
            access_token: accessToken,
            expires_in_sec: ttl,
            api_domain: config.apiDomain(),
            token_type: "Bearer",
            expires_in: ttl * 1000,
          }
        : { access_token: accessToken, api_domain: config.apiDomain(), token_type: "Bearer", expires_in: ttl },
    );
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof TokenParamsError) {
        sendZohoValue(res, TOKEN_ERROR_STATUS, { error: "invalid_request" });
        return;
      }
      // A client that went away mid-body is not the mock's failure.
      if (res.destroyed) return;
      // One line, no stack (the log says nothing of parameter values: parsing messages hold none).
      log("token request", error, req);
      if (!res.headersSent) sendMockProblem(res, 500, "MOCK_FAILURE", "The mock failed", "See the mock's log.");
      else res.destroy();
    });
  };
}

/** Which `error` a refresh request deserves, checked in the order Zoho reports them; undefined when it is good. */
function checkGrant(params: ReadonlyMap<string, string>, config: TokenEndpointConfig): TokenError | undefined {
  const grant = params.get("grant_type");
  if (grant === undefined || grant === "") return "invalid_request";
  // Only the refresh grant is mocked: a client never needs the browser-bound authorization code here.
  if (grant !== "refresh_token") return "unsupported_grant_type";
  if (params.get("client_id") !== config.clientId || params.get("client_secret") !== config.clientSecret) {
    return "invalid_client";
  }
  if (params.get("refresh_token") !== config.refreshToken) return "invalid_code";
  return undefined;
}
