/**
 * A 200 whose body is Zoho's JSON error (a JSON type, no Content-Disposition, Zoho's error shape) is
 * thrown as a ZohoApiError instead of being saved as the attachment; a JSON file that comes with
 * Content-Disposition, or JSON that is no Zoho error, is still saved byte for byte.
 */
import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoApiError } from "../../src/index.js";
import { emptyDirs, listDir, readAll, useTempDir } from "../files/temp-dir.js";
import { fakeClock } from "../helpers/fake-clock.js";
import { useCaptureServer, zohoError } from "./capture-server.js";

const server = useCaptureServer();
const tempDir = useTempDir("error-in-200");
const RECORD = "4150868000002728001";
const ID = "4150868000002728012";
const ERROR_BODY = JSON.stringify(zohoError("INVALID_DATA", "the id given seems to be invalid", { id: ID }));

function client() {
  return createAttachmentsClient({ apiDomain: server.origin, accessToken: "1000.json-200", clock: fakeClock() });
}

function answer(res: ServerResponse, body: string, headers: Record<string, string>): void {
  res.writeHead(200, { "content-length": String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

/** A fresh empty directory inside the temp dir. */
const emptyDir = emptyDirs(tempDir);

describe("a 200 that is Zoho's JSON error", () => {
  it.each([
    ["application/json;charset=UTF-8", ERROR_BODY],
    ["application/json", JSON.stringify({ data: [zohoError("INVALID_DATA", "the id given seems to be invalid")] })],
  ])("is a ZohoApiError, not a saved file (%s)", async (type, body) => {
    server.respond((_request, res) => answer(res, body, { "content-type": type }));
    const dir = await emptyDir();
    const error = await client()
      .downloadAttachmentTo("Leads", RECORD, ID, dir)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 200, code: "INVALID_DATA", zohoMessage: "the id given seems to be invalid" });
    expect(await listDir(dir)).toEqual([]);
  });

  it("is thrown by the streaming download too", async () => {
    server.respond((_request, res) => answer(res, ERROR_BODY, { "content-type": "application/json" }));
    await expect(client().downloadAttachment("Leads", RECORD, ID)).rejects.toMatchObject({
      name: "ZohoApiError",
      status: 200,
      code: "INVALID_DATA",
      details: { id: ID },
    });
  });
});

describe("JSON that is a file", () => {
  it("is saved when Content-Disposition names it, even in Zoho's error shape", async () => {
    server.respond((_request, res) =>
      answer(res, ERROR_BODY, {
        "content-type": "application/json",
        "content-disposition": 'attachment; filename="error-sample.json"',
      }),
    );
    const dir = await emptyDir();
    const saved = await client().downloadAttachmentTo("Leads", RECORD, ID, dir);
    expect(saved.path).toBe(join(dir, "error-sample.json"));
    expect(await readFile(saved.path, "utf8")).toBe(ERROR_BODY);
  });

  it.each([
    ["a small JSON document", JSON.stringify({ code: "not-an-error", status: "draft" })],
    ["a JSON document over 64 KiB", JSON.stringify({ rows: Array.from({ length: 20_000 }, (_, i) => i) })],
  ])("is saved whole when it is %s without a name", async (_what, body) => {
    server.respond((_request, res) => answer(res, body, { "content-type": "application/json" }));
    const result = await client().downloadAttachment("Leads", RECORD, ID);
    if (result.status !== 200) throw new Error(`status ${result.status}`);
    expect(Buffer.from(await readAll(result.body)).toString("utf8")).toBe(body);
  });
});
