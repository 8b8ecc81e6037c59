import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../src/index.js";
import { AUTH, fixture, multipartBody, sha256 } from "../../upload-helpers.js";

// Download content types that Zoho's SDKs accept: a text file on the v2 line goes out as
// application/x-download (Zoho's v2 SDK would parse text/plain as JSON), on the current line as
// its own type; every download names the file in a quoted filename (plus filename* beyond ASCII).

let plain: MockServer;
let stateful: MockServer;

beforeAll(async () => {
  [plain, stateful] = await Promise.all([startMock({ port: 0 }), startMock({ port: 0, stateful: true })]);
});

afterAll(async () => {
  await Promise.all([plain.close(), stateful.close()]);
});

async function get(server: MockServer, path: string) {
  const res = await fetch(server.url + path, { headers: AUTH });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function upload(parts: Parameters<typeof multipartBody>[0], rec: string): Promise<string> {
  const form = multipartBody(parts);
  const res = await fetch(`${stateful.url}/crm/v8/${rec}/Attachments`, {
    method: "POST",
    headers: { ...AUTH, "Content-Type": form.contentType },
    body: form.body,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { details: { id: string } }[] }).data[0]?.details.id ?? "";
}

describe("default mode: the .txt fixture (attachment id 2 mod 3)", () => {
  const text = fixture("Résumé 日本.txt");
  const disposition =
    "attachment; filename=\"Resume __.txt\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E6%97%A5%E6%9C%AC.txt";

  it.each([
    ["/crm/v2/Leads/1000000231009/Attachments/2", "application/x-download"],
    ["/crm/v2.1/Leads/1000000231009/Attachments/5", "application/x-download"],
    ["/crm/v8/Leads/1000000231009/Attachments/2", "text/plain; charset=UTF-8"],
    ["/crm/v5/Leads/1000000231009/Attachments/8", "text/plain; charset=UTF-8"],
  ])("%s is %s with its name and exact bytes", async (path, type) => {
    const res = await get(plain, path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("content-disposition")).toBe(disposition);
    expect(res.headers.get("content-length")).toBe(String(text.length));
    expect(res.bytes.equals(text)).toBe(true);
  });

  it("photos keep the image's own type on the v2 line", async () => {
    const res = await get(plain, "/crm/v2/Leads/1000000231009/photo");
    expect(res.headers.get("content-type")).toBe("image/png");
  });
});

describe("stateful mode: an uploaded .txt", () => {
  const bytes = Buffer.from("line one\nline two, déjà vu\n", "utf8");

  it.each([
    ["v2", "application/x-download"],
    ["v2.1", "application/x-download"],
    ["v8", "text/plain"],
    ["v3", "text/plain"],
  ])("downloads on %s as %s, named and byte for byte", async (version, type) => {
    const rec = `Leads/70000000000${version.replace(/\D/g, "").padStart(2, "0")}`;
    const id = await upload([{ name: "file", value: bytes, fileName: "notes.txt", contentType: "text/plain" }], rec);
    const res = await get(stateful, `/crm/${version}/${rec}/Attachments/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="notes.txt"');
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    expect(sha256(res.bytes)).toBe(sha256(bytes));
  });

  it.each([
    ["a part without Content-Type: guessed from the name", "report.pdf", undefined, "application/pdf"],
    ["no type and an unknown extension", "data.bin7", undefined, "application/octet-stream"],
    ["no type and no extension", "README", undefined, "application/octet-stream"],
    ["a declared type wins over the name", "notes.txt", "application/vnd.zoho.notes", "application/vnd.zoho.notes"],
  ])("on the current line, %s", async (_case, fileName, contentType, type) => {
    const rec = `Leads/70000000001${fileName.length}`;
    const part = { name: "file", value: "x", fileName, ...(contentType === undefined ? {} : { contentType }) };
    const id = await upload([part], rec);
    expect((await get(stateful, `/crm/v8/${rec}/Attachments/${id}`)).headers.get("content-type")).toBe(type);
    expect((await get(stateful, `/crm/v2/${rec}/Attachments/${id}`)).headers.get("content-type")).toBe(
      "application/x-download",
    );
  });
});
