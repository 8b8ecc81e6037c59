import { open, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoInputError } from "../../src/index.js";
import { useTempDir } from "../files/temp-dir.js";
import { useCaptureServer } from "./capture-server.js";

const server = useCaptureServer();
const tempDir = useTempDir("bad-input");
const RECORD = "4150868000002728001";
const ID = "4150868000002728012";
const MIB = 1024 * 1024;

function clients() {
  const options = { apiDomain: server.origin, accessToken: "1000.t" } as const;
  return {
    v8: createAttachmentsClient(options),
    v4: createAttachmentsClient({ ...options, apiVersion: "v4" }),
    v2: createAttachmentsClient({ ...options, apiVersion: "v2" }),
  };
}

// A file of `bytes` bytes that takes no disk space (truncate extends it sparsely).
async function sparseFile(name: string, bytes: number): Promise<string> {
  const path = join(tempDir(), name);
  const handle = await open(path, "w");
  await handle.truncate(bytes);
  await handle.close();
  return path;
}

async function smallFile(name: string, text = "bytes"): Promise<string> {
  const path = join(tempDir(), name);
  await writeFile(path, text);
  return path;
}

type Zoho = ReturnType<typeof clients>;
// Each row: what is wrong, the call, the parameter the error names, and a phrase of its message.
const rows: Array<[string, (zoho: Zoho) => Promise<unknown>, string, RegExp]> = [
  ["an empty path", (z) => z.v8.uploadAttachment("Leads", RECORD, ""), "file", /empty path/],
  [
    "a missing file",
    (z) => z.v8.uploadAttachment("Leads", RECORD, join(tempDir(), "missing.pdf")),
    "file",
    /No file at/,
  ],
  ["a directory", (z) => z.v8.uploadAttachment("Leads", RECORD, tempDir()), "file", /is a directory/],
  [
    "a 0-byte file",
    async (z) => z.v8.uploadAttachment("Leads", RECORD, await smallFile("empty.txt", "")),
    "file",
    /empty \(0 bytes\)/,
  ],
  [
    "a file of 100 MiB + 1 byte",
    async (z) => z.v8.uploadAttachment("Leads", RECORD, await sparseFile("big.bin", 100 * MIB + 1)),
    "file",
    /104857601 bytes.*over the attachment limit/,
  ],
  ["an .exe file", async (z) => z.v8.uploadAttachment("Leads", RECORD, await smallFile("setup.exe")), "file", /\.exe/],
  [
    "an .exe fileName",
    (z) => z.v8.uploadAttachment("Leads", RECORD, new Uint8Array([1]), { fileName: "Setup.EXE" }),
    "fileName",
    /\.exe/,
  ],
  [
    "bytes without a fileName",
    (z) => z.v8.uploadAttachment("Leads", RECORD, new Uint8Array([1])),
    "fileName",
    /no file name/,
  ],
  [
    "a module in the wrong case",
    (z) => z.v8.uploadAttachment("leads" as "Leads", RECORD, new Uint8Array([1]), { fileName: "a.txt" }),
    "module",
    /Did you mean "Leads"/,
  ],
  [
    "a numeric record id",
    (z) => z.v8.deleteAttachment("Leads", 4150868000002728001 as unknown as string, ID),
    "recordId",
    /string of digits/,
  ],
  [
    "an attachment id with a slash",
    (z) => z.v8.downloadAttachment("Leads", RECORD, "123/456"),
    "attachmentId",
    /slashes, dots/,
  ],
  ["an attachment id of dots", (z) => z.v8.deleteAttachment("Leads", RECORD, ".."), "attachmentId", /slashes, dots/],
  [
    "an attachment id with dots, to a file",
    (z) => z.v8.downloadAttachmentTo("Leads", RECORD, "../1", tempDir()),
    "attachmentId",
    /slashes, dots/,
  ],
  ["an empty ids list", (z) => z.v8.deleteAttachments("Leads", RECORD, []), "ids", /is empty/],
  [
    "one id string instead of a list",
    (z) => z.v8.deleteAttachments("Leads", RECORD, ID as unknown as string[]),
    "ids",
    /not one string/,
  ],
  [
    "a chunkSize over 100",
    (z) => z.v8.deleteAttachments("Leads", RECORD, [ID], { chunkSize: 101 }),
    "chunkSize",
    /1 to 100/,
  ],
  ["a photo on Deals", (z) => z.v8.getPhoto("Deals" as "Leads", RECORD), "module", /cannot have a photo/],
  [
    "a photo upload on Tasks",
    (z) => z.v8.uploadPhoto("Tasks" as "Leads", RECORD, new Uint8Array([1]), { fileName: "a.png" }),
    "module",
    /cannot have a photo/,
  ],
  ["a photo delete on Deals", (z) => z.v8.deletePhoto("Deals" as "Leads", RECORD), "module", /cannot have a photo/],
  [
    "a photo that is a PDF",
    async (z) => z.v8.uploadPhoto("Leads", RECORD, await smallFile("scan.pdf")),
    "file",
    /PNG, JPEG/,
  ],
  [
    "a photo over 10 MiB",
    async (z) => z.v8.uploadPhoto("Contacts", RECORD, await sparseFile("huge.png", 10 * MIB + 1)),
    "file",
    /photo limit/,
  ],
  [
    "restrictTriggers approval on v2",
    (z) =>
      z.v2.uploadPhoto("Leads", RECORD, new Uint8Array([1]), {
        fileName: "a.png",
        restrictTriggers: ["approval" as "workflow"],
      }),
    "restrictTriggers",
    /needs v3/,
  ],
  [
    "restrictTriggers on the v2 photo delete",
    (z) => z.v2.deletePhoto("Leads", RECORD, { restrictTriggers: ["workflow"] } as never),
    "restrictTriggers",
    /v2 photo delete/,
  ],
  [
    "an unknown trigger",
    (z) => z.v8.deletePhoto("Leads", RECORD, { restrictTriggers: ["workflows" as "workflow"] }),
    "restrictTriggers",
    /"workflows"/,
  ],
  [
    "a title before v5",
    (z) => z.v4.attachLink("Leads", RECORD, "https://www.zohocorp.com", { title: "Zoho" } as never),
    "title",
    /v5 or later/,
  ],
  [
    "an empty title",
    (z) => z.v8.attachLink("Leads", RECORD, "https://www.zohocorp.com", { title: " " }),
    "title",
    /1 to 255/,
  ],
  [
    "a title of 256 characters",
    (z) => z.v8.attachLink("Leads", RECORD, "https://www.zohocorp.com", { title: "é".repeat(256) }),
    "title",
    /got 256/,
  ],
  ["a relative URL", (z) => z.v8.attachLink("Leads", RECORD, "/docs/page"), "url", /absolute URL/],
  ["a URL without //", (z) => z.v8.attachLink("Leads", RECORD, "https:www.zohocorp.com"), "url", /absolute URL/],
  ["an ftp URL", (z) => z.v8.attachLink("Leads", RECORD, "ftp://files.example.com/a"), "url", /http or https/],
  ["a URL with a space", (z) => z.v8.attachLink("Leads", RECORD, "https://example.com/a b"), "url", /spaces/],
  [
    "a URL of 3001 characters",
    (z) => z.v8.attachLink("Leads", RECORD, `https://example.com/${"a".repeat(3001 - 20)}`),
    "url",
    /3001 characters/,
  ],
  [
    "an unknown via",
    (z) => z.v8.attachLink("Leads", RECORD, "https://example.com", { via: "body" as "form" }),
    "via",
    /"form"/,
  ],
  [
    "a misspelt option",
    (z) => z.v8.uploadAttachment("Leads", RECORD, new Uint8Array([1]), { filename: "a.txt" } as never),
    "filename",
    /Did you mean fileName/,
  ],
  [
    "a destination in a missing directory",
    (z) => z.v8.downloadAttachmentTo("Leads", RECORD, ID, join(tempDir(), "nope", "a.pdf")),
    "destination",
    /does not exist/,
  ],
  [
    "an existing destination without overwrite",
    async (z) => z.v8.downloadAttachmentTo("Leads", RECORD, ID, await smallFile("exists.pdf")),
    "destination",
    /already exists/,
  ],
  ["a timeoutMs of 0", (z) => z.v8.downloadAttachment("Leads", RECORD, ID, { timeoutMs: 0 }), "timeoutMs", /above 0/],
];

describe("bad input fails before any request", () => {
  it.each(rows)("%s", async (_label, call, parameter, message) => {
    const error = await call(clients()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ZohoInputError);
    expect(error).toMatchObject({ parameter });
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toEqual([]);
  });
});
