/**
 * The tap a body streams through: what comes out is what went in, chunk for chunk; meanwhile it
 * counts, hashes, keeps only bodies within its cap, reads multipart parts with each file part's
 * SHA-256, and spools what a recording keeps, waiting for the spool before it takes more.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterEach, describe, expect, it } from "vitest";
import { BodyTap } from "../../src/proxy/body-tap.js";
import { Spool } from "../../src/proxy/spool.js";
import { multipartBoundary } from "../../src/validator/multipart-scan.js";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Streams `chunks` through the tap into memory; returns what came out. */
async function through(tap: BodyTap, chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    tap.stream(),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(out);
}

async function multipart(form: FormData): Promise<{ bytes: Buffer; boundary: string }> {
  const request = new Request("http://127.0.0.1/", { method: "POST", body: form });
  return {
    bytes: Buffer.from(await request.arrayBuffer()),
    boundary: multipartBoundary(request.headers.get("content-type")) as string,
  };
}

function chunked(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

let spool: Spool | undefined;
afterEach(async () => {
  await spool?.remove();
  spool = undefined;
});

describe("BodyTap", () => {
  const body = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31) % 256));

  it("hands on the same bytes, counted and hashed, and keeps a body within its cap", async () => {
    const tap = new BodyTap({ keepUpTo: 10_000 });
    const out = await through(tap, chunked(body, 999));
    expect(out.equals(body)).toBe(true);
    expect(tap.bytes).toBe(10_000);
    expect(tap.sha256).toBe(sha(body));
    expect(tap.complete).toBe(true);
    expect(tap.kept()?.equals(body)).toBe(true);
  });

  it("keeps nothing of a body one byte over its cap, and still counts and hashes all of it", async () => {
    const tap = new BodyTap({ keepUpTo: 9_999 });
    expect((await through(tap, chunked(body, 4096))).equals(body)).toBe(true);
    expect(tap.kept()).toBeUndefined();
    expect(tap.bytes).toBe(10_000);
    expect(tap.sha256).toBe(sha(body));
  });

  it("keeps nothing before the body ended, and spools nothing without a spool", () => {
    const tap = new BodyTap({ keepUpTo: 100 });
    expect(tap.paced).toBe(false);
    expect(tap.take(Buffer.from("{}"))).toBeUndefined();
    expect(tap.complete).toBe(false);
    expect(tap.kept()).toBeUndefined();
    tap.end();
    expect(tap.kept()?.toString()).toBe("{}");
  });

  it("reads the parts of a multipart body as it passes, each file part with its size and SHA-256", async () => {
    const file = body.subarray(0, 7_000);
    const form = new FormData();
    form.append("file", new Blob([file], { type: "application/pdf" }), "Quote.pdf");
    form.append("title", "Quote");
    form.append("empty", new Blob([]), "empty.txt");
    const { bytes, boundary } = await multipart(form);
    const tap = new BodyTap({ boundary });
    expect((await through(tap, chunked(bytes, 333))).equals(bytes)).toBe(true);
    expect(tap.summary).toEqual({
      bytes: bytes.length,
      complete: true,
      parts: [
        { name: "file", fileName: "Quote.pdf", contentType: "application/pdf", bytes: 7_000, sha256: sha(file) },
        { name: "title", bytes: 5, value: "Quote" },
        {
          name: "empty",
          fileName: "empty.txt",
          contentType: "application/octet-stream",
          bytes: 0,
          sha256: sha(new Uint8Array()),
        },
      ],
    });
  });

  it("says what is wrong with a multipart body that never closes", async () => {
    const { bytes, boundary } = await multipart(
      (() => {
        const form = new FormData();
        form.append("title", "x");
        return form;
      })(),
    );
    const tap = new BodyTap({ boundary });
    await through(tap, [bytes.subarray(0, bytes.length - 10)]);
    expect(tap.summary.problem).toBe("the multipart body ends without its closing delimiter");
  });

  it("spools a kept body whole, and each kept file part to its own stretch of the file", async () => {
    spool = await Spool.create();
    const whole = spool.file();
    const tap = new BodyTap({ spool: whole });
    await through(tap, chunked(body, 1000));
    await whole.close();
    expect(readFileSync(whole.path).equals(body)).toBe(true);

    const first = body.subarray(0, 3_000);
    const second = body.subarray(3_000, 3_500);
    const form = new FormData();
    form.append("file", new Blob([first]), "a.bin");
    form.append("note", "not spooled");
    form.append("file2", new Blob([second]), "b.bin");
    const { bytes, boundary } = await multipart(form);
    const parts = spool.file();
    const upload = new BodyTap({ boundary, spoolParts: parts });
    await through(upload, chunked(bytes, 512));
    await parts.close();
    const spooled = readFileSync(parts.path);
    expect(spooled.length).toBe(3_500);
    const ranges = (upload.summary.parts ?? []).map((part) => upload.partRanges.get(part));
    expect(ranges.map((r) => r && { start: r.start, length: r.length })).toEqual([
      { start: 0, length: 3_000 },
      undefined,
      { start: 3_000, length: 500 },
    ]);
    expect(spooled.subarray(0, 3_000).equals(first)).toBe(true);
    expect(spooled.subarray(3_000).equals(second)).toBe(true);
  });
});
