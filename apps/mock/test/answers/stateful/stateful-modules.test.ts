import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../src/index.js";
import { specProblems } from "../../spec-validator.js";
import { AUTH, example, fileForm, PATHS, sha256 } from "../../upload-helpers.js";

// Open module names in the stateful mode: a renamed custom module keeps its records the way Leads
// does, on both lines; the module rules refuse before anything is stored.

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true });
});

afterAll(async () => {
  await mock.close();
});

async function call(method: string, path: string, body?: RequestInit["body"]) {
  const res = await fetch(mock.url + path, { method, headers: AUTH, ...(body === undefined ? {} : { body }) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get("content-type") ?? "").startsWith("application/json")
    ? (JSON.parse(bytes.toString()) as Record<string, any>)
    : undefined;
  return { status: res.status, headers: res.headers, bytes, json };
}

describe("a renamed custom module (ServiceCenters)", () => {
  it.each(["v2", "v8"])("keeps, lists, downloads and deletes its files on %s", async (version) => {
    const rec = `ServiceCenters/${version === "v2" ? "5000000000001" : "5000000000002"}`;
    const bytes = randomBytes(4096);
    const posted = await call("POST", `/crm/${version}/${rec}/Attachments`, fileForm("plan.bin", bytes));
    expect(posted.status).toBe(200);
    const id = posted.json?.data[0].details.id as string;
    const fields = version === "v2" ? "" : "?fields=id,File_Name,$se_module";
    const list = await call("GET", `/crm/${version}/${rec}/Attachments${fields}`);
    expect(list.status).toBe(200);
    const operationId = version === "v2" ? "listAttachmentsV2" : "listAttachments";
    expect(await specProblems(operationId, 200, list.json)).toStrictEqual([]);
    expect(list.json?.data).toHaveLength(1);
    expect(list.json?.data[0]).toMatchObject({ id, File_Name: "plan.bin", $se_module: "ServiceCenters" });
    const download = await call("GET", `/crm/${version}/${rec}/Attachments/${id}`);
    expect(download.status).toBe(200);
    expect(sha256(download.bytes)).toBe(sha256(bytes));
    expect((await call("DELETE", `/crm/${version}/${rec}/Attachments/${id}`)).status).toBe(200);
    expect((await call("GET", `/crm/${version}/${rec}/Attachments${fields}`)).status).toBe(204);
  });

  it("is a module of its own: the same record id under Leads holds nothing", async () => {
    await call("POST", "/crm/v8/ServiceCenters/5000000000003/Attachments", fileForm("a.txt", "a"));
    expect((await call("GET", "/crm/v8/Leads/5000000000003/Attachments?fields=id")).status).toBe(204);
    expect((await call("GET", "/crm/v8/ServiceCenters/5000000000003/Attachments?fields=id")).status).toBe(200);
  });

  it("keeps a photo too", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect((await call("POST", "/crm/v8/ServiceCenters/5000000000004/photo", fileForm("p.png", png))).status).toBe(200);
    const photo = await call("GET", "/crm/v2/ServiceCenters/5000000000004/photo");
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(sha256(photo.bytes)).toBe(sha256(png));
  });
});

describe("the module rules come first", () => {
  it("Calls on v2 stores nothing; on v2.1 it is kept and listed", async () => {
    const refused = await call("POST", "/crm/v2/Calls/5000000000010/Attachments", fileForm("a.txt", "a"));
    expect(refused.status).toBe(400);
    expect(refused.json).toStrictEqual(example("post", PATHS.v2.list, 400, "invalidModule"));
    expect((await call("GET", "/crm/v2.1/Calls/5000000000010/Attachments")).status).toBe(204);
    expect((await call("POST", "/crm/v2.1/Calls/5000000000010/Attachments", fileForm("b.txt", "b"))).status).toBe(200);
    const list = await call("GET", "/crm/v2.1/Calls/5000000000010/Attachments");
    expect(list.json?.data.map((item: { File_Name: string }) => item.File_Name)).toStrictEqual(["b.txt"]);
  });

  it("a photo of a Deal is not supported, and stores nothing", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const refused = await call("POST", "/crm/v8/Deals/5000000000011/photo", fileForm("p.png", png));
    expect(refused.status).toBe(400);
    expect(refused.json).toStrictEqual(example("post", PATHS.v8.photo, 400, "moduleNotSupported"));
  });
});
