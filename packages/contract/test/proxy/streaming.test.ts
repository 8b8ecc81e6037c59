/**
 * Bodies stream through the proxy rather than being gathered first: the client holds the first
 * bytes of a download while the target has not sent the rest, and the target holds the first
 * bytes of an upload while the client has not sent the rest. A side that breaks off leaves the
 * proxy serving, and close() cuts an exchange that outlasts its grace.
 */
import { createHash } from "node:crypto";
import { type ClientRequest, type IncomingMessage, request, type ServerResponse } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { startProxy } from "../../src/proxy/start-proxy.js";
import { closedAfterEach, JSON_TYPE, keeper, sendJson, startTarget } from "../helpers/proxy-fixtures.js";
import { example, V8_PATH } from "../helpers/spec-examples.js";

const closing = closedAfterEach();

const MIB = 1024 * 1024;
const chunk = Buffer.alloc(256 * 1024, "zcrm ");
const DOWNLOAD = `${V8_PATH}/1386586000002588005`;

/** A promise and the function that settles it, for steps one side waits on. */
function signal(): { promise: Promise<void>; release: () => void } {
  let release = () => {};
  const promise = new Promise<void>((done) => {
    release = done;
  });
  return { promise, release };
}

/** Resolves when a response can take more, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((done) => {
    const settle = () => {
      res.off("drain", settle).off("close", settle);
      done();
    };
    res.on("drain", settle).on("close", settle);
  });
}

function get(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, resolve).on("error", reject).end();
  });
}

describe("startProxy: streaming", () => {
  it("hands a download's first bytes on before the target has sent the rest", async () => {
    const rest = signal();
    const target = closing(
      await startTarget(async (_req, res) => {
        res.writeHead(200, {
          "content-type": "application/octet-stream",
          "content-length": String(4 * MIB),
          "content-disposition": 'attachment; filename="big.bin"',
        });
        res.write(chunk);
        await rest.promise;
        for (let sent = chunk.length; sent < 4 * MIB; sent += chunk.length) if (!res.write(chunk)) await drained(res);
        res.end();
      }),
    );
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: target.url, port: 0, reporters: [reporter] }));
    const answer = await get(`${proxy.url}${DOWNLOAD}`);
    const hash = createHash("sha256");
    let bytes = 0;
    const first = new Promise<void>((done) => answer.once("data", () => done()));
    answer.on("data", (part: Buffer) => {
      bytes += part.length;
      hash.update(part);
    });
    await first;
    // The target is still holding back 3.75 MiB: what arrived came through before it existed.
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(chunk.length);
    rest.release();
    await new Promise((done) => answer.on("end", done));
    expect(bytes).toBe(4 * MIB);
    const expected = createHash("sha256");
    for (let i = 0; i < 16; i++) expected.update(chunk);
    expect(hash.digest("hex")).toBe(expected.digest("hex"));
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(1));
    expect(reporter.verdicts[0]).toMatchObject({ outcome: "passed", operationId: "downloadAttachment" });
  });

  it("hands an upload's first bytes to the target before the client has sent the rest, and checks its parts", async () => {
    const arrived = signal();
    const target = closing(
      await startTarget((req, res) => {
        req.once("data", () => arrived.release());
        req.resume();
        req.on("end", () => sendJson(res, 200, example("uploadAttachment", 200, "fileUploaded")));
      }),
    );
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: target.url, port: 0, reporters: [reporter] }));
    const boundary = "zcrm-stream-test";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stream.bin"\r\n` +
        "Content-Type: application/octet-stream\r\n\r\n",
    );
    const answered = new Promise<IncomingMessage>((resolve, reject) => {
      const req: ClientRequest = request(`${proxy.url}${V8_PATH}`, {
        method: "POST",
        agent: false,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "transfer-encoding": "chunked" },
      });
      req.on("response", resolve).on("error", reject);
      req.write(Buffer.concat([head, chunk]));
      void arrived.promise.then(() => {
        // Only now, with the first bytes at the target, does the client send the rest.
        for (let i = 0; i < 7; i++) req.write(chunk);
        req.end(`\r\n--${boundary}--\r\n`);
      });
    });
    const answer = await answered;
    answer.resume();
    expect(answer.statusCode).toBe(200);
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(1));
    expect(reporter.verdicts[0]).toMatchObject({ outcome: "passed", operationId: "uploadAttachment" });
  });

  it("flags a multipart upload whose framing breaks, from what streamed past", async () => {
    const target = closing(
      await startTarget((req, res) => {
        req.resume();
        req.on("end", () => sendJson(res, 200, example("uploadAttachment", 200, "fileUploaded")));
      }),
    );
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: target.url, port: 0, reporters: [reporter] }));
    const answer = await new Promise<IncomingMessage>((resolve, reject) => {
      request(`${proxy.url}${V8_PATH}`, {
        method: "POST",
        agent: false,
        headers: { "content-type": "multipart/form-data; boundary=b" },
      })
        .on("response", resolve)
        .on("error", reject)
        .end('--b\r\nContent-Disposition: form-data; name="file"; filename="x.txt"\r\n\r\nno closing delimiter');
    });
    answer.resume();
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(1));
    expect(reporter.verdicts[0]?.findings.map((f) => f.message)).toEqual([
      "the multipart body is malformed: the multipart body ends without its closing delimiter",
    ]);
  });

  it("hands on a target's early refusal of an upload while the client is still sending it", async () => {
    const target = closing(
      await startTarget((req, res) => {
        // Refused on sight, as the mock refuses a file that is too large: the whole answer at
        // once, the response ended only once the rest of the body has been read and dropped.
        const text = JSON.stringify(example("uploadAttachment", 413, "fileSizeMoreThanAllowed"));
        res.writeHead(413, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text) });
        res.write(text);
        req.resume();
        req.on("end", () => res.end());
      }),
    );
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: target.url, port: 0, reporters: [reporter] }));
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${proxy.url}${V8_PATH}`, {
        method: "POST",
        agent: false,
        headers: { "content-type": "multipart/form-data; boundary=b", "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        // The answer is in before the client has sent most of its body; now it sends the rest.
        for (let i = 0; i < 32; i++) req.write(chunk);
        req.end("\r\n--b--\r\n");
        let body = "";
        res.on("data", (part: Buffer) => {
          body += part.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.write('--b\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual(example("uploadAttachment", 413, "fileSizeMoreThanAllowed"));
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(1));
    expect(reporter.verdicts[0]).toMatchObject({ outcome: "passed", summary: `POST ${V8_PATH} → 413` });
  });

  it("says why when a target drops the connection while an upload is still being sent", async () => {
    const target = closing(
      await startTarget((req) => {
        req.socket.destroy();
      }),
    );
    const proxy = closing(await startProxy({ target: target.url, port: 0 }));
    const answer = await fetch(`${proxy.url}${V8_PATH}`, { method: "POST", body: new Uint8Array(8 * 1024 * 1024) });
    expect(answer.status).toBe(502);
    expect(await answer.text()).toMatch(
      /did not answer: (it closed the connection while the request body was being sent \((EPIPE|ECONNRESET)\)|socket hang up)/,
    );
  });

  it("keeps serving when a client walks away from a download halfway", async () => {
    const target = closing(
      await startTarget(async (req, res) => {
        if (!req.url?.startsWith(DOWNLOAD)) return sendJson(res, 200, example("listAttachments", 200, "seedSample"));
        res.writeHead(200, {
          "content-type": "application/pdf",
          "content-disposition": 'attachment; filename="a.pdf"',
        });
        for (let i = 0; i < 64 && !res.destroyed; i++) if (!res.write(chunk)) await drained(res);
        res.end();
      }),
    );
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: target.url, port: 0, reporters: [reporter] }));
    const answer = await get(`${proxy.url}${DOWNLOAD}`);
    await new Promise<void>((done) => answer.once("data", () => done()));
    answer.destroy();
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(1));
    const next = await fetch(`${proxy.url}${V8_PATH}?fields=id`);
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual(example("listAttachments", 200, "seedSample"));
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(2));
    expect(reporter.verdicts[1]).toMatchObject({ outcome: "passed", operationId: "listAttachments" });
  });

  it("close() lets an exchange run for its grace, then cuts it off and still judges it", async () => {
    const started = signal();
    const target = closing(
      await startTarget((_req, res) => {
        res.writeHead(200, {
          "content-type": "application/pdf",
          "content-disposition": 'attachment; filename="a.pdf"',
        });
        res.write(chunk);
        started.release();
        // ...and never ends.
      }),
    );
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: target.url, port: 0, reporters: [reporter], closeGraceMs: 50 }));
    const answer = await get(`${proxy.url}${DOWNLOAD}`);
    answer.resume();
    const ended = new Promise((done) => answer.on("close", done));
    await started.promise;
    const result = await proxy.close();
    await ended;
    expect(answer.complete).toBe(false);
    expect(result.totals.total).toBe(1);
    expect(reporter.verdicts).toHaveLength(1);
    // Refused once closing began: nothing new gets in.
    await expect(fetch(`${proxy.url}${V8_PATH}?fields=id`)).rejects.toThrow();
  });
});
