import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZohoInputError } from "../../src/errors/errors.js";
import { type FileSource, resolveFileSource } from "../../src/files/file-source.js";
import { MAX_ATTACHMENT_BYTES } from "../../src/files/limits.js";
import { createMultipartBody, type MultipartBody, multipartHeaders } from "../../src/files/multipart-body.js";
import { parseMultipart } from "./parse-multipart.js";
import { patternBytes, readAll, sha256, useTempDir, writeTempFile } from "./temp-dir.js";

const tempDir = useTempDir("multipart");

// What the client's upload hands fetch for a multipart body (operations/send-multipart.ts).
function multipartRequestInit(body: MultipartBody) {
  return { body: body.stream(), duplex: "half", redirect: "error", headers: multipartHeaders(body) } as const;
}
const options = (fileName?: string) => ({
  maxBytes: MAX_ATTACHMENT_BYTES,
  kind: "attachment" as const,
  ...(fileName === undefined ? {} : { fileName }),
});

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// A loopback server that keeps each request's headers and whole body (bodies here are at most 5 MB).
let server: Server;
let origin = "";
const received: Received[] = [];
// Resolved when the server sees a request close before its body was complete.
let onIncomplete: () => void = () => {};
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ bytes: Buffer.concat(chunks).length }));
    });
    req.on("error", () => res.destroy());
    req.on("close", () => {
      if (!req.complete) onIncomplete();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

function boundaryOf(contentType: string): string {
  const boundary = /^multipart\/form-data; boundary=(\S+)$/.exec(contentType)?.[1];
  if (boundary === undefined) throw new Error(`unexpected content type ${contentType}`);
  return boundary;
}

function webStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

describe("body bytes", () => {
  it("encodes a text field and a file exactly, with a matching contentLength", async () => {
    const file = await resolveFileSource(new TextEncoder().encode("hello"), options("a.txt"));
    const body = createMultipartBody([
      { name: "title", value: "Hi" },
      { name: "file", file },
    ]);
    const b = boundaryOf(body.contentType);
    expect(b).toMatch(/^----zcrm-[0-9a-f]{32}$/);
    const expected =
      `--${b}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHi\r\n` +
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n` +
      `--${b}--\r\n\r\n`;
    const bytes = await readAll(body.stream());
    expect(bytes.toString("latin1")).toBe(expected);
    expect(body.contentLength).toBe(bytes.length);
    expect(body.replayable).toBe(true);
  });

  it("sends non-ASCII file names as raw UTF-8 and escapes quotes as browsers do", async () => {
    const first = await resolveFileSource(new Uint8Array([1]), options("日本語 résumé.pdf"));
    const second = await resolveFileSource(new Uint8Array([2]), options('say "hi".txt'));
    const body = createMultipartBody([
      { name: "file", file: first },
      { name: "other", file: second },
    ]);
    const bytes = await readAll(body.stream());
    expect(bytes.includes(Buffer.from('filename="日本語 résumé.pdf"', "utf8"))).toBe(true);
    const parts = parseMultipart(bytes, body.contentType);
    expect(parts.map((p) => [p.name, p.fileName, p.contentType, [...p.body]])).toEqual([
      ["file", "日本語 résumé.pdf", "application/pdf", [1]],
      ["other", "say %22hi%22.txt", "text/plain", [2]],
    ]);
    expect(body.contentLength).toBe(bytes.length);
  });

  it("keeps big chunks with a byte offset intact (form-data-encoder re-slices chunks over 64 KiB from .buffer)", async () => {
    const data = patternBytes(200 * 1024, 7);
    const backing = Buffer.concat([Buffer.alloc(1000, 0xab), data]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 1000, data.length);
    // A FileSource from elsewhere that hands over the whole file as one big view.
    const source: FileSource = {
      name: "big.bin",
      type: "application/octet-stream",
      size: data.length,
      replayable: true,
      stream: () => webStream([view]),
    };
    const body = createMultipartBody([{ name: "file", file: source }]);
    const [part] = parseMultipart(await readAll(body.stream()), body.contentType);
    expect(sha256(part?.body ?? Buffer.alloc(0))).toBe(sha256(data));
  });

  it("replays a path body byte for byte", async () => {
    const path = await writeTempFile(tempDir(), "replay.bin", patternBytes(150_000, 3));
    const body = createMultipartBody([{ name: "file", file: await resolveFileSource(path, options()) }]);
    const first = await readAll(body.stream());
    const second = await readAll(body.stream());
    expect(sha256(second)).toBe(sha256(first));
    expect(first.length).toBe(body.contentLength);
  });

  it("has no contentLength and is not replayable with a stream of unknown size", async () => {
    const file = await resolveFileSource(webStream([new Uint8Array([9, 8, 7])]), options("s.bin"));
    const body = createMultipartBody([{ name: "file", file }]);
    expect(body.contentLength).toBeUndefined();
    expect(body.replayable).toBe(false);
    const [part] = parseMultipart(await readAll(body.stream()), body.contentType);
    expect([...(part?.body ?? [])]).toEqual([9, 8, 7]);
  });

  it("fails the body when a file yields other than its declared size", async () => {
    const source: FileSource = {
      name: "liar.bin",
      type: "application/octet-stream",
      size: 10,
      replayable: true,
      stream: () => webStream([new Uint8Array(4)]),
    };
    await expect(readAll(createMultipartBody([{ name: "file", file: source }]).stream())).rejects.toThrow(
      /liar\.bin gave 4 bytes but declared 10/,
    );
  });

  it("refuses a FileSource whose type could inject a header", () => {
    const source: FileSource = {
      name: "a.txt",
      type: "text/plain\r\nX-Evil: 1",
      size: 1,
      replayable: true,
      stream: () => webStream([new Uint8Array(1)]),
    };
    expect(() => createMultipartBody([{ name: "file", file: source }])).toThrow(ZohoInputError);
  });
});

describe("over Node's fetch to a loopback server", () => {
  it("uploads a 5 MB file from a path byte-identical, with Content-Length and no chunking", async () => {
    const data = patternBytes(5 * 1024 * 1024 + 3, 11);
    const path = await writeTempFile(tempDir(), "five-mb.pdf", data);
    const body = createMultipartBody([{ name: "file", file: await resolveFileSource(path, options()) }]);
    const response = await fetch(`${origin}/upload`, { method: "POST", ...multipartRequestInit(body) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bytes: body.contentLength });
    const seen = received.at(-1);
    expect(seen?.headers["content-length"]).toBe(String(body.contentLength));
    expect(seen?.headers["transfer-encoding"]).toBeUndefined();
    expect(seen?.headers["content-type"]).toBe(body.contentType);
    const parts = parseMultipart(seen?.body ?? Buffer.alloc(0), body.contentType);
    expect(parts.map((p) => [p.name, p.fileName, p.contentType])).toEqual([["file", "five-mb.pdf", "application/pdf"]]);
    expect(sha256(parts[0]?.body ?? Buffer.alloc(0))).toBe(sha256(data));
  });

  it("sends a stream of unknown size chunked", async () => {
    const data = patternBytes(100_000, 5);
    const file = await resolveFileSource(webStream([data.subarray(0, 1), data.subarray(1)]), options("stream.bin"));
    const body = createMultipartBody([{ name: "file", file }]);
    const init = multipartRequestInit(body);
    expect(init.headers).toEqual({ "content-type": body.contentType });
    const response = await fetch(`${origin}/upload`, { method: "POST", ...init });
    expect(response.status).toBe(200);
    const seen = received.at(-1);
    expect(seen?.headers["transfer-encoding"]).toBe("chunked");
    const [part] = parseMultipart(seen?.body ?? Buffer.alloc(0), body.contentType);
    expect(sha256(part?.body ?? Buffer.alloc(0))).toBe(sha256(data));
  });

  it("fails the request, not the server, when a stream passes the limit mid-upload", async () => {
    const chunks = [patternBytes(4000), patternBytes(4000), patternBytes(4000)];
    const file = await resolveFileSource(webStream(chunks), {
      maxBytes: 6000,
      kind: "attachment",
      fileName: "big.log",
    });
    const before = received.length;
    const incomplete = new Promise<void>((done) => (onIncomplete = done));
    const error: unknown = await fetch(`${origin}/upload`, {
      method: "POST",
      ...multipartRequestInit(createMultipartBody([{ name: "file", file }])),
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toBeInstanceOf(ZohoInputError);
    expect(((error as TypeError).cause as ZohoInputError).message).toMatch(/big\.log passed 8000 bytes/);
    await incomplete;
    expect(received.length).toBe(before);
  });
});
