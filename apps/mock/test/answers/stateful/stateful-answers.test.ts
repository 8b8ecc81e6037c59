import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../src/index.js";
import { specProblems } from "../../spec-validator.js";
import { AUTH, example, fileForm, PATHS, sha256 } from "../../upload-helpers.js";

// The stateful mode: what is uploaded is listed, downloaded and deleted, on both lines, with
// every answer checked against the spec by Prism's validator.

let mock: MockServer;
let record = 1000000231000;

beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true });
});

afterAll(async () => {
  await mock.close();
});

/** A record no other test touched. */
function freshRecord(module = "Leads"): string {
  record += 1;
  return `${module}/${record}`;
}

async function call(method: string, path: string, body?: RequestInit["body"], headers: Record<string, string> = {}) {
  const res = await fetch(mock.url + path, {
    method,
    headers: { ...AUTH, ...headers },
    ...(body === undefined ? {} : { body }),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get("content-type") ?? "").startsWith("application/json")
    ? (JSON.parse(bytes.toString()) as unknown)
    : undefined;
  return { status: res.status, headers: res.headers, bytes, json: json as Record<string, any> };
}

async function upload(
  line: string,
  rec: string,
  name: string,
  bytes: Uint8Array | string,
  type?: string,
): Promise<string> {
  const res = await call("POST", `/crm/${line}/${rec}/Attachments`, fileForm(name, bytes, type));
  expect(res.status).toBe(200);
  return res.json.data[0].details.id as string;
}

describe("upload, list, download, delete on the v2 line", () => {
  it("keeps the file and its name, and forgets it once deleted", async () => {
    const rec = freshRecord();
    const bytes = randomBytes(200 * 1024);
    const posted = await call(
      "POST",
      `/crm/v2/${rec}/Attachments`,
      fileForm("Résumé 日本.pdf", bytes, "application/pdf"),
    );
    expect(posted.status).toBe(200);
    expect(await specProblems("uploadAttachmentV2", 200, posted.json)).toStrictEqual([]);
    const item = posted.json.data[0];
    expect(item).toMatchObject({ code: "SUCCESS", message: "attachment uploaded successfully", status: "success" });
    expect(item.details.id).toMatch(/^\d{19}$/);
    expect(item.details.Created_Time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    const id = item.details.id as string;

    const list = await call("GET", `/crm/v2/${rec}/Attachments`);
    expect(list.status).toBe(200);
    expect(await specProblems("listAttachmentsV2", 200, list.json)).toStrictEqual([]);
    expect(list.json.info).toStrictEqual({ per_page: 200, count: 1, page: 1, more_records: false });
    const [listed] = list.json.data;
    expect(listed).toMatchObject({
      id,
      File_Name: "Résumé 日本.pdf",
      Size: String(bytes.length),
      $type: "Attachment",
      $se_module: "Leads",
      $link_url: null,
      $editable: true,
      Parent_Id: { id: rec.split("/")[1] },
      Created_Time: item.details.Created_Time,
      Owner: { name: "Patricia Boyle", id: "4150868000000225013" },
    });
    expect(listed.$file_id).toMatch(/^zcrm[0-9a-f]{33}$/);

    const download = await call("GET", `/crm/v2/${rec}/Attachments/${id}`);
    expect(download.status).toBe(200);
    // The v2 line sends every file as application/x-download; the current line keeps its type.
    expect(download.headers.get("content-type")).toBe("application/x-download");
    expect((await call("GET", `/crm/v8/${rec}/Attachments/${id}`)).headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-length")).toBe(String(bytes.length));
    expect(sha256(download.bytes)).toBe(sha256(bytes));
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(download.headers.get("content-disposition") ?? "")?.[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe("Résumé 日本.pdf");

    const deleted = await call("DELETE", `/crm/v2/${rec}/Attachments/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toStrictEqual({
      data: [{ code: "SUCCESS", details: { id }, message: "record deleted", status: "success" }],
    });
    expect((await call("GET", `/crm/v2/${rec}/Attachments`)).status).toBe(204);
    expect((await call("GET", `/crm/v2/${rec}/Attachments/${id}`)).status).toBe(204);
    const again = await call("DELETE", `/crm/v2/${rec}/Attachments/${id}`);
    expect(again.status).toBe(400);
    expect(again.json).toStrictEqual(example("delete", PATHS.v2.one, 400, "attachmentNotDeleted"));
  });
});

describe("the current line", () => {
  it("returns only the fields asked for (and id), in the v8 info shape", async () => {
    const rec = freshRecord("Contacts");
    const id = await upload("v8", rec, "notes.txt", "some notes");
    const list = await call("GET", `/crm/v8/${rec}/Attachments?fields=File_Name,Size`);
    expect(list.status).toBe(200);
    expect(await specProblems("listAttachments", 200, list.json)).toStrictEqual([]);
    expect(list.json.data).toStrictEqual([{ File_Name: "notes.txt", Size: "10", id }]);
    expect(list.json.info).toStrictEqual({
      per_page: 200,
      next_page_token: null,
      count: 1,
      page: 1,
      previous_page_token: null,
      page_token_expiry: null,
      more_records: false,
    });
  });

  it("shares the store with the v2 line: uploaded on v2.1, listed on v6, deleted on v3", async () => {
    const rec = freshRecord("Deals");
    const id = await upload("v2.1", rec, "a.txt", "a");
    const list = await call("GET", `/crm/v6/${rec}/Attachments?fields=id,$se_module`);
    expect(list.json.data).toStrictEqual([{ $se_module: "Deals", id }]);
    expect((await call("DELETE", `/crm/v3/${rec}/Attachments/${id}`)).status).toBe(200);
    expect((await call("GET", `/crm/v2/${rec}/Attachments`)).status).toBe(204);
  });

  it("every field of a listed file and link conforms to the Attachment schema", async () => {
    const rec = freshRecord();
    await upload("v8", rec, "a.bin", "abc");
    await call("POST", `/crm/v8/${rec}/Attachments?attachmentUrl=https%3A%2F%2Fwww.zohocorp.com`);
    const all =
      "id,Owner,File_Name,Size,Created_Time,Modified_Time,Created_By,Modified_By,Parent_Id,$editable,$file_id,$type,$se_module,$state,$link_url,$sharing_permission";
    const list = await call("GET", `/crm/v8/${rec}/Attachments?fields=${all}`);
    expect(list.json.data).toHaveLength(2);
    expect(Object.keys(list.json.data[0]).sort()).toStrictEqual(all.split(",").sort());
    expect(await specProblems("listAttachments", 200, list.json)).toStrictEqual([]);
    // The validator can fail: a Size that is not digits and an unknown key are both refused.
    const broken = { ...list.json, data: [{ ...list.json.data[0], Size: "12.5", Unknown: 1 }] };
    expect((await specProblems("listAttachments", 200, broken)).length).toBeGreaterThan(0);
  });
});

describe("links", () => {
  it("lists a link with its title and refuses to download it", async () => {
    const rec = freshRecord();
    const form = new FormData();
    form.append("attachmentUrl", "https://www.zohocorp.com");
    form.append("title", "Zoho Corporation");
    const posted = await call("POST", `/crm/v7/${rec}/Attachments`, form);
    expect(posted.status).toBe(200);
    expect(await specProblems("uploadAttachment", 200, posted.json)).toStrictEqual([]);
    const id = posted.json.data[0].details.id as string;
    const list = await call("GET", `/crm/v2/${rec}/Attachments`);
    expect(list.json.data[0]).toMatchObject({
      id,
      File_Name: "Zoho Corporation",
      Size: "0",
      $link_url: "https://www.zohocorp.com",
      $file_id: null,
      $type: "Link URL",
    });
    const download = await call("GET", `/crm/v8/${rec}/Attachments/${id}`);
    expect(download.status).toBe(400);
    expect(download.json).toStrictEqual(example("get", PATHS.v8.one, 400, "downloadNotAllowed"));
  });

  it("names a link without title (or before v5) after its URL", async () => {
    const rec = freshRecord();
    await call(
      "POST",
      `/crm/v4/${rec}/Attachments?attachmentUrl=${encodeURIComponent("https://a.example/x")}&title=Ignored`,
    );
    const list = await call("GET", `/crm/v8/${rec}/Attachments?fields=File_Name`);
    expect(list.json.data[0].File_Name).toBe("https://a.example/x");
  });
});

describe("deleting several", () => {
  it("answers 207 with one item per id when one is not deleted: deleted, not deleted, deleted", async () => {
    const rec = freshRecord();
    const a = await upload("v8", rec, "a.txt", "a");
    const b = await upload("v8", rec, "b.txt", "b");
    const res = await call("DELETE", `/crm/v8/${rec}/Attachments?ids=${a},1386586000002588099,${b}`);
    expect(res.status).toBe(207);
    expect(res.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    expect(await specProblems("deleteAttachments", 207, res.json)).toStrictEqual([]);
    const partly = example("delete", PATHS.v8.list, 207, "partlyDeleted") as unknown as { data: [object, object] };
    const [ok, failed] = partly.data;
    expect(res.json).toStrictEqual({
      data: [
        { ...ok, details: { id: a } },
        { ...failed, details: { id: "1386586000002588099" } },
        { ...ok, details: { id: b } },
      ],
    });
    expect((await call("GET", `/crm/v2/${rec}/Attachments`)).status).toBe(204);
  });
});

describe("isolation and Prefer", () => {
  it("a second stateful mock has a store of its own", async () => {
    const rec = freshRecord();
    await upload("v2", rec, "mine.txt", "mine");
    const other = await startMock({ port: 0, stateful: true });
    try {
      const res = await fetch(`${other.url}/crm/v2/${rec}/Attachments`, { headers: AUTH });
      expect(res.status).toBe(204);
    } finally {
      await other.close();
    }
    expect((await call("GET", `/crm/v2/${rec}/Attachments`)).status).toBe(200);
  });

  it("Prefer still selects the spec's examples", async () => {
    const rec = freshRecord();
    await upload("v2", rec, "x.txt", "x");
    const res = await call("GET", `/crm/v2/${rec}/Attachments`, undefined, { Prefer: "example=seedSample" });
    expect(res.json).toStrictEqual(example("get", PATHS.v2.list, 200, "seedSample"));
  });

  it("a refused upload stores nothing", async () => {
    const rec = freshRecord();
    const res = await call("POST", `/crm/v2/${rec}/Attachments`, fileForm("empty.txt", ""));
    expect(res.status).toBe(400);
    expect(res.json).toStrictEqual(example("post", PATHS.v2.list, 400, "emptyFile"));
    expect((await call("GET", `/crm/v2/${rec}/Attachments`)).status).toBe(204);
  });
});
