import { describe, expect, it } from "vitest";
import {
  createAttachmentsClient,
  createRefreshTokenProvider,
  ZohoApiError,
  type ZohoLogEvent,
} from "../../src/index.js";
import { send } from "../../src/pipeline/send.js";
import { type SeenRequest, useTestServer } from "../helpers/http-server.js";
import { pipelineFor } from "../helpers/pipeline.js";
import { successExample } from "../helpers/spec-examples.js";
import { issueTokens, tokenRequests } from "../helpers/token-server.js";

const RECORD = "4150868000002728001";
const CREDENTIALS = {
  clientId: "1000.CLIENTID",
  clientSecret: "client-secret-value",
  refreshToken: "1000.refresh.value",
};
const page = successExample("current");
const invalidToken = { code: "INVALID_TOKEN", details: {}, message: "invalid oauth token", status: "error" };

const server = useTestServer();

// The accounts server issues 1000.t.1, 1000.t.2, ...; the API accepts only the tokens in `accepted`.
function serve(accepted: (authorization: string | undefined) => boolean): void {
  const issue = issueTokens("t");
  server.handle((request) => {
    if (request.path === "/oauth/v2/token") return issue(request);
    return accepted(request.headers.authorization) ? { status: 200, json: page } : { status: 401, json: invalidToken };
  });
}

function apiRequests(): SeenRequest[] {
  return server.requests.filter((request) => request.path !== "/oauth/v2/token");
}

function provider() {
  return createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin });
}

describe("401 INVALID_TOKEN", () => {
  it("refreshes once and replays the call with the new token", async () => {
    serve((authorization) => authorization === "Zoho-oauthtoken 1000.t.2");
    const events: ZohoLogEvent[] = [];
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: provider(),
      logger: (event) => events.push(event),
    });
    const result = await zoho.listAttachments("Leads", RECORD, { fields: ["id"] });
    expect(result.status).toBe(200);
    expect(apiRequests().map((request) => request.headers.authorization)).toEqual([
      "Zoho-oauthtoken 1000.t.1",
      "Zoho-oauthtoken 1000.t.2",
    ]);
    expect(tokenRequests(server.requests)).toHaveLength(2);
    expect(events.filter((event) => event.type === "refresh").map((event) => [event.trigger, event.outcome])).toEqual([
      ["missing", "success"],
      ["invalidated", "success"],
    ]);
  });

  it("surfaces a second 401 instead of looping", async () => {
    serve(() => false);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: provider() });
    const error = await zoho.listAttachments("Leads", RECORD, { fields: ["id"] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 401, code: "INVALID_TOKEN", retries: 0 });
    expect(apiRequests()).toHaveLength(2);
    expect(tokenRequests(server.requests)).toHaveLength(2);
  });

  it("refreshes once for many calls rejected with the same token", async () => {
    serve((authorization) => authorization !== "Zoho-oauthtoken 1000.t.1");
    // The first token is fetched up front, so all ten calls are sent with it and all get a 401.
    const tokens = provider();
    const shared = createAttachmentsClient({ apiDomain: server.origin, accessToken: tokens, maxConcurrency: 10 });
    await tokens.getAccessToken();
    server.reset();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => shared.listAttachments("Leads", RECORD, { fields: ["id"] })),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(tokenRequests(server.requests)).toHaveLength(1);
    expect(apiRequests()).toHaveLength(20);
    expect(
      apiRequests().filter((request) => request.headers.authorization === "Zoho-oauthtoken 1000.t.2"),
    ).toHaveLength(10);
  });

  it("re-sends a replayable body on the replay", async () => {
    serve((authorization) => authorization === "Zoho-oauthtoken 1000.t.2");
    const body = '{"data":[{"id":"1"}]}';
    let built = 0;
    const result = await send(pipelineFor(server.origin, { accessToken: provider() }), {
      method: "POST",
      url: `/crm/v8/Leads/${RECORD}/Attachments`,
      headers: { "Content-Type": "application/json" },
      body: () => {
        built++;
        return body;
      },
      replayable: true,
      idempotent: false,
    });
    expect(result.response.status).toBe(200);
    expect(built).toBe(2);
    expect(apiRequests().map((request) => [request.headers.authorization, request.body])).toEqual([
      ["Zoho-oauthtoken 1000.t.1", body],
      ["Zoho-oauthtoken 1000.t.2", body],
    ]);
  });

  it("does not replay a one-shot body", async () => {
    serve((authorization) => authorization === "Zoho-oauthtoken 1000.t.2");
    const result = await send(pipelineFor(server.origin, { accessToken: provider() }), {
      method: "POST",
      url: `/crm/v8/Leads/${RECORD}/Attachments`,
      body: () => new Blob(["bytes"]).stream(),
      replayable: false,
      idempotent: false,
    });
    expect(result.response.status).toBe(401);
    expect(apiRequests().map((request) => request.body)).toEqual(["bytes"]);
    expect(tokenRequests(server.requests)).toHaveLength(1);
  });

  it("asks a token function once more, then surfaces the 401", async () => {
    serve(() => false);
    let calls = 0;
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: () => `1000.fn.${++calls}` });
    const error = await zoho.listAttachments("Leads", RECORD, { fields: ["id"] }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, code: "INVALID_TOKEN" });
    expect(calls).toBe(2);
    expect(apiRequests().map((request) => request.headers.authorization)).toEqual([
      "Zoho-oauthtoken 1000.fn.1",
      "Zoho-oauthtoken 1000.fn.2",
    ]);
  });

  it("surfaces the 401 at once for a fixed token", async () => {
    serve(() => false);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: "1000.fixed" });
    await expect(zoho.listAttachments("Leads", RECORD, { fields: ["id"] })).rejects.toMatchObject({
      status: 401,
      code: "INVALID_TOKEN",
    });
    expect(apiRequests()).toHaveLength(1);
  });

  it("does not refresh for other 401 codes", async () => {
    const issue = issueTokens("t");
    server.handle((request) =>
      request.path === "/oauth/v2/token"
        ? issue(request)
        : {
            status: 401,
            json: {
              code: "OAUTH_SCOPE_MISMATCH",
              details: {},
              message: "invalid oauth scope to access this URL",
              status: "error",
            },
          },
    );
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: provider() });
    await expect(zoho.listAttachments("Leads", RECORD, { fields: ["id"] })).rejects.toMatchObject({
      status: 401,
      code: "OAUTH_SCOPE_MISMATCH",
    });
    expect(apiRequests()).toHaveLength(1);
    expect(tokenRequests(server.requests)).toHaveLength(1);
  });
});
