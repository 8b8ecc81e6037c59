import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IHttpOperation } from "@stoplight/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../../src/index.js";
import { loadOperations } from "../../src/prism/operations-cache.js";
import { defaultSpecPath } from "../../src/prism/spec-path.js";
import { loadSeed } from "../../src/seed/load-seed.js";
import { type EntrySpec, har, success } from "./har-builder.js";

// A recording that cannot be used is refused, naming the file, the entry (by its place and its
// request line) and what is wrong; entries of other traffic and error answers are skipped.

const LIST = "/crm/v8/Leads/1000000231009/Attachments?fields=id";
let dir: string;
let operations: IHttpOperation[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zcrm-bad-har-"));
  operations = await loadOperations(defaultSpecPath());
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function refusal(value: unknown): Promise<string> {
  const file = join(dir, "recorded.har");
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  try {
    await loadSeed(file, operations, 0);
  } catch (error) {
    return (error as Error).message.replace(`${file}`, "FILE");
  }
  throw new Error("the recording was taken");
}

const one = (spec: EntrySpec) => har([{ method: "GET", url: "https://example.com/", status: 200 }, spec]);
const broken = (patch: (entry: Record<string, unknown>) => void) => {
  const log = har([{ method: "GET", url: LIST, status: 204 }]);
  patch((log.log.entries as Record<string, unknown>[])[0] as Record<string, unknown>);
  return log;
};

describe("a recording that cannot be used", () => {
  it.each([
    ["not JSON", "{", /^seed file FILE is not JSON: /],
    ["not a HAR", { entries: [] }, "FILE: not a HAR file (it has no log.entries list)."],
    [
      "an entry without a response",
      broken((e) => delete e.response),
      "FILE entry 1: a HAR entry needs request and response objects.",
    ],
    [
      "a URL that is not absolute",
      broken((e) => Object.assign(e.request as object, { url: "/crm/v8/Leads/1/Attachments" })),
      'FILE entry 1: request.url "/crm/v8/Leads/1/Attachments" is not an absolute URL.',
    ],
    [
      "no status",
      broken((e) => delete (e.response as Record<string, unknown>).status),
      "FILE entry 1: request.method, request.url and response.status are required.",
    ],
    [
      "a list that is no JSON",
      one({ method: "GET", url: LIST, status: 200, content: { text: "<html>", mimeType: "text/html" } }),
      "FILE entry 2 (GET /crm/v8/Leads/1000000231009/Attachments): the answer's body (response.content.text) is not JSON.",
    ],
    [
      "a list item without an id",
      one({ method: "GET", url: LIST, status: 200, content: { json: { data: [{ File_Name: "a.txt" }] } } }),
      "FILE entry 2 (GET /crm/v8/Leads/1000000231009/Attachments): data[0] needs an id of the form ^[0-9]{1,19}$, as a string.",
    ],
    [
      "a bad Size",
      one({ method: "GET", url: LIST, status: 200, content: { json: { data: [{ id: "1", Size: "big" }] } } }),
      'FILE entry 2 (GET /crm/v8/Leads/1000000231009/Attachments): data[0].Size must be a number of bytes (got "big").',
    ],
    [
      "a bad time",
      one({ method: "GET", url: LIST, status: 200, content: { json: { data: [{ id: "1", Created_Time: "soon" }] } } }),
      /^FILE entry 2 \(GET .*\): data\[0\]\.Created_Time must be a time such as .* \(got "soon"\)\.$/,
    ],
    [
      "an upload answer without an id",
      one({
        method: "POST",
        url: "/crm/v8/Leads/1/Attachments",
        status: 200,
        content: { json: { data: [success({})] } },
      }),
      "FILE entry 2 (POST /crm/v8/Leads/1/Attachments): the upload's answer needs data[0].details.id, an id of the form ^[0-9]{1,19}$.",
    ],
    [
      "bytes that do not match their hash",
      broken((e) =>
        Object.assign(e.response as object, {
          status: 200,
          content: {
            size: 3,
            text: Buffer.from("abc").toString("base64"),
            encoding: "base64",
            _sha256: "0".repeat(64),
          },
        }),
      ),
      "FILE entry 1 (GET /crm/v8/Leads/1000000231009/Attachments): response.content.text does not match response.content._sha256.",
    ],
    [
      "a body that is not base64",
      broken((e) =>
        Object.assign(e.response as object, {
          status: 200,
          content: { size: 3, text: "*not*base64*", encoding: "base64" },
        }),
      ),
      "FILE entry 1 (GET /crm/v8/Leads/1000000231009/Attachments): response.content.text is not base64.",
    ],
    [
      "a record id Zoho never has",
      one({ method: "GET", url: "/crm/v8/Leads/12345678901234567890/photo", status: 204 }),
      'FILE entry 2 (GET /crm/v8/Leads/12345678901234567890/photo): "12345678901234567890" is no id of the form ^[0-9]{1,19}$.',
    ],
    [
      "one attachment on two records",
      har([
        {
          method: "GET",
          url: "/crm/v8/Leads/1/Attachments/9",
          status: 200,
          content: { bytes: Buffer.from("x"), mimeType: "text/plain" },
        },
        {
          method: "GET",
          url: "/crm/v8/Leads/2/Attachments/9",
          status: 200,
          content: { bytes: Buffer.from("x"), mimeType: "text/plain" },
        },
      ]),
      "FILE: attachment 9 is on both Leads/1 and Leads/2.",
    ],
  ])("%s", async (_name, value, message) => {
    const got = await refusal(value);
    if (typeof message === "string") expect(got).toBe(message);
    else expect(got).toMatch(message);
  });

  it("skips other traffic and error answers, and fails start-up on a bad entry, leaving no folder", async () => {
    const skipped = await loadSeed(
      har([
        {
          method: "GET",
          url: "https://example.com/index.html",
          status: 200,
          content: { text: "<html>", mimeType: "text/html" },
        },
        { method: "PUT", url: LIST, status: 400, content: { text: "not even JSON", mimeType: "text/plain" } },
        { method: "GET", url: LIST, status: 500, content: { text: "not even JSON", mimeType: "text/plain" } },
      ]),
      operations,
      0,
    );
    expect([skipped.records, skipped.ignored]).toStrictEqual([[], 3]);
    const parent = mkdtempSync(join(tmpdir(), "zcrm-bad-har-start-"));
    try {
      const file = join(dir, "cut.har");
      writeFileSync(
        file,
        JSON.stringify(
          one({ method: "GET", url: LIST, status: 200, content: { text: "{", mimeType: "application/json" } }),
        ),
      );
      await expect(startMock({ port: 0, stateful: { tempDir: parent }, seed: file })).rejects.toThrow(
        `${file} entry 2 (GET`,
      );
      expect(readdirSync(parent)).toStrictEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
