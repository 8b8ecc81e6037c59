/**
 * Bodies from a server that stalls or sends too much, over real HTTP: a download that stops
 * mid-body fails after the body idle timeout (the fake clock decides when that is), a gzip body that
 * unpacks past the cap fails as it streams, a JSON answer past maxJsonBytes fails without being kept
 * whole, and an error body is cut at 64 KiB. Nothing is left on disk in any case.
 */
import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { limits } from "@zcrm-attachments/types";
import { afterEach, describe, expect, it } from "vitest";
import {
  createAttachmentsClient,
  ZohoApiError,
  ZohoBodyTooLargeError,
  ZohoInputError,
  ZohoNetworkError,
} from "../../src/index.js";
import { emptyDirs, listDir, useTempDir } from "../files/temp-dir.js";
import { type FakeClock, fakeClock } from "../helpers/fake-clock.js";
import { useCaptureServer } from "./capture-server.js";

const server = useCaptureServer();
const tempDir = useTempDir("bounds");
const RECORD = "4150868000002728001";
const ID = "4150868000002728012";
const MIB = 1024 * 1024;
const open: ServerResponse[] = [];
afterEach(() => {
  for (const res of open.splice(0)) res.destroy();
});

/** A fresh empty directory inside the temp dir. */
const emptyDir = emptyDirs(tempDir);

function client(clock: FakeClock, extra: Record<string, unknown> = {}) {
  return createAttachmentsClient({ apiDomain: server.origin, accessToken: "1000.bounds", clock, ...extra });
}

// Waits (bounded, in real time) until `ready` holds: e.g. until the client is waiting on the body.
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 500 && !ready(); turn++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!ready()) throw new Error(`gave up waiting until ${what}`);
}

// Headers with a Content-Length of 100, then 3 bytes, then nothing: the connection stays open.
function stallAfterThreeBytes(res: ServerResponse): void {
  open.push(res);
  res.writeHead(200, {
    "content-type": "text/plain",
    "content-length": "100",
    "content-disposition": 'attachment; filename="s.txt"',
  });
  res.write("abc");
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error("expected the call to fail"),
    (error: unknown) => error,
  );
}

describe("a body that stalls", () => {
  it("fails downloadAttachmentTo after 30 s without a byte, leaving no file", async () => {
    server.respond((_request, res) => stallAfterThreeBytes(res));
    const clock = fakeClock();
    const dir = await emptyDir();
    let settled = false;
    const call = failure(client(clock).downloadAttachmentTo("Leads", RECORD, ID, dir)).finally(() => {
      settled = true;
    });
    await until(() => clock.pendingTimers > 0, "the client waits on the body");
    clock.advance(29_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    clock.advance(1000);
    const error = await call;
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(error).toMatchObject({ kind: "timeout", retries: 0 });
    expect((error as Error).message).toMatch(
      /^Request timed out on GET http:\/\/127\.0\.0\.1:\d+\/crm\/v8\/Leads\/\d+\/Attachments\/\d+: the response body made no progress \(under 1024 bytes\) for 30000 ms \(bodyIdleTimeoutMs\)/,
    );
    expect(await listDir(dir)).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("errors a streamed download with the per-call bodyIdleTimeoutMs", async () => {
    server.respond((_request, res) => stallAfterThreeBytes(res));
    const clock = fakeClock();
    const result = await client(clock).downloadAttachment("Leads", RECORD, ID, { bodyIdleTimeoutMs: 5000 });
    if (result.status !== 200) throw new Error(`status ${result.status}`);
    const reader = result.body.getReader();
    const reading = (async () => {
      for (;;) if ((await reader.read()).done) return;
    })();
    const error = failure(reading);
    await until(() => clock.pendingTimers > 0, "the body is being read");
    clock.advance(5000);
    expect(await error).toMatchObject({ name: "ZohoNetworkError", kind: "timeout" });
  });

  it("still ends at once when the caller aborts", async () => {
    server.respond((_request, res) => stallAfterThreeBytes(res));
    const clock = fakeClock();
    const controller = new AbortController();
    const dir = await emptyDir();
    const call = failure(client(clock).downloadAttachmentTo("Leads", RECORD, ID, dir, { signal: controller.signal }));
    await until(() => clock.pendingTimers > 0, "the client waits on the body");
    controller.abort();
    expect(await call).toMatchObject({ name: "ZohoNetworkError", kind: "aborted" });
    expect(await listDir(dir)).toEqual([]);
  });

  it("fails a JSON answer that stalls even with timeoutMs off", async () => {
    server.respond((_request, res) => {
      open.push(res);
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"data":[');
    });
    const clock = fakeClock();
    const call = failure(client(clock, { timeoutMs: false }).listAttachments("Leads", RECORD, { fields: ["id"] }));
    await until(() => clock.pendingTimers > 0, "the client waits on the body");
    clock.advance(30_000);
    expect(await call).toMatchObject({ name: "ZohoNetworkError", kind: "timeout", retries: 0 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("a body that is too large", () => {
  // 20 MiB of zeros, about 20 KiB on the wire.
  const zeros = gzipSync(Buffer.alloc(20 * MIB), { level: 9 });

  it("stops a gzip download at maxBytes, counting decoded bytes, and writes nothing", async () => {
    server.respond((_request, res) => {
      res.writeHead(200, {
        "content-type": "application/octet-stream",
        "content-encoding": "gzip",
        "content-length": String(zeros.length),
        "content-disposition": 'attachment; filename="bomb.bin"',
      });
      res.end(zeros);
    });
    const dir = await emptyDir();
    const error = await failure(client(fakeClock()).downloadAttachmentTo("Leads", RECORD, ID, dir, { maxBytes: MIB }));
    expect(error).toBeInstanceOf(ZohoBodyTooLargeError);
    const tooLarge = error as ZohoBodyTooLargeError;
    expect(tooLarge).toMatchObject({ body: "download", limitBytes: MIB, method: "GET", retries: 0 });
    expect(tooLarge.receivedBytes).toBeGreaterThan(MIB);
    expect(tooLarge.receivedBytes).toBeLessThan(2 * MIB);
    expect(tooLarge.message).toMatch(/over the client's limit of 1048576 bytes.*pass a larger maxBytes/);
    expect(await listDir(dir)).toEqual([]);
  });

  it("refuses a download whose Content-Length is over Zoho's limit before reading it", async () => {
    server.respond((_request, res) => {
      open.push(res);
      res.writeHead(200, { "content-length": String(limits.attachment.fileBytes + 1) });
      res.write("the first bytes of far too many");
    });
    const dir = await emptyDir();
    const error = await failure(client(fakeClock()).downloadAttachmentTo("Leads", RECORD, ID, dir));
    expect(error).toBeInstanceOf(ZohoBodyTooLargeError);
    expect(error).toMatchObject({
      limitBytes: limits.attachment.fileBytes,
      receivedBytes: limits.attachment.fileBytes + 1,
    });
    expect(await listDir(dir)).toEqual([]);
  });

  it("caps a photo at Zoho's photo limit", async () => {
    server.respond((_request, res) => {
      open.push(res);
      res.writeHead(200, { "content-type": "image/png", "content-length": String(limits.photo.fileBytes + 1) });
      res.write("png");
    });
    const error = await failure(client(fakeClock()).getPhoto("Leads", RECORD));
    expect(error).toMatchObject({
      name: "ZohoBodyTooLargeError",
      body: "download",
      limitBytes: limits.photo.fileBytes,
    });
  });

  it("stops a gzip JSON answer at maxJsonBytes without keeping it, and does not retry", async () => {
    const json = gzipSync(Buffer.concat([Buffer.from('{"data":['), Buffer.alloc(20 * MIB, 0x20), Buffer.from("]}")]));
    server.respond((_request, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(json);
    });
    const zoho = client(fakeClock(), { maxJsonBytes: MIB });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoBodyTooLargeError);
    expect(error).toMatchObject({ body: "json", limitBytes: MIB, retries: 0 });
    expect((error as ZohoBodyTooLargeError).receivedBytes).toBeLessThan(2 * MIB);
    expect((error as Error).message).toMatch(/The JSON answer of GET .* raise the client's maxJsonBytes/);
    expect(server.requests).toHaveLength(1);
  });

  it("refuses a JSON answer announced over 32 MiB by default", async () => {
    server.respond((_request, res) => {
      open.push(res);
      res.writeHead(200, { "content-type": "application/json", "content-length": String(32 * MIB + 1) });
      res.write('{"data":[');
    });
    const error = await failure(client(fakeClock()).listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toMatchObject({ name: "ZohoBodyTooLargeError", body: "json", limitBytes: 32 * MIB });
  });

  it("reads only the first 64 KiB of an error body, and the server is not read to the end", async () => {
    let written = 0;
    let closed = false;
    server.respond((_request, res) => {
      res.writeHead(500, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, "<p>proxy error page</p>");
      const pump = (): void => {
        while (written < 64 * MIB && !closed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => {
        closed = true;
      });
      pump();
    });
    const error = await failure(client(fakeClock()).listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 500, code: "HTTP_500" });
    expect((error as ZohoApiError).zohoMessage).toMatch(/^<p>proxy error page<\/p><p>/);
    await until(() => closed, "the server sees the connection close");
    expect(written).toBeLessThan(64 * MIB);
  });
});

describe("the options", () => {
  it.each([
    [{ bodyIdleTimeoutMs: 0 }, "bodyIdleTimeoutMs"],
    [{ bodyIdleTimeoutMs: "30s" }, "bodyIdleTimeoutMs"],
    [{ maxJsonBytes: 0 }, "maxJsonBytes"],
    [{ maxJsonBytes: 1.5 }, "maxJsonBytes"],
  ])("refuses the client option %j", (options, parameter) => {
    expect(() => client(fakeClock(), options)).toThrow(ZohoInputError);
    expect(() => client(fakeClock(), options)).toThrow(expect.objectContaining({ parameter }));
  });

  it.each([0, -1, 1.5, "1MB"])("refuses maxBytes %j before any request", async (maxBytes) => {
    const zoho = client(fakeClock());
    await expect(zoho.downloadAttachment("Leads", RECORD, ID, { maxBytes } as never)).rejects.toMatchObject({
      parameter: "maxBytes",
    });
    await expect(zoho.getPhoto("Leads", RECORD, { maxBytes } as never)).rejects.toMatchObject({
      parameter: "maxBytes",
    });
    expect(server.requests).toHaveLength(0);
  });

  it("takes bodyIdleTimeoutMs: false per call and per client", async () => {
    server.respond((_request, res) => res.writeHead(204).end());
    await client(fakeClock(), { bodyIdleTimeoutMs: false }).listAttachments("Leads", RECORD, { fields: ["id"] });
    await client(fakeClock()).listAttachments("Leads", RECORD, { fields: ["id"], bodyIdleTimeoutMs: false });
    expect(server.requests).toHaveLength(2);
  });
});
