import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { specProblems } from "../spec-validator.js";
import { AUTH, example, fileForm, PATHS } from "../upload-helpers.js";

// The wider contract's documented answers in the default mode, reached with Prefer: the 207 and
// 202 bulk deletes, the duplicate-link item inside a 200, and a photo path's 400 INVALID_URL_PATTERN.

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});

afterAll(async () => {
  await mock.close();
});

async function call(method: string, path: string, prefer: string, body?: RequestInit["body"]) {
  const res = await fetch(mock.url + path, {
    method,
    headers: { ...AUTH, Prefer: prefer },
    ...(body === undefined ? {} : { body }),
  });
  return { status: res.status, type: res.headers.get("content-type"), json: (await res.json()) as unknown };
}

const BULK = "/crm/v8/Leads/1000000231009/Attachments?ids=1386586000002588012,1386586000002588099";
const BULK_V2 = "/crm/v2/Leads/1000000231009/Attachments?ids=1386586000002588012,1386586000002588099";

describe("bulk delete", () => {
  it("without Prefer answers the 200 deleted example", async () => {
    const res = await fetch(mock.url + BULK, { method: "DELETE", headers: AUTH });
    expect(res.status).toBe(200);
    expect(await res.json()).toStrictEqual(example("delete", PATHS.v8.list, 200, "deleted"));
  });

  it.each([
    [BULK, PATHS.v8.list, "deleteAttachments"],
    [BULK_V2, PATHS.v2.list, "deleteAttachmentsV2"],
  ])("Prefer: code=207 answers partlyDeleted (%s)", async (path, specPath, operationId) => {
    const res = await call("DELETE", path, "code=207");
    expect(res.status).toBe(207);
    expect(res.type).toBe("application/json;charset=UTF-8");
    expect(res.json).toStrictEqual(example("delete", specPath, 207, "partlyDeleted"));
    expect(await specProblems(operationId, 207, res.json)).toStrictEqual([]);
  });

  it("Prefer: code=207, example=noneDeleted answers that example", async () => {
    const res = await call("DELETE", BULK, "code=207, example=noneDeleted");
    expect(res.status).toBe(207);
    expect(res.json).toStrictEqual(example("delete", PATHS.v8.list, 207, "noneDeleted"));
  });

  it("Prefer: code=202 answers acceptedWithErrors", async () => {
    const res = await call("DELETE", BULK, "code=202");
    expect(res.status).toBe(202);
    expect(res.json).toStrictEqual(example("delete", PATHS.v8.list, 202, "acceptedWithErrors"));
    expect(await specProblems("deleteAttachments", 202, res.json)).toStrictEqual([]);
  });
});

describe("uploads and photos", () => {
  it.each([
    ["/crm/v2/Leads/1000000231009/Attachments", PATHS.v2.list],
    ["/crm/v8/Leads/1000000231009/Attachments", PATHS.v8.list],
  ])("Prefer: example=linkAlreadyExists answers the duplicate-link item under 200 (%s)", async (path, specPath) => {
    const res = await call("POST", `${path}?attachmentUrl=https%3A%2F%2Fwww.zohocorp.com`, "example=linkAlreadyExists");
    expect(res.status).toBe(200);
    expect(res.json).toStrictEqual(example("post", specPath, 200, "linkAlreadyExists"));
  });

  it("the duplicate-link example also answers a file upload that asks for it", async () => {
    const res = await call("POST", "/crm/v8/Leads/1/Attachments", "example=linkAlreadyExists", fileForm("a.txt", "a"));
    expect(res.json).toMatchObject({ data: [{ code: "DUPLICATE_DATA", status: "error" }] });
  });

  it("Prefer: code=400, example=invalidUrlPattern answers a photo path's 400", async () => {
    const res = await call("GET", "/crm/v8/Leads/1/photo", "code=400, example=invalidUrlPattern");
    expect(res.status).toBe(400);
    expect(res.json).toStrictEqual(example("get", PATHS.v8.photo, 400, "invalidUrlPattern"));
    expect(res.json).toMatchObject({ code: "INVALID_URL_PATTERN" });
  });
});
