import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoApiError, ZohoInputError } from "../../src/index.js";
import { parseMultipart } from "../files/parse-multipart.js";
import { patternBytes, sha256, useTempDir, writeTempFile } from "../files/temp-dir.js";
import { fakeClock } from "../helpers/fake-clock.js";
import { type Captured, sendJson, uploaded, useCaptureServer, zohoError } from "./capture-server.js";

const server = useCaptureServer();
const tempDir = useTempDir("upload");
const RECORD = "4150868000002728001";
const NEW_ID = "4150868000002728099";
const BYTES = patternBytes(300_000, 7);

function client(extra: Record<string, unknown> = {}) {
  return createAttachmentsClient({
    apiDomain: server.origin,
    accessToken: "1000.upload-token",
    clock: fakeClock(),
    ...extra,
  });
}

function filePart(request: Captured) {
  const parts = parseMultipart(request.body, String(request.headers["content-type"]));
  expect(parts.map((part) => part.name)).toEqual(["file"]);
  const part = parts[0];
  if (part === undefined) throw new Error("no part");
  return part;
}

function chunks(bytes: Buffer, size: number): Buffer[] {
  const list: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) list.push(bytes.subarray(at, at + size));
  return list;
}

describe("uploadAttachment sends the file as multipart part `file`", () => {
  const inputs: Array<[string, () => Promise<unknown>, string, string, boolean]> = [
    ["a path", async () => writeTempFile(tempDir(), "report.pdf", BYTES), "report.pdf", "application/pdf", true],
    [
      "a file: URL",
      async () => new URL(`file://${await writeTempFile(tempDir(), "notes.txt", BYTES)}`),
      "notes.txt",
      "text/plain",
      true,
    ],
    [
      "a File (Blob with a name and type)",
      async () => new File([BYTES], "résumé 履歴書.docx", { type: "application/x-custom" }),
      "résumé 履歴書.docx",
      "application/x-custom",
      true,
    ],
  ];

  it.each(inputs)("from %s", async (_label, make, name, type, sized) => {
    server.respond((_request, res) => sendJson(res, 200, uploaded(NEW_ID)));
    const result = await client().uploadAttachment("Leads", RECORD, (await make()) as string);
    expect(result.status).toBe(200);
    expect(result.data.details.id).toBe(NEW_ID);
    expect(result.body.data).toHaveLength(1);
    expect(result.headers.get("content-type")).toContain("application/json");
    const [request] = server.requests;
    if (request === undefined) throw new Error("no request");
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/crm/v8/Leads/${RECORD}/Attachments`);
    expect(request.headers.authorization).toBe("Zoho-oauthtoken 1000.upload-token");
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    if (sized) expect(Number(request.headers["content-length"])).toBe(request.body.length);
    const part = filePart(request);
    expect(part.fileName).toBe(name);
    expect(part.contentType).toBe(type);
    expect(sha256(part.body)).toBe(sha256(BYTES));
  });

  it("from a Uint8Array, with the fileName given and Content-Length sent", async () => {
    server.respond((_request, res) => sendJson(res, 200, uploaded(NEW_ID)));
    const result = await client().uploadAttachment("Deals", RECORD, new Uint8Array(BYTES), {
      fileName: "Ünïcødé name.png",
    });
    expect(result.data.details.id).toBe(NEW_ID);
    const [request] = server.requests;
    if (request === undefined) throw new Error("no request");
    expect(request.headers["content-length"]).toBe(String(request.body.length));
    expect(request.headers["transfer-encoding"]).toBeUndefined();
    const part = filePart(request);
    expect(part.fileName).toBe("Ünïcødé name.png");
    expect(part.contentType).toBe("image/png");
    expect(sha256(part.body)).toBe(sha256(BYTES));
  });

  it("from a Node stream and from a web stream, chunked (no length known)", async () => {
    server.respond((_request, res) => sendJson(res, 200, uploaded(NEW_ID)));
    const zoho = client();
    await zoho.uploadAttachment("Leads", RECORD, Readable.from(chunks(BYTES, 10_000)), { fileName: "node.bin" });
    const pieces = chunks(BYTES, 70_000);
    const web = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pieces.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new Uint8Array(next));
      },
    });
    await zoho.uploadAttachment("Leads", RECORD, web, { fileName: "web.csv", contentType: "text/csv" });
    expect(server.requests).toHaveLength(2);
    for (const [index, request] of server.requests.entries()) {
      expect(request.headers["content-length"]).toBeUndefined();
      expect(request.headers["transfer-encoding"]).toBe("chunked");
      const part = filePart(request);
      expect(part.fileName).toBe(index === 0 ? "node.bin" : "web.csv");
      expect(part.contentType).toBe(index === 0 ? "application/octet-stream" : "text/csv");
      expect(sha256(part.body)).toBe(sha256(BYTES));
    }
  });

  it("uses the version picked at creation in the path", async () => {
    server.respond((_request, res) => sendJson(res, 200, uploaded(NEW_ID)));
    await client({ apiVersion: "v2.1" }).uploadAttachment("Price_Books", RECORD, new Uint8Array([1, 2, 3]), {
      fileName: "a.bin",
    });
    expect(server.requests[0]?.path).toBe(`/crm/v2.1/Price_Books/${RECORD}/Attachments`);
  });
});

describe("upload answers", () => {
  it("throws Zoho's error as a ZohoApiError (413 FILE_SIZE_MORE_THAN_ALLOWED_SIZE)", async () => {
    server.respond((_request, res) =>
      sendJson(res, 413, zohoError("FILE_SIZE_MORE_THAN_ALLOWED_SIZE", "file size exceeded")),
    );
    const error = await client()
      .uploadAttachment("Leads", RECORD, new Uint8Array(BYTES), { fileName: "a.bin" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({
      status: 413,
      code: "FILE_SIZE_MORE_THAN_ALLOWED_SIZE",
      zohoMessage: "file size exceeded",
      method: "POST",
    });
  });

  it("throws an error item inside a 200 as a ZohoApiError with its code and details", async () => {
    const item = {
      code: "STORAGE_SPACE_EXCEEDED",
      details: { limit: "1 GB" },
      message: "storage full",
      status: "error",
    };
    server.respond((_request, res) => sendJson(res, 200, { data: [item] }));
    const error = await client()
      .uploadAttachment("Leads", RECORD, new Uint8Array(BYTES), { fileName: "a.bin" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({
      status: 200,
      code: "STORAGE_SPACE_EXCEEDED",
      zohoMessage: "storage full",
      details: { limit: "1 GB" },
      method: "POST",
      retries: 0,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("refuses a 200 whose body is not the upload envelope (INVALID_RESPONSE)", async () => {
    server.respond((_request, res) =>
      sendJson(res, 200, { data: [{ code: "SUCCESS", details: {}, message: "ok", status: "success" }] }),
    );
    const error = await client()
      .uploadAttachment("Leads", RECORD, new Uint8Array([1]), { fileName: "a.bin" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 200, code: "INVALID_RESPONSE" });
  });

  it("does not retry a POST that got 500 (one request)", async () => {
    server.respond((_request, res) => sendJson(res, 500, zohoError("INTERNAL_ERROR", "Internal Server Error")));
    const path = await writeTempFile(tempDir(), "five-hundred.txt", BYTES);
    const error = await client()
      .uploadAttachment("Leads", RECORD, path)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, code: "INTERNAL_ERROR", retries: 0 });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 429 with a path file, sending the same bytes again", async () => {
    let calls = 0;
    server.respond((_request, res) => {
      calls++;
      if (calls === 1) sendJson(res, 429, zohoError("TOO_MANY_REQUESTS", "too many requests"), { "retry-after": "1" });
      else sendJson(res, 200, uploaded(NEW_ID));
    });
    const clock = fakeClock();
    const path = await writeTempFile(tempDir(), "retried.pdf", BYTES);
    const result = await client({ clock }).uploadAttachment("Leads", RECORD, path);
    expect(result.data.details.id).toBe(NEW_ID);
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]);
    const [first, second] = server.requests.map((request) => filePart(request));
    expect(sha256(first?.body ?? Buffer.alloc(0))).toBe(sha256(BYTES));
    expect(sha256(second?.body ?? Buffer.alloc(0))).toBe(sha256(BYTES));
  });

  it("does not retry a 429 when the file was a one-shot stream", async () => {
    server.respond((_request, res) => sendJson(res, 429, zohoError("TOO_MANY_REQUESTS", "too many requests")));
    const error = await client()
      .uploadAttachment("Leads", RECORD, Readable.from([BYTES]), { fileName: "once.bin" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS", retries: 0 });
    expect(server.requests).toHaveLength(1);
  });

  it("fails with the size error, not a network error, when a stream passes 100 MB mid-upload", async () => {
    server.respond((_request, res) => sendJson(res, 200, uploaded(NEW_ID)));
    const piece = Buffer.alloc(4 * 1024 * 1024);
    let sent = 0;
    // Up to 30 pieces of 4 MiB (120 MiB), never held at once; the 26th passes the limit.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 30) controller.enqueue(new Uint8Array(piece.buffer, 0, piece.length));
        else controller.close();
      },
    });
    const error = await client()
      .uploadAttachment("Leads", RECORD, stream, { fileName: "big.bin" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoInputError);
    expect((error as ZohoInputError).message).toMatch(/passed \d+ bytes .* while streaming/);
    // Reading stopped at the limit (one pull of read-ahead at most), not at the end of the stream.
    expect(sent).toBeLessThanOrEqual(27);
  });
});
