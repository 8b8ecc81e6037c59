import { describe, expect, it } from "vitest";
import {
  createAttachmentsClient,
  createRefreshTokenProvider,
  isZohoAuthError,
  ZohoAuthError,
  type ZohoLogEvent,
} from "../../src/index.js";
import { type Reply, refusedOrigin, useTestServer } from "../helpers/http-server.js";
import { issueTokens } from "../helpers/token-server.js";

const CREDENTIALS = {
  clientId: "1000.CLIENTID",
  clientSecret: "client-secret-value",
  refreshToken: "1000.refresh.value",
};

const server = useTestServer();

async function refreshFailure(reply: Reply, options: Record<string, unknown> = {}): Promise<ZohoAuthError> {
  server.handle(() => reply);
  const where = "dataCenter" in options ? {} : { accountsServer: server.origin };
  const tokens = createRefreshTokenProvider({ ...CREDENTIALS, ...where, ...options });
  const error = await tokens.getAccessToken().then(
    () => {
      throw new Error("expected the refresh to fail");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ZohoAuthError);
  expect(isZohoAuthError(error)).toBe(true);
  return error as ZohoAuthError;
}

// A provider for a data centre whose accounts server is really this test server.
function viaDataCenter(dataCenter: "EU" | "US") {
  return {
    dataCenter,
    fetch: (_input: string | URL | Request, init?: RequestInit) => fetch(`${server.origin}/oauth/v2/token`, init),
  };
}

describe("token endpoint failures become ZohoAuthError", () => {
  it("invalid_client (HTTP 200, as Zoho sends it) names the data centre's server and hints at the data centre", async () => {
    const error = await refreshFailure({ status: 200, json: { error: "invalid_client" } }, viaDataCenter("EU"));
    expect(error).toMatchObject({
      oauthError: "invalid_client",
      dataCenter: "EU",
      accountsServer: "https://accounts.zoho.eu",
      status: 200,
    });
    expect(error.message).toContain("accounts server for the EU data centre (https://accounts.zoho.eu)");
    expect(error.message).toContain("invalid_client");
    expect(error.message).toMatch(/another data centre/);
    expect(error.message).toContain("set dataCenter");
  });

  it("invalid_code says the refresh token is not valid for this client", async () => {
    const error = await refreshFailure({ status: 200, json: { error: "invalid_code" } }, viaDataCenter("US"));
    expect(error).toMatchObject({
      oauthError: "invalid_code",
      dataCenter: "US",
      accountsServer: "https://accounts.zoho.com",
    });
    expect(error.message).toContain("the refresh token is not valid for this client");
  });

  it("an explicit accounts server is named as it is, with no data centre", async () => {
    const error = await refreshFailure({
      status: 400,
      json: { error: "Access Denied", error_description: "You have made too many requests continuously." },
    });
    expect(error).toMatchObject({
      oauthError: "Access Denied",
      dataCenter: undefined,
      accountsServer: server.origin,
      status: 400,
    });
    expect(error.message).toBe(
      `The accounts server ${server.origin} refused the refresh with Access Denied (You have made too many requests continuously.).`,
    );
  });

  it("a body that is not JSON", async () => {
    const error = await refreshFailure({
      status: 200,
      text: "<html>Sign in</html>",
      headers: { "content-type": "text/html" },
    });
    expect(error).toMatchObject({ oauthError: undefined, status: 200 });
    expect(error.message).toContain("not a JSON object (text/html)");
  });

  it("a huge body is read only in part, and is no token", async () => {
    const error = await refreshFailure({
      status: 200,
      text: `{"access_token":"1000.x","padding":"${"x".repeat(20 * 1024 * 1024)}"}`,
      headers: { "content-type": "application/json" },
    });
    expect(error).toMatchObject({ oauthError: undefined, status: 200 });
    expect(error.message).toContain("not a JSON object (application/json)");
  });

  it("an HTTP error without an OAuth error", async () => {
    const error = await refreshFailure({ status: 500, json: { message: "oops" } });
    expect(error).toMatchObject({ oauthError: undefined, status: 500 });
    expect(error.message).toContain("answered HTTP 500 instead of a token");
  });

  it("a response without access_token", async () => {
    const error = await refreshFailure({ status: 200, json: { expires_in: 3600 } });
    expect(error.message).toContain("without a usable access_token");
  });

  it("an accounts server that cannot be reached", async () => {
    const accountsServer = await refusedOrigin();
    const tokens = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer });
    const error = await tokens.getAccessToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(error).toMatchObject({ status: undefined, oauthError: undefined, accountsServer });
    expect((error as Error).message).toBe(
      `The accounts server ${accountsServer} could not be reached to refresh the access token (ECONNREFUSED).`,
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});

describe("through a client", () => {
  it("a failed refresh rejects the call with the ZohoAuthError and sends no API request", async () => {
    server.handle((request) =>
      request.path === "/oauth/v2/token" ? { status: 200, json: { error: "invalid_client" } } : { status: 204 },
    );
    const events: ZohoLogEvent[] = [];
    const tokens = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin });
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: tokens,
      logger: (event) => events.push(event),
    });
    const error = await zoho.listAttachments("Leads", "1", { fields: ["id"] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(server.requests.map((request) => request.path)).toEqual(["/oauth/v2/token"]);
    expect(events).toEqual([
      expect.objectContaining({
        type: "refresh",
        outcome: "failure",
        trigger: "missing",
        oauthError: "invalid_client",
        accountsServer: server.origin,
      }),
    ]);
  });

  it("tries again on the next call after a failed refresh", async () => {
    const issue = issueTokens("again");
    let calls = 0;
    server.handle((request) => {
      if (request.path !== "/oauth/v2/token") return { status: 204 };
      calls++;
      return calls === 1 ? { status: 503, text: "busy" } : issue(request);
    });
    const tokens = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin });
    await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(ZohoAuthError);
    await expect(tokens.getAccessToken()).resolves.toBe("1000.again.1");
  });
});
