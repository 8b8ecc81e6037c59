import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../src/index.js";
import { AUTH, example, fileForm, multipartBody, PATHS } from "../../upload-helpers.js";

// The mock takes the links and file names the client takes, and refuses the ones it refuses: both
// apply the spec's rule through @zcrm-attachments/types (reliability review D14). Zoho's own
// answer to a javascript: link is undocumented; the spec's AttachmentUrl says the project refuses it.

const RECORD = "/crm/v8/Leads/1000000231009/Attachments";
const invalidUrl = example("post", PATHS.v8.list, 400, "invalidAttachmentUrl");
const invalidType = example("post", PATHS.v8.photo, 415, "invalidFileType");

const REFUSED_LINKS = [
  "javascript:alert(1)",
  "file:///etc/passwd",
  "data:text/html,<b>x</b>",
  "mailto:someone@example.com",
  "https://x/\u0000",
  "https://exa mple.com",
  "www.zohocorp.com",
  "http:example.com",
  `https://a.example/${"x".repeat(2990)}`,
];

for (const stateful of [false, true]) {
  describe(`${stateful ? "stateful" : "default"} mode`, () => {
    let mock: MockServer;

    beforeAll(async () => {
      mock = await startMock({ port: 0, stateful });
    });

    afterAll(async () => {
      await mock.close();
    });

    async function send(path: string, body: FormData | { body: Buffer; contentType: string }) {
      const init: RequestInit =
        body instanceof FormData
          ? { method: "POST", headers: AUTH, body }
          : { method: "POST", headers: { ...AUTH, "Content-Type": body.contentType }, body: body.body };
      const res = await fetch(mock.url + path, init);
      const text = await res.text();
      return { status: res.status, body: text === "" ? undefined : (JSON.parse(text) as unknown) };
    }

    it.each(REFUSED_LINKS)("refuses the link %j as a form field with INVALID_URL_PATTERN", async (url) => {
      const res = await send(RECORD, multipartBody([{ name: "attachmentUrl", value: url }]));
      expect(res).toStrictEqual({ status: 400, body: invalidUrl });
    });

    it.each(REFUSED_LINKS.slice(0, 4))("refuses the link %j in the query as well", async (url) => {
      const res = await fetch(`${mock.url}${RECORD}?attachmentUrl=${encodeURIComponent(url)}`, {
        method: "POST",
        headers: AUTH,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toStrictEqual(invalidUrl);
    });

    it.each(["https://www.zohocorp.com", "HTTP://Example.com/a?b=1#c"])("takes the web link %j", async (url) => {
      const res = await send(RECORD, multipartBody([{ name: "attachmentUrl", value: url }]));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ data: [{ code: "SUCCESS", status: "success" }] });
    });

    it.each(["x.EXE ", "x.exe.", "x.Exe . ", "setup.exe"])("refuses the file name %j like x.exe", async (name) => {
      const res = await send(RECORD, fileForm(name, "MZ\x90\x00"));
      expect(res).toStrictEqual({ status: 400, body: invalidType });
    });

    it("takes a name that only holds .exe inside it", async () => {
      const res = await send(RECORD, fileForm("notes.exe.txt", "plain text"));
      expect(res.status).toBe(200);
    });
  });
}

describe("what a refused link leaves in the stateful store", () => {
  it("nothing: the record lists only the web link", async () => {
    const mock = await startMock({ port: 0, stateful: true });
    try {
      const record = "/crm/v8/Leads/1000000777001/Attachments";
      for (const url of [...REFUSED_LINKS, "https://www.zohocorp.com"]) {
        const form = new FormData();
        form.append("attachmentUrl", url);
        await (await fetch(mock.url + record, { method: "POST", headers: AUTH, body: form })).arrayBuffer();
      }
      const list = await fetch(`${mock.url}${record}?fields=$link_url`, { headers: AUTH });
      const body = (await list.json()) as { data: { $link_url: string }[] };
      expect(body.data.map((item) => item.$link_url)).toStrictEqual(["https://www.zohocorp.com"]);
    } finally {
      await mock.close();
    }
  });
});
