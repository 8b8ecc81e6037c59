import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { AUTH, example, fileForm, fixture, PATHS, sha256 } from "../upload-helpers.js";

// Which modules the mock takes, in the default (example-driven) mode: any API name of Zoho's form,
// standard or custom; a name of another form, a module newer than the version asked, and (on photo
// paths) a standard module without photos are refused, each with the spec's own example.

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});

afterAll(async () => {
  await mock.close();
});

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(mock.url + path, { ...init, headers: { ...AUTH, ...(init.headers ?? {}) } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get("content-type") ?? "").startsWith("application/json")
    ? (JSON.parse(bytes.toString()) as unknown)
    : undefined;
  return { status: res.status, headers: res.headers, bytes, json };
}

const invalidModuleV2 = example("get", PATHS.v2.list, 400, "invalidModule");

describe("any API name of Zoho's form", () => {
  it.each([
    ["/crm/v2/ServiceCenters/1000000231009/Attachments", PATHS.v2.list],
    ["/crm/v2.1/CustomModule7/1000000231009/Attachments", PATHS.v2.list],
    ["/crm/v8/ServiceCenters/1000000231009/Attachments?fields=id", PATHS.v8.list],
    [`/crm/v5/${"A".repeat(64)}/1000000231009/Attachments?fields=id`, PATHS.v8.list],
  ])("%s answers the line's seed sample", async (path, specPath) => {
    const res = await call(path);
    expect(res.status).toBe(200);
    expect(res.json).toStrictEqual(example("get", specPath, 200, "seedSample"));
  });

  it("a renamed custom module downloads real bytes and has a photo", async () => {
    const download = await call("/crm/v8/ServiceCenters/1/Attachments/3");
    expect(download.status).toBe(200);
    expect(sha256(download.bytes)).toBe(sha256(fixture("Quote.pdf")));
    const photo = await call("/crm/v2/ServiceCenters/1/photo");
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(sha256(photo.bytes)).toBe(sha256(fixture("photo.png")));
  });

  it("a percent-encoded standard name is that module", async () => {
    const res = await call("/crm/v2/%4Ceads/1000000231009/Attachments");
    expect(res.status).toBe(200);
    expect(res.json).toStrictEqual(example("get", PATHS.v2.list, 200, "seedSample"));
  });
});

describe("names that are no API name", () => {
  it.each([
    "/crm/v2/Not-A-Module/1000000231009/Attachments",
    "/crm/v2/%zz/1000000231009/Attachments",
    "/crm/v2/Lea%20ds/1000000231009/Attachments",
    `/crm/v2/${"A".repeat(65)}/1000000231009/Attachments`,
    "/crm/v2/_Leads/1000000231009/Attachments",
  ])("%s is INVALID_MODULE at path index 0", async (path) => {
    const res = await call(path);
    expect(res.status).toBe(400);
    expect(res.json).toStrictEqual(invalidModuleV2);
    expect(res.json).toMatchObject({ code: "INVALID_MODULE", details: { resource_path_index: 0 } });
  });

  it("a malformed escape in the record id is INVALID_DATA at path index 1, not a crash", async () => {
    const res = await call("/crm/v8/Leads/%zz/Attachments?fields=id");
    expect(res.status).toBe(400);
    expect(res.json).toStrictEqual(example("get", PATHS.v8.list, 400, "invalidRecordId"));
  });

  it("on a photo path as well", async () => {
    const res = await call("/crm/v8/Not-A-Module/1/photo");
    expect(res.status).toBe(400);
    expect(res.json).toStrictEqual(example("get", PATHS.v8.photo, 400, "invalidModule"));
  });
});

describe("modules that arrived later on their line", () => {
  it("Calls is unknown to v2 and served from v2.1", async () => {
    const v2 = await call("/crm/v2/Calls/1000000231009/Attachments");
    expect(v2.status).toBe(400);
    expect(v2.json).toStrictEqual(invalidModuleV2);
    const v21 = await call("/crm/v2.1/Calls/1000000231009/Attachments");
    expect(v21.status).toBe(200);
    expect(v21.json).toStrictEqual(example("get", PATHS.v2.list, 200, "seedSample"));
  });

  it("Calls on v2 is reported before a bad record id, and on every operation", async () => {
    expect((await call("/crm/v2/Calls/abc/Attachments")).json).toStrictEqual(invalidModuleV2);
    const upload = await call("/crm/v2/Calls/1/Attachments", { method: "POST", body: fileForm("a.txt", "a") });
    expect(upload.status).toBe(400);
    expect(upload.json).toStrictEqual(example("post", PATHS.v2.list, 400, "invalidModule"));
    const download = await call("/crm/v2/Calls/1/Attachments/5");
    expect(download.status).toBe(400);
    expect(download.json).toStrictEqual(example("get", PATHS.v2.one, 400, "invalidModule"));
  });

  it("Calls on the current line is served from v3 on", async () => {
    expect((await call("/crm/v3/Calls/1000000231009/Attachments?fields=id")).status).toBe(200);
  });

  it.each(["Appointments__s", "Services__s"])(
    "%s is refused on the v2 line and served on the current one",
    async (m) => {
      for (const version of ["v2", "v2.1"]) {
        const res = await call(`/crm/${version}/${m}/1000000231009/Attachments`);
        expect(res.status).toBe(400);
        expect(res.json).toStrictEqual(invalidModuleV2);
      }
      expect((await call(`/crm/v8/${m}/1000000231009/Attachments?fields=id`)).status).toBe(200);
    },
  );
});

describe("photo paths", () => {
  it.each([
    ["GET", "/crm/v8/Deals/1/photo", PATHS.v8.photo],
    ["GET", "/crm/v2.1/Calls/1/photo", PATHS.v2.photo],
    ["DELETE", "/crm/v8/Tasks/1/photo", PATHS.v8.photo],
    ["DELETE", "/crm/v2/Quotes/1/photo", PATHS.v2.photo],
  ])("%s %s: a standard module without photos is the spec's moduleNotSupported", async (method, path, specPath) => {
    const res = await call(path, { method });
    expect(res.status).toBe(400);
    expect(res.json).toStrictEqual(example(method, specPath, 400, "moduleNotSupported"));
    expect(res.json).toMatchObject({ code: "INVALID_MODULE", message: "The given module is not supported in API" });
  });

  it.each(["Leads", "Contacts", "Accounts", "Products", "Vendors", "ServiceCenters"])("%s has a photo", async (m) => {
    const res = await call(`/crm/v8/${m}/1/photo`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
  });
});
