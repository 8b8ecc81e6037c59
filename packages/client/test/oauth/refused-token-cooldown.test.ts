/**
 * A refresh that does not help is not repeated call after call: when Zoho refuses (401 INVALID_TOKEN)
 * a token the provider minted moments before to replace a refused one, the provider stops refreshing
 * for refusedTokenCooldownMs and calls fail at once with a ZohoAuthError. Zoho allows at most 10
 * access tokens per refresh token in 10 minutes. Time is a fake clock; the servers are real.
 */
import { describe, expect, it } from "vitest";
import {
  createAttachmentsClient,
  createRefreshTokenProvider,
  ZohoApiError,
  ZohoAuthError,
  ZohoInputError,
  type ZohoLogEvent,
} from "../../src/index.js";
import { fakeClock } from "../helpers/fake-clock.js";
import { type SeenRequest, useTestServer } from "../helpers/http-server.js";
import { successExample } from "../helpers/spec-examples.js";
import { issueTokens, tokenRequests } from "../helpers/token-server.js";

const RECORD = "4150868000002728001";
const CREDENTIALS = { clientId: "1000.CLIENTID", clientSecret: "client-secret-value", refreshToken: "1000.refresh.v" };
const page = successExample("current");
const invalidToken = { code: "INVALID_TOKEN", details: {}, message: "invalid oauth token", status: "error" };
const FIVE_MINUTES = 300_000;

const server = useTestServer();
let accepted: (authorization: string | undefined) => boolean = () => false;

// The accounts server issues 1000.t.1, 1000.t.2, ...; the API accepts what `accepted` says.
function serve(): void {
  const issue = issueTokens("t");
  server.handle((request) => {
    if (request.path === "/oauth/v2/token") return issue(request);
    return accepted(request.headers.authorization) ? { status: 200, json: page } : { status: 401, json: invalidToken };
  });
}

function apiRequests(): SeenRequest[] {
  return server.requests.filter((request) => request.path !== "/oauth/v2/token");
}

function setup(options: Record<string, unknown> = {}) {
  serve();
  const clock = fakeClock();
  const events: ZohoLogEvent[] = [];
  const tokens = createRefreshTokenProvider({
    ...CREDENTIALS,
    accountsServer: server.origin,
    now: clock.now,
    ...options,
  });
  const zoho = createAttachmentsClient({
    apiDomain: server.origin,
    accessToken: tokens,
    logger: (event) => events.push(event),
  });
  const list = () => zoho.listAttachments("Leads", RECORD, { fields: ["id"] }).catch((error: unknown) => error);
  return { clock, events, tokens, list };
}

describe("a refused fresh token", () => {
  it("stops the refreshes: four calls mint two tokens, not five, and the later calls fail at once", async () => {
    accepted = () => false;
    const { list, events } = setup();
    const first = await list();
    expect(first).toBeInstanceOf(ZohoApiError);
    expect(first).toMatchObject({ status: 401, code: "INVALID_TOKEN" });
    const later = [await list(), await list(), await list()];
    for (const error of later) {
      expect(error).toBeInstanceOf(ZohoAuthError);
      expect((error as Error).message).toMatch(
        /refused \(401 INVALID_TOKEN\) an access token .* right after it was issued .* does not refresh until 2026-11-22T12:05:00\.000Z .* at most 10 access tokens per refresh token in 10 minutes/,
      );
    }
    // The first call: t.1 refused, t.2 minted for the replay and refused too (surfaced as the 401). The
    // second call tries t.2 once more (it may have been a passing refusal), and Zoho refuses it again.
    expect(tokenRequests(server.requests)).toHaveLength(2);
    expect(apiRequests().map((request) => request.headers.authorization)).toEqual([
      "Zoho-oauthtoken 1000.t.1",
      "Zoho-oauthtoken 1000.t.2",
      "Zoho-oauthtoken 1000.t.2",
    ]);
    const refreshes = events.filter((event) => event.type === "refresh");
    expect(refreshes.map((event) => event.outcome)).toEqual(["success", "success", "failure", "failure", "failure"]);
  });

  it("refreshes again once the cooldown is over, and works when Zoho takes the token", async () => {
    accepted = () => false;
    const { list, clock } = setup();
    await list();
    expect(await list()).toBeInstanceOf(ZohoAuthError); // the hold starts here
    clock.advance(FIVE_MINUTES - 1);
    expect(await list()).toBeInstanceOf(ZohoAuthError);
    expect(tokenRequests(server.requests)).toHaveLength(2);
    expect(apiRequests()).toHaveLength(3);
    clock.advance(1);
    accepted = (authorization) => authorization === "Zoho-oauthtoken 1000.t.3";
    const page = await list();
    expect(page).toMatchObject({ status: 200 });
    expect(tokenRequests(server.requests)).toHaveLength(3);
  });

  it("mints one token per cooldown while Zoho keeps refusing", async () => {
    accepted = () => false;
    const { list, clock } = setup();
    await list();
    expect(await list()).toBeInstanceOf(ZohoAuthError);
    clock.advance(FIVE_MINUTES);
    expect(await list()).toBeInstanceOf(ZohoAuthError); // t.3 minted and refused: on hold again
    expect(await list()).toBeInstanceOf(ZohoAuthError);
    expect(tokenRequests(server.requests)).toHaveLength(3);
    expect(apiRequests()).toHaveLength(4);
  });

  it("does not hold back after a token that worked for a while is revoked", async () => {
    accepted = (authorization) => authorization === "Zoho-oauthtoken 1000.t.1";
    const { list, clock } = setup();
    expect(await list()).toMatchObject({ status: 200 });
    accepted = (authorization) => authorization === "Zoho-oauthtoken 1000.t.2";
    expect(await list()).toMatchObject({ status: 200 }); // t.1 refused: refreshed, replayed with t.2
    clock.advance(120_000);
    accepted = (authorization) => authorization === "Zoho-oauthtoken 1000.t.3";
    expect(await list()).toMatchObject({ status: 200 }); // t.2 worked for two minutes, then refused
    expect(tokenRequests(server.requests)).toHaveLength(3);
  });

  it("refreshes on every call with refusedTokenCooldownMs: 0", async () => {
    accepted = () => false;
    const { list } = setup({ refusedTokenCooldownMs: 0 });
    for (let call = 0; call < 3; call++) expect(await list()).toMatchObject({ status: 401, code: "INVALID_TOKEN" });
    expect(tokenRequests(server.requests)).toHaveLength(4);
    expect(apiRequests()).toHaveLength(6);
  });

  it("refuses a refusedTokenCooldownMs that is not a number of milliseconds", () => {
    expect(() => createRefreshTokenProvider({ ...CREDENTIALS, refusedTokenCooldownMs: -1 } as never)).toThrow(
      ZohoInputError,
    );
  });
});
