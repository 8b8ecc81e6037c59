import { readFile, writeFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoApiError, ZohoBodyLengthError, ZohoNetworkError } from "../../src/index.js";
import { emptyDirs, listDir, patternBytes, readAll, sha256, useTempDir } from "../files/temp-dir.js";
import { fakeClock } from "../helpers/fake-clock.js";
import { sendJson, useCaptureServer, zohoError } from "./capture-server.js";

const server = useCaptureServer();
const tempDir = useTempDir("download");
const RECORD = "4150868000002728001";
const ID = "4150868000002728012";
const BYTES = patternBytes(1_000_000, 3);
const NON_ASCII = "résumé 履歴書.pdf";
const RFC5987 = `attachment; filename*=UTF-8''${encodeURIComponent(NON_ASCII)}`;

function client(extra: Record<string, unknown> = {}) {
  return createAttachmentsClient({
    apiDomain: server.origin,
    accessToken: "1000.download",
    clock: fakeClock(),
    ...extra,
  });
}

function sendFile(res: ServerResponse, bytes: Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    "content-type": "application/pdf",
    "content-length": String(bytes.length),
    "content-disposition": RFC5987,
    ...headers,
  });
  res.end(bytes);
}

// Sends the headers and half the body, then resets the connection.
function resetHalfway(res: ServerResponse): void {
  res.writeHead(200, {
    "content-type": "application/pdf",
    "content-length": String(BYTES.length),
    "content-disposition": RFC5987,
  });
  res.write(BYTES.subarray(0, BYTES.length / 2), () => res.destroy());
}

/** A fresh empty directory inside the temp dir. */
const emptyDir = emptyDirs(tempDir);

describe("downloadAttachment", () => {
  it("streams the bytes with the RFC 5987 file name, type and length", async () => {
    server.respond((_request, res) => sendFile(res, BYTES));
    const result = await client().downloadAttachment("Leads", RECORD, ID);
    if (result.status !== 200) throw new Error(`status ${result.status}`);
    expect(result.fileName).toBe(NON_ASCII);
    expect(result.contentType).toBe("application/pdf");
    expect(result.contentLength).toBe(BYTES.length);
    expect(sha256(await readAll(result.body))).toBe(sha256(BYTES));
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([
      ["GET", `/crm/v8/Leads/${RECORD}/Attachments/${ID}`],
    ]);
  });

  it("reads a plain quoted file name", async () => {
    server.respond((_request, res) =>
      sendFile(res, BYTES.subarray(0, 10), {
        "content-disposition": 'attachment; filename="plain report.txt"',
        "content-type": "text/plain",
      }),
    );
    const result = await client().downloadAttachment("Leads", RECORD, ID);
    expect(result).toMatchObject({
      status: 200,
      fileName: "plain report.txt",
      contentType: "text/plain",
      contentLength: 10,
    });
    if (result.status === 200) await result.body.cancel();
  });

  it("reports no length for a content-encoded body (fetch decodes it)", async () => {
    const gzipped = gzipSync(BYTES);
    server.respond((_request, res) => sendFile(res, gzipped, { "content-encoding": "gzip" }));
    const result = await client().downloadAttachment("Leads", RECORD, ID);
    if (result.status !== 200) throw new Error(`status ${result.status}`);
    expect(result.contentLength).toBeUndefined();
    expect(sha256(await readAll(result.body))).toBe(sha256(BYTES));
  });

  it("returns 204 as { status: 204, body: null }", async () => {
    server.respond((_request, res) => res.writeHead(204).end());
    const result = await client().downloadAttachment("Leads", RECORD, ID);
    expect(result).toMatchObject({
      status: 204,
      body: null,
      fileName: undefined,
      contentType: undefined,
      contentLength: undefined,
    });
  });

  it("throws DOWNLOAD_NOT_ALLOWED (a link attachment) as a ZohoApiError", async () => {
    server.respond((_request, res) =>
      sendJson(res, 400, zohoError("DOWNLOAD_NOT_ALLOWED", "As it is a linked attachment, you can not download it")),
    );
    const error = await client()
      .downloadAttachment("Leads", RECORD, ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 400, code: "DOWNLOAD_NOT_ALLOWED", method: "GET", details: {} });
    expect((error as ZohoApiError).url).toBe(`${server.origin}/crm/v8/Leads/${RECORD}/Attachments/${ID}`);
  });

  it("errors the stream with a ZohoNetworkError when the connection resets mid-body", async () => {
    server.respond((_request, res) => resetHalfway(res));
    const result = await client().downloadAttachment("Leads", RECORD, ID);
    if (result.status !== 200) throw new Error(`status ${result.status}`);
    const error = await readAll(result.body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(error).toMatchObject({ kind: "network", method: "GET" });
    expect((error as Error).message).toContain("UND_ERR_SOCKET");
  });

  it("frees its concurrency slot when the body is cancelled or nothing came", async () => {
    const zoho = client({ maxConcurrency: 1 });
    server.respond((_request, res) => sendFile(res, BYTES));
    const first = await zoho.downloadAttachment("Leads", RECORD, ID);
    if (first.status === 200) await first.body.cancel();
    server.respond((_request, res) => res.writeHead(204).end());
    await expect(zoho.downloadAttachmentTo("Leads", RECORD, ID, await emptyDir())).rejects.toMatchObject({
      status: 204,
      code: "NO_CONTENT",
    });
    const third = await zoho.downloadAttachment("Leads", RECORD, ID);
    expect(third.status).toBe(204);
  });
});

describe("downloadAttachmentTo", () => {
  it("writes the file and returns its facts; nothing else is left in the directory", async () => {
    server.respond((_request, res) => sendFile(res, BYTES));
    const dir = await emptyDir();
    const path = join(dir, "saved.pdf");
    const saved = await client().downloadAttachmentTo("Leads", RECORD, ID, path);
    expect(saved).toMatchObject({ path, bytes: BYTES.length, fileName: NON_ASCII, contentType: "application/pdf" });
    expect(sha256(await readFile(path))).toBe(sha256(BYTES));
    expect(await listDir(dir)).toEqual(["saved.pdf"]);
  });

  it("writes the same bytes with durable: true, and refuses a durable that is not a boolean before any request", async () => {
    server.respond((_request, res) => sendFile(res, BYTES));
    const dir = await emptyDir();
    const saved = await client().downloadAttachmentTo("Leads", RECORD, ID, join(dir, "durable.pdf"), { durable: true });
    expect(sha256(await readFile(saved.path))).toBe(sha256(BYTES));
    const before = server.requests.length;
    await expect(
      // @ts-expect-error durable is a boolean
      client().downloadAttachmentTo("Leads", RECORD, ID, join(dir, "x.pdf"), { durable: "yes" }),
    ).rejects.toMatchObject({ parameter: "durable" });
    expect(server.requests.length).toBe(before);
  });

  it("saves under the server's name, made safe, when the destination is a directory", async () => {
    server.respond((_request, res) =>
      sendFile(res, BYTES, { "content-disposition": 'attachment; filename="../../etc/q3: report?.pdf"' }),
    );
    const dir = await emptyDir();
    const saved = await client().downloadAttachmentTo("Leads", RECORD, ID, dir);
    expect(saved.path).toBe(join(dir, "q3_ report_.pdf"));
    expect(saved.fileName).toBe("../../etc/q3: report?.pdf");
    expect(await listDir(dir)).toEqual(["q3_ report_.pdf"]);
  });

  it("saves a server name with a right-to-left override without it, so it shows as what it is", async () => {
    server.respond((_request, res) =>
      sendFile(res, BYTES, { "content-disposition": "attachment; filename*=UTF-8''evil%E2%80%AEtxt.exe" }),
    );
    const dir = await emptyDir();
    const saved = await client().downloadAttachmentTo("Leads", RECORD, ID, dir);
    expect(saved.fileName).toBe("evil\u202Etxt.exe");
    expect(saved.path).toBe(join(dir, "eviltxt.exe"));
    expect(await listDir(dir)).toEqual(["eviltxt.exe"]);
  });

  it("saves a non-ASCII server name as it is", async () => {
    server.respond((_request, res) => sendFile(res, BYTES));
    const dir = await emptyDir();
    const saved = await client().downloadAttachmentTo("Leads", RECORD, ID, dir);
    expect(saved.path).toBe(join(dir, NON_ASCII));
    expect(sha256(await readFile(saved.path))).toBe(sha256(BYTES));
  });

  it("replaces an existing file only with overwrite: true", async () => {
    server.respond((_request, res) => sendFile(res, BYTES));
    const dir = await emptyDir();
    const path = join(dir, "old.pdf");
    await writeFile(path, "old bytes");
    await client().downloadAttachmentTo("Leads", RECORD, ID, path, { overwrite: true });
    expect(sha256(await readFile(path))).toBe(sha256(BYTES));
    expect(await listDir(dir)).toEqual(["old.pdf"]);
  });

  it("throws a ZohoNetworkError and leaves no file when the connection resets mid-body", async () => {
    server.respond((_request, res) => resetHalfway(res));
    const dir = await emptyDir();
    const error = await client()
      .downloadAttachmentTo("Leads", RECORD, ID, join(dir, "cut.pdf"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(error).toMatchObject({ kind: "network" });
    expect(await listDir(dir)).toEqual([]);
  });

  it("throws and leaves no file when the server closes before Content-Length was sent", async () => {
    server.respond((_request, res) => {
      res.writeHead(200, { "content-type": "application/pdf", "content-length": String(BYTES.length + 5000) });
      // Everything but the last 5000 promised bytes, then a clean close (FIN, not a reset).
      res.write(BYTES, () => res.socket?.end());
    });
    const dir = await emptyDir();
    const error = await client()
      .downloadAttachmentTo("Leads", RECORD, ID, join(dir, "short.pdf"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(await listDir(dir)).toEqual([]);
  });

  it("throws ZohoBodyLengthError and leaves no file when a body ends short of its Content-Length", async () => {
    // A custom fetch (a proxy, a recorder) can end a body cleanly where undici would error it.
    const shortFetch = async (): Promise<Response> =>
      new Response(BYTES.subarray(0, 1000), {
        status: 200,
        headers: { "content-length": "5000", "content-type": "application/pdf" },
      });
    const dir = await emptyDir();
    const zoho = client({ fetch: shortFetch });
    const error = await zoho.downloadAttachmentTo("Leads", RECORD, ID, join(dir, "short.pdf")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoBodyLengthError);
    expect(error).toMatchObject({ expectedBytes: 5000, receivedBytes: 1000 });
    expect(await listDir(dir)).toEqual([]);
  });

  it("throws an aborted ZohoNetworkError and leaves no file when the caller aborts mid-body", async () => {
    const controller = new AbortController();
    server.respond((_request, res) => {
      res.writeHead(200, { "content-length": String(BYTES.length * 2) });
      // Half now; the rest never comes: the caller aborts once the first half is written.
      res.write(BYTES, () => setTimeout(() => controller.abort(), 20));
    });
    const dir = await emptyDir();
    const error = await client()
      .downloadAttachmentTo("Leads", RECORD, ID, join(dir, "a.pdf"), { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(error).toMatchObject({ kind: "aborted" });
    expect(await listDir(dir)).toEqual([]);
  });

  it("throws a ZohoApiError 204 NO_CONTENT and writes nothing", async () => {
    server.respond((_request, res) => res.writeHead(204).end());
    const dir = await emptyDir();
    const error = await client()
      .downloadAttachmentTo("Leads", RECORD, ID, dir)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({
      status: 204,
      code: "NO_CONTENT",
      method: "GET",
      url: `${server.origin}/crm/v8/Leads/${RECORD}/Attachments/${ID}`,
    });
    expect(await listDir(dir)).toEqual([]);
  });
});
