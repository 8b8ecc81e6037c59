/**
 * The recording file: a HAR 1.2 document written entry by entry, a kept body streamed in as base64
 * from its spool file (any length, so any remainder of three), and read back by the validator's
 * HAR reader as the same exchanges.
 */
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Entry } from "har-format";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HarWriter } from "../../src/proxy/har-writer.js";
import { isReadable, readExchanges } from "../../src/validator/exchange-file.js";
import { readHar } from "../helpers/proxy-fixtures.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "zcrm-har-writer-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function entry(path: string, content: Entry["response"]["content"]): Entry {
  return {
    startedDateTime: "2026-01-01T00:00:00.000Z",
    time: 1,
    request: {
      method: "GET",
      url: `https://www.zohoapis.com${path}`,
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: [],
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: "OK",
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: [{ name: "content-type", value: "application/octet-stream" }],
      content,
      redirectURL: "",
      headersSize: -1,
      bodySize: content.size,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

describe("HarWriter", () => {
  it("writes an empty log that is still a HAR document", async () => {
    const path = join(dir, "sub", "empty.har");
    await (await HarWriter.open(path, { name: "zcrm-contract", version: "9.9.9" })).close();
    expect(readHar(path)).toEqual({
      log: { version: "1.2", creator: { name: "zcrm-contract", version: "9.9.9" }, entries: [] },
    });
  });

  it("numbers entries in order and streams each kept body in as base64, whatever its length", async () => {
    const path = join(dir, "bodies.har");
    const writer = await HarWriter.open(path, { name: "t", version: "1" });
    const lengths = [0, 1, 2, 3, 4, 200_001];
    const bodies = lengths.map((n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 13 + n) % 256)));
    const spoolFile = join(dir, "spool.bin");
    writeFileSync(spoolFile, Buffer.concat([Buffer.from("skip"), ...bodies]));
    let start = 4;
    const numbers: number[] = [];
    for (const [i, bytes] of bodies.entries()) {
      const key = `zcrm-spool-test-${i}`;
      const added = writer.add({
        entry: entry(`/crm/v8/Leads/1/Attachments/${i}`, {
          size: bytes.length,
          mimeType: "application/octet-stream",
          text: key,
          encoding: "base64",
        }),
        bodies: new Map([[key, { path: spoolFile, start, length: bytes.length }]]),
      });
      numbers.push(added.number);
      start += bytes.length;
    }
    expect(writer.entries).toBe(6);
    await writer.close();
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    const har = readHar(path);
    expect(har.log.entries.map((e) => Buffer.from(e.response.content.text ?? "", "base64"))).toEqual(bodies);
    const read = await readExchanges(path);
    expect(read.every(isReadable)).toBe(true);
    expect(read.map((r) => (isReadable(r) ? r.exchange.response.body : undefined))).toEqual(
      bodies.map((b) => (b.length === 0 ? undefined : new Uint8Array(b))),
    );
  });

  it("refuses a path it cannot write, saying which and why", async () => {
    writeFileSync(join(dir, "file"), "");
    await expect(HarWriter.open(join(dir, "file", "out.har"), { name: "t", version: "1" })).rejects.toThrow(
      /^cannot write the recording to .*file\/out\.har: (ENOTDIR|EEXIST)/,
    );
  });
});
