import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { AUTH, fileForm, fixture, multipartBody, sha256 } from "../upload-helpers.js";
import { har, success } from "./har-builder.js";

// Seeding from a HAR recording in the recording proxy's format: the answers it shows (a list, a
// download with its bytes, one without, a photo, deletes, uploads) become the seeded state, which
// then answers as recorded and behaves statefully.

const LEAD = "/crm/v8/Leads/1000000231009";
const [A, B, C] = ["1386586000002588005", "1386586000002588006", "1386586000002588007"];
const UPLOADED = "4150868000003000001"; // the first id the store would make up itself
const OWNER = { name: "Rosa Recorded", id: "4150868000000225999", email: "rosa@example.com" };
const PDF_STAND_IN = Buffer.alloc(5000, 7);
const upload = multipartBody([{ name: "file", value: "new!", fileName: "new.txt", contentType: "text/plain" }]);

const recording = har([
  {
    method: "GET",
    url: "https://crm.zoho.com/static/app.js",
    status: 200,
    content: { text: "void 0", mimeType: "text/javascript" },
  },
  {
    method: "POST",
    url: "https://accounts.zoho.com/oauth/v2/token",
    status: 200,
    content: { json: { access_token: "[redacted]" } },
  },
  {
    method: "GET",
    url: `${LEAD}/Attachments?fields=id,File_Name,Size,Created_Time,Owner,$type,$link_url,$file_id`,
    status: 200,
    content: {
      json: {
        data: [
          {
            id: A,
            File_Name: "notes.txt",
            Size: "11",
            Created_Time: "2026-02-10T10:00:00+05:30",
            Owner: OWNER,
            $type: "Attachment",
            $link_url: null,
            $file_id: "zcrm_recorded_file_id",
          },
          {
            id: B,
            File_Name: "scan.pdf",
            Size: "5000",
            Created_Time: "2026-02-09T10:00:00+05:30",
            Owner: OWNER,
            $type: "Attachment",
            $link_url: null,
          },
          {
            id: C,
            File_Name: "Zoho",
            Size: "0",
            Created_Time: "2026-02-08T10:00:00+05:30",
            Owner: OWNER,
            $type: "Link URL",
            $link_url: "https://www.zohocorp.com",
          },
        ],
        info: {
          per_page: 200,
          next_page_token: null,
          count: 3,
          page: 1,
          previous_page_token: null,
          page_token_expiry: null,
          more_records: false,
        },
      },
    },
  },
  {
    method: "GET",
    url: `${LEAD}/Attachments/${A}`,
    status: 200,
    content: { bytes: Buffer.from("hello world"), mimeType: "text/plain; charset=UTF-8" },
    responseHeaders: [{ name: "Content-Disposition", value: 'attachment; filename="notes.txt"' }],
  },
  {
    method: "GET",
    url: `${LEAD}/Attachments/${B}`,
    status: 200,
    content: { sizeOnly: PDF_STAND_IN, mimeType: "application/pdf" },
  },
  { method: "GET", url: `${LEAD}/photo`, status: 200, content: { bytes: fixture("photo.png"), mimeType: "image/png" } },
  { method: "DELETE", url: `${LEAD}/Attachments/${C}`, status: 200, content: { json: { data: [success({ id: C })] } } },
  {
    method: "POST",
    url: `${LEAD}/Attachments`,
    status: 200,
    requestHeaders: [{ name: "Content-Type", value: upload.contentType }],
    postData: { mimeType: upload.contentType, text: upload.body.toString("latin1") },
    content: { json: { data: [success({ Created_Time: "2026-02-11T09:00:00+05:30", id: UPLOADED })] } },
  },
  {
    method: "GET",
    url: "/crm/v8/Contacts/2/Attachments?fields=id",
    status: 400,
    content: { json: { code: "INVALID_DATA", details: {}, message: "x", status: "error" } },
  },
  {
    method: "POST",
    url: "/crm/v8/Contacts/3/Attachments?attachmentUrl=https%3A%2F%2Fwww.zoho.com%2Fcrm&title=CRM",
    status: 200,
    content: { json: { data: [success({ Created_Time: "2026-02-12T09:00:00+05:30", id: "1386586000002588100" })] } },
  },
  {
    method: "GET",
    url: "/crm/v2.1/Accounts/5/Attachments",
    status: 200,
    content: {
      json: {
        data: [
          {
            id: "1386586000002588200",
            File_Name: "report.csv",
            Size: "7",
            Parent_Id: { name: "Zylker", id: "5" },
            Created_Time: "2026-01-01T00:00:00+00:00",
          },
        ],
        info: { per_page: 200, count: 1, page: 1, more_records: false },
      },
    },
  },
  {
    method: "GET",
    url: "/crm/v2.1/Accounts/5/Attachments/1386586000002588200",
    status: 200,
    content: { bytes: Buffer.from("a,b\n1,2"), mimeType: "application/x-download" },
  },
  {
    method: "GET",
    url: "/crm/v8/Contacts/4/Attachments?fields=id,File_Name",
    status: 200,
    content: {
      json: {
        data: [
          { id: "1386586000002588302", File_Name: "two.txt" },
          { id: "1386586000002588301", File_Name: "one.txt" },
        ],
        info: { more_records: false },
      },
    },
  },
  {
    method: "DELETE",
    url: "/crm/v8/Contacts/4/Attachments?ids=1386586000002588301,1386586000002588399",
    status: 207,
    content: {
      json: {
        data: [
          success({ id: "1386586000002588301" }),
          {
            code: "INVALID_DATA",
            details: { id: "1386586000002588399" },
            message: "record not deleted",
            status: "error",
          },
        ],
      },
    },
  },
]);

let dir: string;
let mock: MockServer;

async function get(path: string, init: RequestInit = {}) {
  const res = await fetch(`${mock.url}${path}`, { ...init, headers: AUTH });
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    json: () => JSON.parse(bytes.toString()) as { data: Record<string, unknown>[] },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zcrm-har-seed-"));
  writeFileSync(join(dir, "recorded.har"), JSON.stringify(recording));
  mock = await startMock({ port: 0, stateful: true, seed: join(dir, "recorded.har") });
});

afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a HAR seed", () => {
  it("lists the state at the end of the recording, newest first, with the fields as recorded", async () => {
    const list = await get(`${LEAD}/Attachments?fields=id,File_Name,Size,Created_Time,Owner,$file_id,$link_url`);
    expect(list.status).toBe(200);
    expect(list.json().data).toStrictEqual([
      {
        id: UPLOADED,
        File_Name: "new.txt",
        Size: "4",
        Created_Time: "2026-02-11T03:30:00+00:00",
        Owner: expect.any(Object),
        $file_id: expect.any(String),
        $link_url: null,
      },
      {
        id: A,
        File_Name: "notes.txt",
        Size: "11",
        Created_Time: "2026-02-10T10:00:00+05:30",
        Owner: OWNER,
        $file_id: "zcrm_recorded_file_id",
        $link_url: null,
      },
      {
        id: B,
        File_Name: "scan.pdf",
        Size: "5000",
        Created_Time: "2026-02-09T10:00:00+05:30",
        Owner: OWNER,
        $file_id: expect.any(String),
        $link_url: null,
      },
    ]);
  });

  it("downloads recorded bytes, the uploaded file's bytes, and a stand-in of the recorded size", async () => {
    const notes = await get(`${LEAD}/Attachments/${A}`);
    expect([notes.status, notes.headers.get("content-type"), notes.bytes.toString()]).toStrictEqual([
      200,
      "text/plain; charset=UTF-8",
      "hello world",
    ]);
    expect(notes.headers.get("content-disposition")).toBe('attachment; filename="notes.txt"');
    expect((await get(`${LEAD}/Attachments/${UPLOADED}`)).bytes.toString()).toBe("new!");
    const pdf = await get(`${LEAD}/Attachments/${B}`);
    expect([pdf.headers.get("content-type"), pdf.headers.get("content-length"), pdf.bytes.length]).toStrictEqual([
      "application/pdf",
      "5000",
      5000,
    ]);
    expect(pdf.bytes.toString("latin1", 0, 19)).toBe("zcrm-mock stand-in:");
    expect((await get(`${LEAD}/Attachments/${C}`)).status).toBe(204);
    const photo = await get(`${LEAD}/photo`);
    expect([photo.status, photo.headers.get("content-type"), sha256(photo.bytes)]).toStrictEqual([
      200,
      "image/png",
      sha256(fixture("photo.png")),
    ]);
  });

  it("replays links from the query, bulk deletes item by item, and the v2 line's files under their own type", async () => {
    const link = await get("/crm/v8/Contacts/3/Attachments?fields=id,File_Name,$link_url");
    expect(link.json().data).toStrictEqual([
      { id: "1386586000002588100", File_Name: "CRM", $link_url: "https://www.zoho.com/crm" },
    ]);
    expect((await get("/crm/v8/Contacts/4/Attachments?fields=id")).json().data).toStrictEqual([
      { id: "1386586000002588302" },
    ]);
    const v2 = await get("/crm/v2/Accounts/5/Attachments");
    expect(v2.json().data[0]).toMatchObject({
      id: "1386586000002588200",
      File_Name: "report.csv",
      Size: "7",
      Parent_Id: { name: "Zylker", id: "5" },
    });
    const csv = await get("/crm/v8/Accounts/5/Attachments/1386586000002588200");
    expect([csv.headers.get("content-type"), csv.bytes.toString()]).toStrictEqual(["text/csv", "a,b\n1,2"]);
    expect((await get("/crm/v8/Contacts/2/Attachments?fields=id")).status).toBe(204);
  });

  it("then behaves statefully, new uploads getting ids the recording does not hold", async () => {
    const deleted = await get(`${LEAD}/Attachments/${A}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    const res = await fetch(`${mock.url}${LEAD}/Attachments`, {
      method: "POST",
      headers: AUTH,
      body: fileForm("later.txt", "later"),
    });
    const id = ((await res.json()) as { data: { details: { id: string } }[] }).data[0]?.details.id;
    expect([UPLOADED, A, B, C]).not.toContain(id);
    expect((await get(`${LEAD}/Attachments?fields=id`)).json().data.map((item) => item.id)).toStrictEqual([
      id,
      UPLOADED,
      B,
    ]);
  });

  it("reads a recording by its content whatever its name, and from an object in code", async () => {
    writeFileSync(join(dir, "recording.json"), JSON.stringify(recording));
    for (const seed of [join(dir, "recording.json"), recording]) {
      const other = await startMock({ port: 0, stateful: true, seed });
      try {
        const res = await fetch(`${other.url}${LEAD}/Attachments/${A}`, { headers: AUTH });
        expect(await res.text()).toBe("hello world");
      } finally {
        await other.close();
      }
    }
  });
});

describe("a HAR seed's JSON downloads", () => {
  it("seeds a JSON file, and skips a download that came back as a Zoho error with 200", async () => {
    const file = { data: [{ status: "open" }] };
    const error = { code: "INVALID_DATA", details: {}, message: "the given record id is invalid", status: "error" };
    const seed = har([
      { method: "GET", url: `${LEAD}/Attachments/1386586000002588401`, status: 200, content: { json: file } },
      { method: "GET", url: `${LEAD}/Attachments/1386586000002588402`, status: 200, content: { json: error } },
    ]);
    const replay = await startMock({ port: 0, stateful: true, seed });
    try {
      const json = await fetch(`${replay.url}${LEAD}/Attachments/1386586000002588401`, { headers: AUTH });
      expect(await json.json()).toStrictEqual(file);
      const skipped = await fetch(`${replay.url}${LEAD}/Attachments/1386586000002588402`, { headers: AUTH });
      expect(skipped.status).toBe(204);
    } finally {
      await replay.close();
    }
  });
});
