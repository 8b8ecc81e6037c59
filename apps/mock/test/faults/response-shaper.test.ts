import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ResponseShape, shapeResponse } from "../../src/faults/response-shaper.js";
import { gatedSleep, rawGet } from "../helpers.js";

// The shaper must work for routes that stream (file downloads), not only for JSON written with one
// end(): here a bare server pipes a multi-chunk stream through it, with and without Content-Length.

const PIECE = 16 * 1024;
const PIECES = 64; // 1 MiB in 64 writes: enough to meet real socket back-pressure
const BODY = Buffer.alloc(PIECE * PIECES, 0);
for (let i = 0; i < BODY.length; i++) BODY[i] = i % 251;

const gate = gatedSleep();
const outcomes: Promise<string>[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const shape = JSON.parse(decodeURIComponent(req.url?.slice(1) ?? "")) as ResponseShape & { length?: boolean };
    shapeResponse(res, shape, gate.sleep);
    res.setHeader("Content-Type", "application/octet-stream");
    if (shape.length === true) res.setHeader("Content-Length", BODY.length);
    const pieces = Array.from({ length: PIECES }, (_, i) => BODY.subarray(i * PIECE, (i + 1) * PIECE));
    // What the route sees: a finished pipeline, or the error a cut connection gives it.
    outcomes.push(
      pipeline(Readable.from(pieces), res).then(
        () => "finished",
        (error: Error) => error.message,
      ),
    );
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, "close");
});

function get(shape: Partial<ResponseShape> & { length?: boolean }) {
  const full = { delay: 0, bodyDelay: 0, chunk: 64, cut: undefined, after: undefined, ...shape };
  return rawGet(`${url}/${encodeURIComponent(JSON.stringify(full))}`, {});
}

describe("shapeResponse around a streamed body", () => {
  it("holds a streamed response for the delay, then lets every byte through in order", async () => {
    const pending = get({ delay: 300, length: true });
    const held = await gate.next();
    expect(held.ms).toBe(300);
    held.release();
    const res = await pending;
    expect((await res.ended).complete).toBe(true);
    expect(res.body().equals(BODY)).toBe(true);
    expect(await outcomes.at(-1)).toBe("finished");
  });

  it("without a delay or cut, passes a chunked stream through whole", async () => {
    const res = await get({ bodyDelay: 0 });
    expect(res.headers["transfer-encoding"]).toBe("chunked");
    expect((await res.ended).complete).toBe(true);
    expect(res.body().equals(BODY)).toBe(true);
  });

  it("truncates a streamed body with a Content-Length after the given bytes", async () => {
    const res = await get({ cut: "truncate", after: 3 * PIECE + 5, length: true });
    const end = await res.ended;
    expect(end).toStrictEqual({ complete: false, errorCode: undefined });
    expect(res.body().equals(BODY.subarray(0, 3 * PIECE + 5))).toBe(true);
    // The route's pipeline ends with an error rather than hanging.
    expect(await outcomes.at(-1)).not.toBe("finished");
  });

  it("cuts a chunked stream (no Content-Length) half-way through its first write", async () => {
    const res = await get({ cut: "truncate" });
    expect((await res.ended).complete).toBe(false);
    expect(res.body().equals(BODY.subarray(0, PIECE / 2))).toBe(true);
  });

  it("resets a streamed body mid-way", async () => {
    const res = await get({ cut: "reset", after: 10 * PIECE, length: true });
    const end = await res.ended;
    expect(end.complete).toBe(false);
    expect(end.errorCode).toBe("ECONNRESET");
    expect(res.body().length).toBeLessThanOrEqual(10 * PIECE);
  });
});
