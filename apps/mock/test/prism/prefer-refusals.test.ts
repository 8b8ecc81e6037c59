import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { jsonCall, ZOHO_JSON } from "../json-call.js";

// Zoho has no Prefer header, so there is no Zoho answer to copy for a bad one: the mock answers a
// Zoho-shaped INVALID_DATA naming the header (or the query parameter), whose message lists what
// the operation does document (reliability review D15). Prism's problem document is gone.

const SEED = "/crm/v2/Leads/1000000231009/Attachments";

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});

afterAll(async () => {
  await mock.close();
});

const call = (path: string, init?: RequestInit) => jsonCall(mock.url, path, init);

describe("a Prefer the spec cannot honour", () => {
  it("an undocumented code is INVALID_DATA naming Prefer, and the message lists the documented responses", async () => {
    const res = await call(SEED, { headers: { Prefer: "code=418" } });
    expect(res.status).toBe(400);
    expect(res.type).toBe(ZOHO_JSON);
    const body = res.body as { code: string; details: unknown; message: string; status: string };
    expect(Object.keys(body).sort()).toStrictEqual(["code", "details", "message", "status"]);
    expect(body).toMatchObject({ code: "INVALID_DATA", details: { param_name: "Prefer" }, status: "error" });
    expect(body.message).toContain("code=418");
    expect(body.message).toContain("500 (examples: internalError)");
  });

  it("an unknown example is INVALID_DATA naming Prefer, and the message lists the examples", async () => {
    const res = await call(SEED, { headers: { Prefer: "example=nope" } });
    expect(res.status).toBe(400);
    expect(res.type).toBe(ZOHO_JSON);
    const body = res.body as { details: unknown; message: string };
    expect(body.details).toStrictEqual({ param_name: "Prefer" });
    expect(body.message).toContain("example=nope");
    expect(body.message).toContain("200 (examples: seedSample)");
  });

  it("an unknown example under code=200 is the same 400, not a 500", async () => {
    const res = await call("/crm/v8/Leads/1000000231009/Attachments?fields=id", {
      headers: { Prefer: "code=200, example=nonexistent" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "INVALID_DATA", details: { param_name: "Prefer" }, status: "error" });
    expect((res.body as { message: string }).message).toContain("code=200, example=nonexistent");
  });

  it("the query form names the query parameter", async () => {
    const res = await call(`${SEED}?__code=299`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "INVALID_DATA", details: { param_name: "__code" } });
  });

  it("a malformed code is INVALID_DATA whose message says what a code is", async () => {
    const res = await call(SEED, { headers: { Prefer: "code=abc" } });
    expect(res.status).toBe(400);
    expect(res.type).toBe(ZOHO_JSON);
    expect(res.body).toMatchObject({ code: "INVALID_DATA", details: { param_name: "Prefer" }, status: "error" });
    expect((res.body as { message: string }).message).toMatch(/code must be a three-digit HTTP status \(got "abc"\)/);
  });

  it("still comes after the request's own checks: a bad module is INVALID_MODULE", async () => {
    const res = await call("/crm/v2/Not-A-Module/1000000231009/Attachments", { headers: { Prefer: "code=418" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "INVALID_MODULE" });
  });
});
