/**
 * What Zoho's Node.js SDK for v2 sends on its own around the token, against the mock. It has no
 * user lookup (the user is a UserSignature the caller names) and asks for nothing at
 * initialization; with a refresh token instead of an access token it fetches an access token
 * from the mock's `/oauth/v2/token` before its first API call and stores it in its token file.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN } from "../../src/index.js";
import { fileBody, leads } from "./nodejs-sdk-2-calls.js";
import { initializeNodeSdk2, type NodeSdk2Context, startNodeSdk2Servers, v2 } from "./nodejs-sdk-2-setup.js";

let ctx: NodeSdk2Context;
const now = Date.parse("2030-01-01T08:00:00Z");

beforeAll(async () => {
  ctx = await startNodeSdk2Servers({ now: () => now });
  const token = new v2.OAuthBuilder()
    .clientId(DEFAULT_CLIENT_ID)
    .clientSecret(DEFAULT_CLIENT_SECRET)
    .refreshToken(DEFAULT_REFRESH_TOKEN)
    .build();
  await initializeNodeSdk2(ctx.proxy.url, ctx.sandbox, token);
});

afterAll(async () => {
  await ctx?.close();
});

describe("nodejs-sdk-2.0: requests around the token", () => {
  it("sends nothing while initializing, even with a refresh token", () => {
    expect(ctx.proxy.seen).toStrictEqual([]);
  });

  it("gets its access token from the mock's /oauth/v2/token at the first call, then uses it", async () => {
    const body = fileBody(v2.AttachmentsFileBodyWrapper, ctx.sandbox.textFile("first-call.txt").path);
    const res = await leads(1000000290001n).uploadAttachment(body);
    expect(res.getStatusCode()).toBe(200);
    const [refresh, call, ...others] = ctx.proxy.take();
    expect(others).toStrictEqual([]);
    expect(refresh).toMatchObject({ method: "POST", target: "/oauth/v2/token" });
    // The SDK posts the refresh grant as multipart form data (form-data), which the mock accepts.
    expect(refresh?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(call).toMatchObject({ method: "POST", target: "/crm/v2/Leads/1000000290001/Attachments" });
    expect(ctx.mock.stats.tokensIssued).toBe(1);
    // Only a token the mock issued gets its own expiry back: this one, an hour after the mock's clock.
    expect(res.getHeaders().get("x-accesstoken-reset")).toBe("2030-01-01T09:00:00+00:00");
  });

  it("stores the issued token in its token file and reuses it without asking again", async () => {
    expect(readFileSync(ctx.sandbox.tokenFile, "utf8")).toContain("1000.zcrm-mock.");
    const res = await leads(1000000290001n).getAttachments();
    expect(res.getStatusCode()).toBe(200);
    expect(ctx.proxy.take().map((r) => `${r.method} ${r.target}`)).toStrictEqual([
      "GET /crm/v2/Leads/1000000290001/Attachments",
    ]);
    expect(ctx.mock.stats.tokenRequests).toBe(1);
  });
});
