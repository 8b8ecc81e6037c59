import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoApiError } from "../src/index.js";
import { parseResponseMeta, parseRetryAfter } from "../src/response-meta.js";
import { useTestServer } from "./helpers/http-server.js";
import { successExample } from "./helpers/spec-examples.js";

const RECORD = "4150868000002728001";
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const LIMITS = {
  "X-ACCESSTOKEN-RESET": "2026-11-22T13:00:00+00:00",
  "X-RATELIMIT-LIMIT": "100",
  "X-RATELIMIT-REMAINING": "42",
  "X-RATELIMIT-RESET": "1795000000000",
  "X-RATELIMIT-DAY-LIMIT": "50000",
  "X-RATELIMIT-DAY-REMAINING": "49000",
};

const server = useTestServer();

describe("Zoho's response headers", () => {
  it("are parsed onto every page as meta, beside the raw headers", async () => {
    server.handle(() => ({ status: 200, json: successExample("current"), headers: LIMITS }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: "1000.t" });
    const result = await zoho.listAttachments("Leads", RECORD, { fields: ["id"] });
    expect(result.meta).toEqual({
      accessTokenReset: new Date("2026-11-22T13:00:00Z"),
      rateLimit: 100,
      rateLimitRemaining: 42,
      rateLimitReset: 1795000000000,
      dayLimit: 50000,
      dayRemaining: 49000,
      retryAfterMs: undefined,
    });
    expect(result.headers.get("x-ratelimit-remaining")).toBe("42");
  });

  it("are on a ZohoApiError too", async () => {
    server.handle(() => ({
      status: 400,
      json: { code: "INVALID_DATA", details: {}, message: "bad", status: "error" },
      headers: LIMITS,
    }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: "1000.t" });
    const error = await zoho.listAttachments("Leads", RECORD, { fields: ["id"] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect((error as ZohoApiError).meta).toMatchObject({ rateLimitRemaining: 42, dayRemaining: 49000 });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 400, retries: 0, meta: { rateLimit: 100 } });
  });

  it("leave out what is absent or unreadable", () => {
    const meta = parseResponseMeta(new Headers({ "x-ratelimit-limit": "lots", "x-accesstoken-reset": "soon" }), NOW);
    expect(meta).toEqual({
      accessTokenReset: undefined,
      rateLimit: undefined,
      rateLimitRemaining: undefined,
      rateLimitReset: undefined,
      dayLimit: undefined,
      dayRemaining: undefined,
      retryAfterMs: undefined,
    });
  });

  it.each([
    ["120", 120_000],
    ["0", 0],
    ["1.5", 1500],
    [new Date(NOW + 30_000).toUTCString(), 30_000],
    [new Date(NOW - 30_000).toUTCString(), 0],
    ["in a while", undefined],
  ])("reads Retry-After %j as %j ms", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
