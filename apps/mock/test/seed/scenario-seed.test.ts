import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, type Scenario, startMock } from "../../src/index.js";
import { AUTH, fileForm, fixture, sha256 } from "../upload-helpers.js";

// Seeding the stateful mock from a JSON scenario of real files: the seeded records answer list,
// download, delete and photo calls, then the mock goes on statefully.

const START = Date.parse("2026-03-01T09:30:00Z");
const FIRST_FRESH_ID = "4150868000003000001";
let dir: string;
let mock: MockServer;

async function get(path: string) {
  const res = await fetch(`${mock.url}${path}`, { headers: AUTH });
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    json: () => JSON.parse(bytes.toString()) as Record<string, unknown>,
  };
}

async function listed(record: string, fields = "id,File_Name,Size,$type,$link_url,Created_Time") {
  const res = await get(`/crm/v8/${record}/Attachments?fields=${fields}`);
  return res.status === 204 ? [] : (res.json().data as Record<string, unknown>[]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zcrm-scenario-"));
  await mkdir(join(dir, "scans"));
  writeFileSync(join(dir, "scans", "quote.pdf"), fixture("Quote.pdf"));
  writeFileSync(join(dir, "notes.txt"), "call back on Monday\n");
  writeFileSync(join(dir, "face.png"), fixture("photo.png"));
  const scenario: Scenario = {
    records: [
      {
        module: "Leads",
        id: "1000000231009",
        attachments: [
          {
            file: "./scans/quote.pdf",
            name: "Quote 2026.pdf",
            id: FIRST_FRESH_ID,
            createdTime: "2026-02-01T10:00:00+05:30",
          },
          { link: "https://www.zohocorp.com", title: "Zoho Corporation" },
          { file: "notes.txt" },
        ],
        photo: "./face.png",
      },
      { module: "ServiceCenters", id: "77", attachments: [{ file: "notes.txt", contentType: "text/markdown" }] },
    ],
  };
  writeFileSync(join(dir, "scenario.json"), JSON.stringify(scenario));
  mock = await startMock({ port: 0, stateful: true, seed: join(dir, "scenario.json"), now: () => START });
});

afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a scenario seed", () => {
  it("lists each record's attachments in the order written, with their ids, names, sizes and times", async () => {
    const items = await listed("Leads/1000000231009");
    expect(
      items.map((item) => [item.File_Name, item.Size, item.$type, item.$link_url, item.Created_Time]),
    ).toStrictEqual([
      ["Quote 2026.pdf", String(fixture("Quote.pdf").length), "Attachment", null, "2026-02-01T04:30:00+00:00"],
      ["Zoho Corporation", "0", "Link URL", "https://www.zohocorp.com", "2026-03-01T09:30:00+00:00"],
      ["notes.txt", "20", "Attachment", null, "2026-03-01T09:30:00+00:00"],
    ]);
    expect(items[0]?.id).toBe(FIRST_FRESH_ID);
    expect(new Set(items.map((item) => item.id)).size).toBe(3);
    expect((await listed("ServiceCenters/77")).map((item) => item.File_Name)).toStrictEqual(["notes.txt"]);
  });

  it("downloads the files' bytes, named and typed, and the photo", async () => {
    const [quote, , notes] = await listed("Leads/1000000231009");
    const pdf = await get(`/crm/v8/Leads/1000000231009/Attachments/${quote?.id}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe('attachment; filename="Quote 2026.pdf"');
    expect(sha256(pdf.bytes)).toBe(sha256(fixture("Quote.pdf")));
    const text = await get(`/crm/v2/Leads/1000000231009/Attachments/${notes?.id}`);
    expect([text.headers.get("content-type"), text.bytes.toString()]).toStrictEqual([
      "application/x-download",
      "call back on Monday\n",
    ]);
    const [markdown] = await listed("ServiceCenters/77");
    const typed = await get(`/crm/v8/ServiceCenters/77/Attachments/${markdown?.id}`);
    expect(typed.headers.get("content-type")).toBe("text/markdown");
    const photo = await get("/crm/v8/Leads/1000000231009/photo");
    expect([photo.status, photo.headers.get("content-type")]).toStrictEqual([200, "image/png"]);
    expect(sha256(photo.bytes)).toBe(sha256(fixture("photo.png")));
  });

  it("then behaves statefully: duplicates, deletes, and uploads under fresh ids that skip the seeded ones", async () => {
    const again = await fetch(
      `${mock.url}/crm/v8/Leads/1000000231009/Attachments?attachmentUrl=https%3A%2F%2Fwww.zohocorp.com`,
      {
        method: "POST",
        headers: AUTH,
      },
    );
    expect(((await again.json()) as { data: { code: string }[] }).data[0]?.code).toBe("DUPLICATE_DATA");
    const [, link] = await listed("Leads/1000000231009");
    const deleted = await fetch(`${mock.url}/crm/v8/Leads/1000000231009/Attachments/${link?.id}`, {
      method: "DELETE",
      headers: AUTH,
    });
    expect(deleted.status).toBe(200);
    const uploaded = await fetch(`${mock.url}/crm/v8/Leads/1000000231009/Attachments`, {
      method: "POST",
      headers: AUTH,
      body: fileForm("new.txt", "fresh"),
    });
    const answer = (await uploaded.json()) as { data: { details: { id: string } }[] };
    const fresh = answer.data[0]?.details.id;
    expect(fresh).not.toBe(FIRST_FRESH_ID);
    expect((await listed("Leads/1000000231009")).map((item) => item.id)).toStrictEqual([
      fresh,
      FIRST_FRESH_ID,
      expect.any(String),
    ]);
  });

  it("copies the files into the mock's own folder: deleting a seeded attachment leaves the scenario's file", async () => {
    const [, quote] = await listed("Leads/1000000231009");
    const res = await fetch(`${mock.url}/crm/v8/Leads/1000000231009/Attachments/${quote?.id}`, {
      method: "DELETE",
      headers: AUTH,
    });
    expect(res.status).toBe(200);
    expect(readFileSync(join(dir, "scans", "quote.pdf"))).toStrictEqual(fixture("Quote.pdf"));
  });

  it("takes a scenario object, its paths relative to the working folder", async () => {
    const fromCode = await startMock({
      port: 0,
      stateful: true,
      seed: { records: [{ module: "Contacts", id: "5", attachments: [{ file: join(dir, "notes.txt"), id: "42" }] }] },
    });
    try {
      const res = await fetch(`${fromCode.url}/crm/v8/Contacts/5/Attachments/42`, { headers: AUTH });
      expect(await res.text()).toBe("call back on Monday\n");
    } finally {
      await fromCode.close();
    }
  });

  it("counts against the store's bounds, and one that does not fit leaves no folder behind", async () => {
    const parent = mkdtempSync(join(tmpdir(), "zcrm-scenario-bounds-"));
    try {
      await expect(
        startMock({ port: 0, stateful: { maxAttachments: 2, tempDir: parent }, seed: join(dir, "scenario.json") }),
      ).rejects.toThrow(
        `${join(dir, "scenario.json")}: the seed holds 4 attachments and ${fixture("Quote.pdf").length + 40 + fixture("photo.png").length} bytes; ` +
          "the stateful store keeps at most 2 attachments",
      );
      expect(readdirSync(parent)).toStrictEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
    expect(existsSync(join(dir, "notes.txt"))).toBe(true);
  });
});
