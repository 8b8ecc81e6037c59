import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../src/index.js";
import { specProblems } from "../../spec-validator.js";
import { AUTH, example, fileForm, PATHS } from "../../upload-helpers.js";

// The wider contract in the stateful mode: bulk deletes answer 200 only when every id went and 207
// otherwise, a link attached twice answers the spec's linkAlreadyExists item, and the current
// line's list takes `ids` from its version on.

let mock: MockServer;
let record = 6000000000000;

beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true });
});

afterAll(async () => {
  await mock.close();
});

function freshRecord(): string {
  record += 1;
  return `Leads/${record}`;
}

async function call(method: string, path: string, body?: RequestInit["body"]) {
  const res = await fetch(mock.url + path, { method, headers: AUTH, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    json: text === "" ? undefined : JSON.parse(text),
  };
}

async function upload(rec: string, name: string): Promise<string> {
  const res = await call("POST", `/crm/v8/${rec}/Attachments`, fileForm(name, name));
  expect(res.status).toBe(200);
  return res.json.data[0].details.id as string;
}

const UNKNOWN = "1386586000002588099";

describe("bulk delete", () => {
  const success = (example("delete", PATHS.v8.list, 200, "deleted") as { data: object[] }).data[0];
  const failure = (example("delete", PATHS.v8.list, 207, "partlyDeleted") as { data: object[] }).data[1];

  it.each(["v2", "v8"])("every id deleted is a 200 on %s", async (version) => {
    const rec = freshRecord();
    const [a, b] = [await upload(rec, "a.txt"), await upload(rec, "b.txt")];
    const res = await call("DELETE", `/crm/${version}/${rec}/Attachments?ids=${b},${a}`);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/json;charset=UTF-8");
    expect(res.json).toStrictEqual({
      data: [
        { ...success, details: { id: b } },
        { ...success, details: { id: a } },
      ],
    });
    expect(
      await specProblems(version === "v2" ? "deleteAttachmentsV2" : "deleteAttachments", 200, res.json),
    ).toStrictEqual([]);
    expect((await call("GET", `/crm/v8/${rec}/Attachments?fields=id`)).status).toBe(204);
  });

  it("no id deleted is a 207 of error items, and the record keeps what it had", async () => {
    const rec = freshRecord();
    const kept = await upload(rec, "kept.txt");
    const res = await call("DELETE", `/crm/v2/${rec}/Attachments?ids=${UNKNOWN},1386586000002588098`);
    expect(res.status).toBe(207);
    expect(res.json).toStrictEqual({
      data: [
        { ...failure, details: { id: UNKNOWN } },
        { ...failure, details: { id: "1386586000002588098" } },
      ],
    });
    expect(res.json.data[0]).toMatchObject({ code: "INVALID_DATA", message: "record not deleted", status: "error" });
    expect(await specProblems("deleteAttachmentsV2", 207, res.json)).toStrictEqual([]);
    const list = await call("GET", `/crm/v8/${rec}/Attachments?fields=id`);
    expect(list.json.data).toStrictEqual([{ id: kept }]);
  });

  it("an id given twice is deleted once: the second is not deleted", async () => {
    const rec = freshRecord();
    const a = await upload(rec, "a.txt");
    const res = await call("DELETE", `/crm/v8/${rec}/Attachments?ids=${a},${a}`);
    expect(res.status).toBe(207);
    expect(res.json).toStrictEqual({
      data: [
        { ...success, details: { id: a } },
        { ...failure, details: { id: a } },
      ],
    });
  });
});

describe("the same link twice", () => {
  const duplicate = example("post", PATHS.v8.list, 200, "linkAlreadyExists");
  const url = "https://www.zohocorp.com/crm";

  it("answers 200 with the linkAlreadyExists item, and stores the link once", async () => {
    const rec = freshRecord();
    const form = () => {
      const body = new FormData();
      body.append("attachmentUrl", url);
      return body;
    };
    const first = await call("POST", `/crm/v8/${rec}/Attachments`, form());
    expect(first.status).toBe(200);
    expect(first.json.data[0]).toMatchObject({ code: "SUCCESS", status: "success" });
    const second = await call("POST", `/crm/v8/${rec}/Attachments`, form());
    expect(second.status).toBe(200);
    expect(second.type).toBe("application/json;charset=UTF-8");
    expect(second.json).toStrictEqual(duplicate);
    expect(second.json.data[0]).toMatchObject({ code: "DUPLICATE_DATA", message: "Attachment link already exists" });
    expect(await specProblems("uploadAttachment", 200, second.json)).toStrictEqual([]);
    const list = await call("GET", `/crm/v8/${rec}/Attachments?fields=id,$link_url`);
    expect(list.json.data).toHaveLength(1);
  });

  it("whichever way the link comes (query on v2, form on v8) and whatever its title", async () => {
    const rec = freshRecord();
    const query = `attachmentUrl=${encodeURIComponent(url)}`;
    expect((await call("POST", `/crm/v2/${rec}/Attachments?${query}`)).json.data[0].code).toBe("SUCCESS");
    const titled = new FormData();
    titled.append("attachmentUrl", url);
    titled.append("title", "Another title");
    const again = await call("POST", `/crm/v7/${rec}/Attachments`, titled);
    expect(again.json).toStrictEqual(example("post", PATHS.v8.list, 200, "linkAlreadyExists"));
  });

  it("another record, another URL, or the same URL after its delete is a new link", async () => {
    const rec = freshRecord();
    const attach = (r: string, u: string) =>
      call("POST", `/crm/v8/${r}/Attachments?attachmentUrl=${encodeURIComponent(u)}`);
    const first = await attach(rec, url);
    expect((await attach(freshRecord(), url)).json.data[0].code).toBe("SUCCESS");
    expect((await attach(rec, `${url}/other`)).json.data[0].code).toBe("SUCCESS");
    const id = first.json.data[0].details.id as string;
    expect((await call("DELETE", `/crm/v8/${rec}/Attachments/${id}`)).status).toBe(200);
    expect((await attach(rec, url)).json.data[0].code).toBe("SUCCESS");
  });
});

describe("ids on the current line's list", () => {
  it("lists only those attachments, newest first; an id the record lacks is absent", async () => {
    const rec = freshRecord();
    const a = await upload(rec, "a.txt");
    await upload(rec, "b.txt");
    const c = await upload(rec, "c.txt");
    const res = await call("GET", `/crm/v8/${rec}/Attachments?fields=id,File_Name&ids=${a},${UNKNOWN},${c}`);
    expect(res.status).toBe(200);
    expect(res.json.data).toStrictEqual([
      { File_Name: "c.txt", id: c },
      { File_Name: "a.txt", id: a },
    ]);
    expect(res.json.info).toMatchObject({ count: 2, more_records: false });
    expect(await specProblems("listAttachments", 200, res.json)).toStrictEqual([]);
  });

  it("none of them left is 204", async () => {
    const rec = freshRecord();
    await upload(rec, "a.txt");
    expect((await call("GET", `/crm/v5/${rec}/Attachments?fields=id&ids=${UNKNOWN}`)).status).toBe(204);
  });

  it("pages within the ids asked for", async () => {
    const rec = freshRecord();
    const ids = [await upload(rec, "1.txt"), await upload(rec, "2.txt"), await upload(rec, "3.txt")];
    const wanted = `ids=${ids[0]},${ids[2]}`;
    const p1 = await call("GET", `/crm/v8/${rec}/Attachments?fields=id&per_page=1&${wanted}`);
    expect(p1.json.data).toStrictEqual([{ id: ids[2] }]);
    expect(p1.json.info).toMatchObject({ more_records: true });
    const p2 = await call(
      "GET",
      `/crm/v8/${rec}/Attachments?fields=id&${wanted}&page_token=${p1.json.info.next_page_token}`,
    );
    expect(p2.json.data).toStrictEqual([{ id: ids[0] }]);
  });

  it("before v5 it is ignored, as page_token is before v7", async () => {
    const rec = freshRecord();
    const [a, b] = [await upload(rec, "a.txt"), await upload(rec, "b.txt")];
    const res = await call("GET", `/crm/v4/${rec}/Attachments?fields=id&ids=${a}`);
    expect(res.json.data).toStrictEqual([{ id: b }, { id: a }]);
  });
});
