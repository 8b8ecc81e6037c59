import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { jsonCall, ZOHO_JSON } from "../json-call.js";
import { specExample, V2, V8 } from "../spec-examples.js";

const SEED = "/crm/v2/Leads/1000000231009/Attachments";

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});

afterAll(async () => {
  await mock.close();
});

const call = (path: string, init?: RequestInit) => jsonCall(mock.url, path, init);

describe("startMock", () => {
  it("listens on 127.0.0.1 at the port it reports", () => {
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.port).toBeGreaterThan(0);
  });
});

describe("success responses (Prism's answer)", () => {
  it("answers the seed request with exactly the v2 seedSample", async () => {
    const res = await call(SEED, { method: "GET" });
    expect(res.status).toBe(200);
    expect(res.type).toBe(ZOHO_JSON);
    expect(res.body).toStrictEqual(specExample(V2, 200, "seedSample"));
  });

  it("answers the current line with its own seedSample", async () => {
    const res = await call("/crm/v8/Leads/1000000231009/Attachments?fields=id,File_Name");
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual(specExample(V8, 200, "seedSample"));
  });

  it.each(["v3", "v5", "v7"])("serves /crm/%s/ as the current line", async (version) => {
    const res = await call(`/crm/${version}/Leads/1000000231009/Attachments?fields=id`);
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual(specExample(V8, 200, "seedSample"));
  });

  it("serves /crm/v2.1/ as the v2 line", async () => {
    const res = await call("/crm/v2.1/Leads/1000000231009/Attachments");
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual(specExample(V2, 200, "seedSample"));
  });
});

describe("Prefer", () => {
  it("code=500 selects the INTERNAL_ERROR example", async () => {
    const res = await call(SEED, { headers: { Prefer: "code=500" } });
    expect(res.status).toBe(500);
    expect(res.type).toBe(ZOHO_JSON);
    expect(res.body).toStrictEqual(specExample(V2, 500, "internalError"));
  });

  it("code and example together select a named example", async () => {
    const res = await call(SEED, { headers: { Prefer: "code=400, example=moduleNotSupported" } });
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(specExample(V2, 400, "moduleNotSupported"));
  });

  it("code=403 on the current line serves its example", async () => {
    const res = await call("/crm/v8/Leads/1/Attachments?fields=id", { headers: { Prefer: "code=403" } });
    expect(res.status).toBe(403);
    expect(res.body).toStrictEqual(specExample(V8, 403, "noPermission"));
  });

  it("code=204 answers with no body", async () => {
    const res = await call(SEED, { headers: { Prefer: "code=204" } });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
  });
});

describe("Zoho errors", () => {
  it("a missing fields on the current line is REQUIRED_PARAM_MISSING", async () => {
    const res = await call("/crm/v8/Leads/1000000231009/Attachments");
    expect(res.status).toBe(400);
    expect(res.type).toBe(ZOHO_JSON);
    expect(res.body).toStrictEqual({
      code: "REQUIRED_PARAM_MISSING",
      details: { param_name: "fields" },
      message: "One of the expected parameter is missing",
      status: "error",
    });
  });

  it("no Authorization is AUTHENTICATION_FAILURE", async () => {
    const res = await fetch(mock.url + SEED);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe(ZOHO_JSON);
    expect(await res.json()).toStrictEqual(specExample(V2, 401, "authenticationFailure"));
  });

  it("a Bearer token is AUTHENTICATION_FAILURE", async () => {
    const res = await call(SEED, { headers: { Authorization: "Bearer x" } });
    expect(res.status).toBe(401);
    expect(res.body).toStrictEqual(specExample(V2, 401, "authenticationFailure"));
  });

  it("Zoho-oauthtoken without a token is INVALID_TOKEN", async () => {
    const res = await call(SEED, { headers: { Authorization: "Zoho-oauthtoken " } });
    expect(res.status).toBe(401);
    expect(res.body).toStrictEqual(specExample(V2, 401, "invalidToken"));
  });

  it("authentication is checked before the request's parameters", async () => {
    const res = await call("/crm/v8/Not-A-Module/abc/Attachments", { headers: { Authorization: "Bearer x" } });
    expect(res.status).toBe(401);
  });

  it("a module name that is no API name is INVALID_MODULE", async () => {
    const res = await call("/crm/v2/Not-A-Module/1000000231009/Attachments");
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(specExample(V2, 400, "invalidModule"));
  });

  it("the module is reported before a bad record id or a missing fields", async () => {
    const res = await call("/crm/v8/Not-A-Module/abc/Attachments");
    expect(res.body).toMatchObject({ code: "INVALID_MODULE" });
  });

  it("a record id that is not digits is INVALID_DATA at path index 1", async () => {
    const res = await call("/crm/v2/Leads/abc/Attachments");
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(specExample(V2, 400, "invalidRecordId"));
    expect(res.body).toMatchObject({ code: "INVALID_DATA", details: { resource_path_index: 1 } });
  });

  it.each([
    ["per_page=500", "per_page"],
    ["page=0", "page"],
    ["per_page=ten", "per_page"],
  ])("%s is INVALID_DATA naming the parameter", async (query, param) => {
    const res = await call(`${SEED}?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual({
      ...(specExample(V2, 400, "invalidParameter") as object),
      details: { param_name: param },
    });
  });

  it("an unknown path is INVALID_URL_PATTERN", async () => {
    const res = await call("/crm/v2/Leads/1/Nope");
    expect(res.status).toBe(404);
    expect(res.type).toBe(ZOHO_JSON);
    expect(res.body).toStrictEqual(specExample(V2, 404, "invalidUrlPattern"));
  });

  it.each(["/crm/v9/Leads/1/Attachments", "/crm/v2.2/Leads/1/Attachments", "/crm/v1/Leads/1/Attachments"])(
    "an unknown version (%s) is an unknown path",
    async (path) => {
      const res = await call(path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: "INVALID_URL_PATTERN" });
    },
  );

  it.each(["PUT", "PATCH"])("%s on the list path is INVALID_REQUEST_METHOD", async (method) => {
    const res = await call(SEED, { method });
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(specExample(V2, 400, "invalidRequestMethod"));
  });
});
