/**
 * The recorder must not hold bodies: a download reaches the caller as a stream while the server is
 * still sending, a streamed upload leaves before it is complete, and both are counted on the way.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createAttachmentsClient } from "@zcrm-attachments/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingFetch } from "../../src/run/recording-fetch.js";
import { withHeader } from "../../src/suite/tweaks.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler = (_, res) => res.end();

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const first = new Uint8Array(100_000).fill(1);
const rest = new Uint8Array(400_000).fill(2);

describe("recordingFetch", () => {
  it("hands a download over while the server is still sending, and counts and hashes it", {
    timeout: 10_000,
  }, async () => {
    const release = deferred();
    handler = (_, res) => {
      res.writeHead(200, { "content-type": "application/pdf", "content-length": String(first.length + rest.length) });
      res.write(first);
      void release.promise.then(() => res.end(rest));
    };
    const recorder = recordingFetch();
    // Had the recorder buffered the body, this would wait for a release that never comes.
    const response = await recorder.fetch(`${base}/file`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let seen = 0;
    while (seen < first.length) seen += ((await reader.read()).value as Uint8Array).byteLength;
    const [exchange] = recorder.exchanges;
    expect(exchange?.response.body).toBeUndefined();
    // Only the first part has been sent so far, and it has all gone past the meter.
    expect(seen).toBe(first.length);
    expect(exchange?.response.received).toEqual({ bytes: first.length, complete: false });
    release.resolve();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) seen += chunk.value.byteLength;
    expect(seen).toBe(500_000);
    const all = new Uint8Array([...first, ...rest]);
    expect(exchange?.response.received).toEqual({ bytes: 500_000, sha256: hex(all), complete: true });
    expect(response.url).toBe(`${base}/file`);
    expect(response.headers.get("content-length")).toBe("500000");
  });

  it("buffers a JSON answer, leaving the caller's copy intact", async () => {
    handler = (_, res) => {
      res.writeHead(400, { "content-type": "application/json;charset=UTF-8" });
      res.end('{"code":"INVALID_DATA"}');
    };
    const recorder = recordingFetch();
    const response = await recorder.fetch(`${base}/json`);
    expect(await response.json()).toEqual({ code: "INVALID_DATA" });
    expect(recorder.exchanges[0]?.response).toMatchObject({
      status: 400,
      body: '{"code":"INVALID_DATA"}',
      received: { bytes: 23, complete: true },
    });
  });

  it("sends a streamed upload as it is produced, counting it and reading its parts", { timeout: 10_000 }, async () => {
    const serverSawFirst = deferred();
    handler = (req, res) => {
      const hash = createHash("sha256");
      let bytes = 0;
      req.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
        serverSawFirst.resolve();
      });
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            bytes,
            sha256: hash.digest("hex"),
            chunked: req.headers["transfer-encoding"] === "chunked",
          }),
        );
      });
    };
    const head = new TextEncoder().encode(
      '--B\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n',
    );
    const tail = new TextEncoder().encode("\r\n--B--\r\n");
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(head);
        controller.enqueue(first);
        // Had the recorder read the whole body before sending, the server would never see this first part.
        await serverSawFirst.promise;
        controller.enqueue(rest);
        controller.enqueue(tail);
        controller.close();
      },
    });
    const recorder = recordingFetch(globalThis.fetch, withHeader("prefer", "code=200"));
    const init = {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=B" },
    };
    const answer = (await (await recorder.fetch(`${base}/upload`, init as RequestInit)).json()) as {
      bytes: number;
      sha256: string;
    };
    const total = head.length + first.length + rest.length + tail.length;
    expect(answer).toEqual({
      bytes: total,
      sha256: hex(new Uint8Array([...head, ...first, ...rest, ...tail])),
      chunked: true,
    });
    expect(recorder.exchanges[0]?.request.headers?.prefer).toBe("code=200");
    expect(recorder.exchanges[0]?.request.body).toEqual({
      bytes: total,
      complete: true,
      parts: [{ name: "file", fileName: "big.bin", bytes: 500_000 }],
    });
  });

  it("reads a FormData body from the object itself, leaving its length on the wire", async () => {
    handler = (req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            length: req.headers["content-length"] ?? null,
            chunked: req.headers["transfer-encoding"] ?? null,
          }),
        );
      });
    };
    const form = new FormData();
    form.append("file", new Blob(["hello"], { type: "text/plain" }), "Résumé 日本.txt");
    const recorder = recordingFetch();
    const answer = await (await recorder.fetch(`${base}/form`, { method: "POST", body: form })).json();
    expect(answer).toMatchObject({ chunked: null });
    expect(Number((answer as { length: string }).length)).toBeGreaterThan(5);
    expect(recorder.exchanges[0]?.request.body).toEqual({
      complete: true,
      parts: [{ name: "file", fileName: "Résumé 日本.txt", contentType: "text/plain", bytes: 5 }],
    });
  });

  it("records a request without a body as null, and a 204 without a received body", async () => {
    handler = (_, res) => {
      res.writeHead(204);
      res.end();
    };
    const recorder = recordingFetch();
    await recorder.fetch(`${base}/none?ids=1,2&ids=3`, { method: "DELETE" });
    expect(recorder.exchanges[0]).toMatchObject({
      request: { method: "DELETE", path: "/none", query: { ids: ["1,2", "3"] }, body: null },
      response: { status: 204 },
    });
    expect(recorder.exchanges[0]?.response.received).toBeUndefined();
  });

  it("keeps no token in what it records, even when the server echoes it back", async () => {
    const token = "1000.sentinel-recorded-secret";
    handler = (req, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        "set-cookie": `session=${token}; HttpOnly`,
        "x-echo": String(req.headers.authorization),
      });
      res.end(
        JSON.stringify({ data: [], info: { count: 0, more_records: false, page: 1, per_page: 200 }, echo: token }),
      );
    };
    const recorder = recordingFetch();
    const zoho = createAttachmentsClient({ apiDomain: base, accessToken: token, fetch: recorder.fetch, retry: false });
    await zoho.listAttachments("Leads", "1000000231009", { fields: ["id"] });
    const [exchange] = recorder.exchanges;
    // The scheme word stays, so a recording still shows how the client authenticated.
    expect(exchange?.request.headers?.authorization).toBe("Zoho-oauthtoken [redacted]");
    expect(exchange?.response.headers?.["set-cookie"]).toBe("[redacted]");
    expect(exchange?.request.origin).toBe(base);
    // Echoed into a header or the body, the token is scrubbed there too.
    expect(exchange?.response.headers?.["x-echo"]).toBe("Zoho-oauthtoken [redacted]");
    expect(JSON.stringify(recorder.exchanges)).not.toContain(token);
  });
});
