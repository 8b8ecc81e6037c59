/**
 * The recording: a HAR 1.2 file with one entry per exchange, in the order they ended. An upload's
 * fields are listed as params and its file part as name, size and SHA-256; a JSON answer keeps its
 * text; a file download keeps its size and `_sha256`, or with recordBodies its bytes as base64
 * (and so does the upload's file part). The validator reads the file back as the same exchanges,
 * and they hold as they did when they passed.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProxyServer } from "../../src/proxy/proxy-options.js";
import { startProxy } from "../../src/proxy/start-proxy.js";
import { isReadable, readExchanges } from "../../src/validator/exchange-file.js";
import { ContractValidator } from "../../src/validator/validator.js";
import { readHar, sendJson, startTarget, type TestTarget } from "../helpers/proxy-fixtures.js";
import { example, V8_PATH } from "../helpers/spec-examples.js";

let dir: string;
let target: TestTarget | undefined;
let proxy: ProxyServer | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "zcrm-proxy-recording-"));
});
afterEach(async () => {
  await proxy?.close();
  await target?.close();
  proxy = undefined;
  target = undefined;
  await rm(dir, { recursive: true, force: true });
});

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const FILE = Buffer.from(Array.from({ length: 70_001 }, (_, i) => (i * 17) % 251));
const DOWNLOAD = `${V8_PATH}/1386586000002588005`;

/** A target that takes uploads and serves FILE as the download. */
async function fileTarget(): Promise<TestTarget> {
  return startTarget((req, res) => {
    if (req.method === "POST") {
      req.resume();
      req.on("end", () => sendJson(res, 200, example("uploadAttachment", 200, "fileUploaded")));
      return;
    }
    if (req.url?.startsWith(DOWNLOAD)) {
      res.writeHead(200, {
        "content-type": "application/pdf",
        "content-length": FILE.length,
        "content-disposition": 'attachment; filename="Quote.pdf"',
      });
      res.end(FILE);
      return;
    }
    sendJson(res, 200, example("listAttachments", 200, "seedSample"));
  });
}

/** Upload, list and download through the proxy, then close it. */
async function traffic(server: ProxyServer): Promise<void> {
  const form = new FormData();
  form.append("file", new Blob([FILE], { type: "application/pdf" }), "Quote.pdf");
  expect((await fetch(`${server.url}${V8_PATH}`, { method: "POST", body: form })).status).toBe(200);
  expect((await fetch(`${server.url}${V8_PATH}?fields=id,File_Name`)).status).toBe(200);
  const download = await fetch(`${server.url}${DOWNLOAD}`);
  expect(Buffer.from(await download.arrayBuffer()).equals(FILE)).toBe(true);
  const result = await server.close();
  expect(result.totals).toMatchObject({ passed: 3, total: 3 });
}

describe("startProxy: recording", () => {
  it("writes each exchange as a HAR 1.2 entry: params for the upload, text for JSON, size and SHA-256 for the file", async () => {
    target = await fileTarget();
    const record = join(dir, "traffic.har");
    proxy = await startProxy({ target: target.url, port: 0, record });
    expect(proxy.recording).toEqual({ path: record, entries: 0 });
    await traffic(proxy);
    expect(proxy.recording?.entries).toBe(3);
    const har = readHar(record);
    expect(har.log.version).toBe("1.2");
    expect(har.log.creator.name).toBe("zcrm-contract");
    const [upload, list, download] = har.log.entries;
    expect(upload?.request.url).toBe(`${target.url}${V8_PATH}`);
    expect(upload?.request.postData?.params).toEqual([
      {
        name: "file",
        fileName: "Quote.pdf",
        contentType: "application/pdf",
        value: "",
        _size: FILE.length,
        _sha256: sha(FILE),
      },
    ]);
    expect(upload?.request.headers).toContainEqual({ name: "Host", value: new URL(target.url).host });
    expect(JSON.parse(upload?.response.content.text ?? "")).toEqual(example("uploadAttachment", 200, "fileUploaded"));
    expect(list?.request.queryString).toEqual([{ name: "fields", value: "id,File_Name" }]);
    expect(list?.request.bodySize).toBe(0);
    expect(list?.request.postData).toBeUndefined();
    expect(download?.response.content).toEqual({ size: FILE.length, mimeType: "application/pdf", _sha256: sha(FILE) });
    expect(download?.response.bodySize).toBe(FILE.length);
    for (const entry of har.log.entries) {
      expect(Date.parse(entry.startedDateTime)).not.toBeNaN();
      const { send = -1, wait, receive = -1 } = entry.timings;
      expect(entry.time).toBeCloseTo(send + wait + receive, 2);
      expect(Math.min(send, wait, receive)).toBeGreaterThanOrEqual(0);
    }
  });

  it("reads back as the same exchanges, which hold against the contract", async () => {
    target = await fileTarget();
    const record = join(dir, "traffic.har");
    proxy = await startProxy({ target: target.url, port: 0, record });
    await traffic(proxy);
    const entries = await readExchanges(record);
    const validator = new ContractValidator();
    const judged = entries.map((e) => (isReadable(e) ? validator.validate(e.exchange) : { problem: e.problem }));
    expect(judged.map((r) => ("operationId" in r ? [r.operationId, r.violations] : r))).toEqual([
      ["uploadAttachment", []],
      ["listAttachments", []],
      ["downloadAttachment", []],
    ]);
  });

  it("with recordBodies keeps the file's bytes as base64, in the download and in the upload's part", async () => {
    target = await fileTarget();
    const record = join(dir, "bodies.har");
    const spool = join(dir, "spool");
    await mkdir(spool);
    proxy = await startProxy({ target: target.url, port: 0, record, recordBodies: true, tempDir: spool });
    await traffic(proxy);
    const [upload, , download] = readHar(record).log.entries;
    const part = upload?.request.postData?.params?.[0] as unknown as Record<string, unknown>;
    expect(part).toMatchObject({ name: "file", _encoding: "base64", _size: FILE.length, _sha256: sha(FILE) });
    expect(Buffer.from(String(part.value), "base64").equals(FILE)).toBe(true);
    expect(download?.response.content).toMatchObject({ encoding: "base64", _sha256: sha(FILE), size: FILE.length });
    expect(Buffer.from(download?.response.content.text ?? "", "base64").equals(FILE)).toBe(true);
    // The spool folder the bodies passed through is gone with the proxy.
    expect(await readdir(spool)).toEqual([]);
  });
});
