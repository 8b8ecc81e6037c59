import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../src/index.js";
import { AUTH, example, fixture, PATHS, sha256 } from "../../upload-helpers.js";

// Downloads and photos in the default mode: real bytes from apps/mock/fixtures with the headers
// Zoho sends, while Prefer still reaches every documented answer through Prism.

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});

afterAll(async () => {
  await mock.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(mock.url + path, { headers: { ...AUTH, ...headers } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("attachment downloads", () => {
  // Ids pick the fixtures by their remainder modulo 3. The v2 line sends every file as
  // application/x-download (see content-types.ts); the current line sends the file's own type.
  it.each([
    [
      "/crm/v2/Leads/1000000231009/Attachments/1386586000002588006",
      "Quote.pdf",
      "application/x-download",
      'attachment; filename="Quote.pdf"',
    ],
    [
      "/crm/v8/Deals/1000000231009/Attachments/1386586000002588007",
      "photo.png",
      "image/png",
      'attachment; filename="photo.png"',
    ],
    [
      "/crm/v2.1/Contacts/1000000231009/Attachments/2",
      "Résumé 日本.txt",
      "application/x-download",
      "attachment; filename=\"Resume __.txt\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E6%97%A5%E6%9C%AC.txt",
    ],
  ])("%s serves %s with its type, length and name", async (path, name, type, disposition) => {
    const res = await get(path);
    const expected = fixture(name);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("content-length")).toBe(String(expected.length));
    expect(res.headers.get("content-disposition")).toBe(disposition);
    expect(sha256(res.bytes)).toBe(sha256(expected));
  });

  it("the non-ASCII name decodes back from filename* exactly", async () => {
    const res = await get("/crm/v8/Leads/1/Attachments/5");
    const disposition = res.headers.get("content-disposition") ?? "";
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe("Résumé 日本.txt");
  });

  it("the same id always gets the same file", async () => {
    const [a, b] = await Promise.all([get("/crm/v8/Leads/1/Attachments/77"), get("/crm/v2/Leads/9/Attachments/77")]);
    expect(sha256(a.bytes)).toBe(sha256(b.bytes));
  });

  it("the fixtures are real files: a PDF and a PNG with their signatures", () => {
    expect(fixture("Quote.pdf").subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
    expect(fixture("Quote.pdf").subarray(-6).toString("latin1")).toBe("%%EOF\n");
    expect([...fixture("photo.png").subarray(0, 8)]).toStrictEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it("Prefer: code=400, example=downloadNotAllowed answers DOWNLOAD_NOT_ALLOWED", async () => {
    const res = await get("/crm/v8/Leads/1/Attachments/5", { Prefer: "code=400, example=downloadNotAllowed" });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.bytes.toString())).toStrictEqual(example("get", PATHS.v8.one, 400, "downloadNotAllowed"));
  });

  it("Prefer: code=204 answers an empty 204", async () => {
    const res = await get("/crm/v2/Leads/1/Attachments/5", { Prefer: "code=204" });
    expect(res.status).toBe(204);
    expect(res.bytes.length).toBe(0);
  });

  it("a bad attachment id is INVALID_DATA, before any bytes", async () => {
    const res = await get("/crm/v8/Leads/1/Attachments/abc");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.bytes.toString())).toMatchObject({ code: "INVALID_DATA" });
  });

  it("no Authorization is AUTHENTICATION_FAILURE", async () => {
    const res = await fetch(`${mock.url}/crm/v8/Leads/1/Attachments/5`);
    expect(res.status).toBe(401);
    expect(await res.json()).toStrictEqual(example("get", PATHS.v8.one, 401, "authenticationFailure"));
  });
});

describe("record photos", () => {
  it.each(["/crm/v2/Leads/1000000231009/photo", "/crm/v8/CustomModule3/1000000231009/photo"])(
    "%s serves the PNG",
    async (path) => {
      const res = await get(path);
      const png = fixture("photo.png");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("content-length")).toBe(String(png.length));
      expect(res.headers.get("content-disposition")).toBe('attachment; filename="photo.png"');
      expect(sha256(res.bytes)).toBe(sha256(png));
    },
  );

  it("Prefer: code=204 answers a record without photo", async () => {
    const res = await get("/crm/v8/Leads/1/photo", { Prefer: "code=204" });
    expect(res.status).toBe(204);
  });

  it("Prefer: code=403 answers the photo's own NO_PERMISSION example", async () => {
    const res = await get("/crm/v8/Leads/1/photo", { Prefer: "code=403" });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.bytes.toString())).toStrictEqual(example("get", PATHS.v8.photo, 403, "noPermission"));
  });

  it("a standard module without photos is INVALID_MODULE, not supported", async () => {
    const res = await get("/crm/v8/Tasks/1/photo");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.bytes.toString())).toStrictEqual(example("get", PATHS.v8.photo, 400, "moduleNotSupported"));
  });
});

describe("the other operations stay example-driven", () => {
  it("the list still answers the seed sample", async () => {
    const res = await get("/crm/v2/Leads/1000000231009/Attachments");
    expect(JSON.parse(res.bytes.toString())).toStrictEqual(example("get", PATHS.v2.list, 200, "seedSample"));
  });

  it("a delete answers the deleted example, whatever the id", async () => {
    const res = await fetch(`${mock.url}/crm/v8/Leads/1/Attachments/999`, { method: "DELETE", headers: AUTH });
    expect(res.status).toBe(200);
    expect(await res.json()).toStrictEqual(example("delete", PATHS.v8.one, 200, "deleted"));
  });

  it("a photo delete answers photoDeleted", async () => {
    const res = await fetch(`${mock.url}/crm/v2/Leads/1/photo`, { method: "DELETE", headers: AUTH });
    expect(res.status).toBe(200);
    expect(await res.json()).toStrictEqual(example("delete", PATHS.v2.photo, 200, "photoDeleted"));
  });
});
