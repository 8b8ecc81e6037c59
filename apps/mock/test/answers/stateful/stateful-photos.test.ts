import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../src/index.js";
import { AUTH, example, fileForm, fixture, PATHS, sha256 } from "../../upload-helpers.js";

// Record photos in the stateful mode, and the store's bounds.

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true });
});

afterAll(async () => {
  await mock.close();
});

async function call(url: string, method = "GET", body?: RequestInit["body"]) {
  const res = await fetch(url, { method, headers: AUTH, ...(body === undefined ? {} : { body }) });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(bytes.toString()) as unknown };
}

describe("photos", () => {
  it("none at first, then the uploaded bytes, replaced by the next upload, then none after delete", async () => {
    const v8 = `${mock.url}/crm/v8/Contacts/1000000231009/photo`;
    const v2 = `${mock.url}/crm/v2/Contacts/1000000231009/photo`;
    expect((await call(v8)).status).toBe(204);
    const missing = await call(v8, "DELETE");
    expect(missing.status).toBe(400);
    expect(missing.json()).toStrictEqual(example("delete", PATHS.v8.photo, 400, "noSuchPhoto"));

    const png = fixture("photo.png");
    const uploaded = await call(v8, "POST", fileForm("me.png", png));
    expect(uploaded.status).toBe(200);
    expect(uploaded.json()).toStrictEqual(example("post", PATHS.v8.photo, 200, "photoUploaded"));
    const got = await call(v2);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(got.headers.get("content-length")).toBe(String(png.length));
    expect(got.headers.get("content-disposition")).toBe('attachment; filename="me.png"');
    expect(sha256(got.bytes)).toBe(sha256(png));

    const gif = Buffer.from(
      "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
      "latin1",
    );
    expect((await call(v2, "POST", fileForm("new.gif", gif))).status).toBe(200);
    const replaced = await call(v8);
    expect(replaced.headers.get("content-type")).toBe("image/gif");
    expect(sha256(replaced.bytes)).toBe(sha256(gif));

    const deleted = await call(v2, "DELETE");
    expect(deleted.status).toBe(200);
    expect(deleted.json()).toStrictEqual(example("delete", PATHS.v2.photo, 200, "photoDeleted"));
    expect((await call(v8)).status).toBe(204);
  });

  it("a refused photo leaves the record's photo as it was", async () => {
    const url = `${mock.url}/crm/v8/Accounts/1000000231010/photo`;
    expect((await call(url, "POST", fileForm("me.png", fixture("photo.png")))).status).toBe(200);
    const refused = await call(url, "POST", fileForm("notes.png", "plain text"));
    expect(refused.status).toBe(415);
    expect(sha256((await call(url)).bytes)).toBe(sha256(fixture("photo.png")));
  });

  it("photos of different records and modules are apart", async () => {
    expect((await call(`${mock.url}/crm/v8/Leads/1000000231009/photo`)).status).toBe(204);
  });
});

describe("the store's bounds", () => {
  it("refuses a file that does not fit with 507, and takes it again once room is made", async () => {
    const small = await startMock({ port: 0, stateful: { maxBytes: 1024 * 1024 } });
    try {
      const url = `${small.url}/crm/v8/Leads/1/Attachments`;
      const first = await call(url, "POST", fileForm("a.bin", new Uint8Array(700 * 1024)));
      expect(first.status).toBe(200);
      const full = await call(url, "POST", fileForm("b.bin", new Uint8Array(700 * 1024)));
      expect(full.status).toBe(507);
      expect(full.headers.get("content-type")).toBe("application/problem+json");
      expect(full.json()).toMatchObject({ type: "urn:zcrm-attachments:mock:STORE_FULL", status: 507 });
      const id = (first.json() as { data: { details: { id: string } }[] }).data[0]?.details.id;
      expect((await call(`${url}/${id}`, "DELETE")).status).toBe(200);
      expect((await call(url, "POST", fileForm("b.bin", new Uint8Array(700 * 1024)))).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it("counts links against maxAttachments", async () => {
    const small = await startMock({ port: 0, stateful: { maxAttachments: 2 } });
    try {
      // Three different links: the same one twice would be a duplicate, stored once.
      const url = (n: number) => `${small.url}/crm/v2/Leads/1/Attachments?attachmentUrl=https%3A%2F%2Fa.example%2F${n}`;
      expect((await call(url(1), "POST")).status).toBe(200);
      expect((await call(url(2), "POST")).status).toBe(200);
      expect((await call(url(3), "POST")).status).toBe(507);
    } finally {
      await small.close();
    }
  });
});
