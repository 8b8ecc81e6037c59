/**
 * What Zoho's TypeScript SDK for v8 sends on its own around the token, against the mock: left at
 * its default, `findUser` makes `initialize()` look the user up first (`GET /crm/v8/users?type=
 * CurrentUser`, which the mock does not serve); and with a refresh token instead of an access
 * token, it gets its access token from the mock's `/oauth/v2/token`. Each test re-initializes
 * the process-global SDK against servers of its own.
 */
import * as ZOHOCRMSDK from "@zohocrm/typescript-sdk-8.0";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN } from "../../src/index.js";
import {
  fileBody,
  initializeTypescriptSdk8,
  startTypescriptSdk8Servers,
  type TypescriptSdk8Context,
  V8_ACCESS_TOKEN,
} from "./typescript-sdk-8-setup.js";

let ctx: TypescriptSdk8Context | undefined;

afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

/** Uploads a small text file to Leads/`record` through the initialized SDK; the HTTP status and the answer's headers. */
async function uploadOne(context: TypescriptSdk8Context, record: bigint) {
  const body = fileBody(new ZOHOCRMSDK.Attachments.FileBodyWrapper(), context.sandbox.textFile("after-init.txt").path);
  const res = await new ZOHOCRMSDK.Attachments.AttachmentsOperations().uploadAttachments(record, "Leads", body);
  return { status: res.getStatusCode(), headers: res.getHeaders() };
}

describe("typescript-sdk-8.0: requests around the token", () => {
  it("with findUser left on, initialize() first asks GET /crm/v8/users?type=CurrentUser", async () => {
    ctx = await startTypescriptSdk8Servers();
    // The default of OAuthBuilder: findUser(true).
    const token = new ZOHOCRMSDK.OAuthBuilder().accessToken(V8_ACCESS_TOKEN).build();
    await initializeTypescriptSdk8(ctx.proxy.url, ctx.sandbox, token);
    expect(ctx.proxy.take().map((r) => `${r.method} ${r.target}`)).toStrictEqual([
      "GET /crm/v8/users?type=CurrentUser",
    ]);
    // The mock has no users endpoint (404 INVALID_URL_PATTERN); the SDK logs that, keeps going without a user name.
    expect((await uploadOne(ctx, 1000000260001n)).status).toBe(200);
    expect(ctx.proxy.take().map((r) => r.target)).toStrictEqual(["/crm/v8/Leads/1000000260001/Attachments"]);
  });

  it("with a refresh token, gets its access token from the mock's /oauth/v2/token and uses it", async () => {
    const now = Date.parse("2030-01-01T08:00:00Z");
    ctx = await startTypescriptSdk8Servers({ now: () => now });
    const token = new ZOHOCRMSDK.OAuthBuilder()
      .clientId(DEFAULT_CLIENT_ID)
      .clientSecret(DEFAULT_CLIENT_SECRET)
      .refreshToken(DEFAULT_REFRESH_TOKEN)
      .findUser(false)
      .build();
    await initializeTypescriptSdk8(ctx.proxy.url, ctx.sandbox, token);
    const [refresh, ...others] = ctx.proxy.take();
    expect(others).toStrictEqual([]);
    expect(refresh).toMatchObject({ method: "POST", target: "/oauth/v2/token" });
    // The SDK posts the refresh grant as multipart form data (form-data), which the mock accepts.
    expect(refresh?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(ctx.mock.stats.tokensIssued).toBe(1);
    const { status, headers } = await uploadOne(ctx, 1000000260002n);
    expect(status).toBe(200);
    // Only a token the mock issued gets its own expiry back: this one, an hour after the mock's clock.
    expect(headers.get("x-accesstoken-reset")).toBe("2030-01-01T09:00:00+00:00");
    expect(ctx.mock.stats.tokenRequests).toBe(1);
  });
});
