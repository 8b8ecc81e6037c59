import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../src/index.js";
import { rawExchange } from "../../fuzz/raw-http.js";
import { AUTH, fileForm, fixture } from "../../upload-helpers.js";

// One record, one store: a path is decoded once, before Prism checks it and before it becomes a
// key, so `%4Ceads` is Leads and `%31000000777001` is 1000000777001 for every operation
// (reliability review D4). Raw requests keep the escapes exactly as written.

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true });
});

afterAll(async () => {
  await mock.close();
});

async function raw(method: string, path: string) {
  const head = `${method} ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTH.Authorization}\r\nContent-Length: 0\r\n\r\n`;
  return rawExchange(mock.port, [head]);
}

async function uploadTo(path: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const res = await fetch(mock.url + path, { method: "POST", headers: AUTH, body: fileForm(name, bytes) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { details: { id: string } }[] }).data[0]?.details.id as string;
}

function ids(body: Buffer): string[] {
  return (JSON.parse(body.toString()) as { data: { id: string }[] }).data.map((item) => item.id);
}

describe("an encoded module", () => {
  it("uploads under %4Ceads land in Leads, and list, download and delete agree either way", async () => {
    const id = await uploadTo("/crm/v8/%4Ceads/1000000231009/Attachments", "h.txt", "hello");
    const plain = await raw("GET", "/crm/v8/Leads/1000000231009/Attachments?fields=id,File_Name");
    expect(plain.status).toBe(200);
    expect(ids(plain.body)).toStrictEqual([id]);
    const encoded = await raw("GET", "/crm/v8/%4Ceads/1000000231009/Attachments?fields=id");
    expect(ids(encoded.body)).toStrictEqual([id]);
    const download = await raw("GET", `/crm/v8/%4Ceads/1000000231009/Attachments/${id}`);
    expect(download.status).toBe(200);
    expect(download.body.toString()).toBe("hello");
    expect((await raw("DELETE", `/crm/v2/%4C%65ads/1000000231009/Attachments/${id}`)).status).toBe(200);
    expect((await raw("GET", "/crm/v8/Leads/1000000231009/Attachments?fields=id")).status).toBe(204);
  });
});

describe("an encoded record id", () => {
  it("%31000000777001 is record 1000000777001, and an encoded attachment id is the same attachment", async () => {
    const id = await uploadTo("/crm/v8/Contacts/%31000000777001/Attachments", "r.txt", "record");
    const listed = await raw("GET", "/crm/v8/Contacts/1000000777001/Attachments?fields=id");
    expect(ids(listed.body)).toStrictEqual([id]);
    const escaped = `%${id.charCodeAt(0).toString(16)}${id.slice(1)}`;
    const download = await raw("GET", `/crm/v8/Contacts/1000000777001/Attachments/${escaped}`);
    expect(download.status).toBe(200);
    expect(download.body.toString()).toBe("record");
    const bulk = await raw("DELETE", `/crm/v8/Contacts/%31%30%30%30000777001/Attachments?ids=${id}`);
    expect(bulk.status).toBe(200);
  });

  it("a photo set through an encoded path is the record's photo", async () => {
    const set = await fetch(`${mock.url}/crm/v8/%41ccounts/%31000000999001/photo`, {
      method: "POST",
      headers: AUTH,
      body: fileForm("p.png", fixture("photo.png")),
    });
    expect(set.status).toBe(200);
    await set.arrayBuffer();
    const got = await raw("GET", "/crm/v8/Accounts/1000000999001/photo");
    expect(got.status).toBe(200);
    expect(got.body.equals(fixture("photo.png"))).toBe(true);
  });
});
