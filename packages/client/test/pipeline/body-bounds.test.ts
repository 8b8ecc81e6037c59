/**
 * The bounds on reading a body (src/pipeline/body-read.ts, body-watch.ts), on real web streams whose
 * chunks the test hands out one at a time, with a fake clock whose timers fire only when the test
 * moves time on. Loopback runs of the same bounds are in test/operations/download-bounds.test.ts.
 */
import { describe, expect, it } from "vitest";
import { boundedStream, readBodyText } from "../../src/pipeline/body-read.js";
import { BodyLimitExceeded } from "../../src/pipeline/body-watch.js";
import { type FakeClock, fakeClock } from "../helpers/fake-clock.js";

/** A stream whose next chunk the test releases with `give`; counts what it was asked for. */
function controlledSource() {
  const pending: Array<(chunk: Uint8Array | null) => void> = [];
  let pulls = 0;
  let cancelled: unknown;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulls++;
        return new Promise<void>((resolve) => {
          pending.push((chunk) => {
            if (chunk === null) controller.close();
            else controller.enqueue(chunk);
            resolve();
          });
        });
      },
      cancel(reason) {
        cancelled = reason;
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    /** Answers the read the stream is waiting on (null: the end). */
    give(chunk: Uint8Array | null) {
      const answer = pending.shift();
      if (answer === undefined) throw new Error("no read is waiting");
      answer(chunk);
    },
    get waiting() {
      return pending.length;
    },
    get pulls() {
      return pulls;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

// Reads one chunk from `reader` while the test answers the source after moving the clock `waitMs`.
async function readAfter(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  source: ReturnType<typeof controlledSource>,
  clock: FakeClock,
  waitMs: number,
  chunk: Uint8Array | null,
) {
  const read = reader.read();
  read.catch(() => {}); // the caller sees the rejection; this keeps it from counting as unhandled meanwhile
  await flush();
  clock.advance(waitMs);
  await flush();
  // A source the watch has cancelled takes no more chunks.
  if (source.waiting > 0 && source.cancelled === undefined) source.give(chunk);
  return read;
}

function bounded(clock: FakeClock, maxBytes = 1_000_000, idle: number | "off" = 30_000) {
  const source = controlledSource();
  const idleMs = idle === "off" ? undefined : idle;
  const stream = boundedStream(source.stream, { maxBytes, idleMs, clock }, (error) => error);
  return { source, reader: stream.getReader() };
}

describe("the body idle timeout", () => {
  it("fails a read that waits 30 s for the server, and cancels the source", async () => {
    const clock = fakeClock();
    const { source, reader } = bounded(clock);
    expect((await readAfter(reader, source, clock, 1000, new Uint8Array(2048))).value).toHaveLength(2048);
    const read = reader.read();
    read.catch(() => {});
    await flush();
    clock.advance(29_999);
    await flush();
    expect(source.waiting).toBe(1);
    expect(source.cancelled).toBeUndefined();
    clock.advance(1);
    const error = await read.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BodyLimitExceeded);
    expect(error).toMatchObject({ reason: "idle", limit: 30_000, bytes: 2048 });
    expect(source.cancelled).toBe(error);
  });

  it("counts a trickle under 1 KiB as no progress: a byte every 5 s fails after 30 s of waiting", async () => {
    const clock = fakeClock();
    const { source, reader } = bounded(clock);
    let bytes = 0;
    let failure: unknown;
    for (let step = 0; step < 10 && failure === undefined; step++) {
      const result = await readAfter(reader, source, clock, 5000, new Uint8Array(1)).catch((caught: unknown) => {
        failure = caught;
        return undefined;
      });
      bytes += result?.value?.byteLength ?? 0;
    }
    expect(failure).toMatchObject({ reason: "idle", limit: 30_000 });
    expect(bytes).toBe(5);
  });

  it("lets a slow but steady body through: 2 KiB every 25 s", async () => {
    const clock = fakeClock();
    const { source, reader } = bounded(clock);
    for (let step = 0; step < 8; step++) {
      expect((await readAfter(reader, source, clock, 25_000, new Uint8Array(2048))).value).toHaveLength(2048);
    }
    expect((await readAfter(reader, source, clock, 0, null)).done).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it("does not count time the consumer spends not reading", async () => {
    const clock = fakeClock();
    const { source, reader } = bounded(clock);
    await readAfter(reader, source, clock, 20_000, new Uint8Array(10));
    clock.advance(600_000); // the consumer is busy for ten minutes; the server is not asked for anything
    expect((await readAfter(reader, source, clock, 9000, new Uint8Array(10))).value).toHaveLength(10);
    expect((await readAfter(reader, source, clock, 0, null)).done).toBe(true);
  });

  it("is off with idleMs undefined", async () => {
    const clock = fakeClock();
    const { source, reader } = bounded(clock, 1_000_000, "off");
    expect((await readAfter(reader, source, clock, 3_600_000, new Uint8Array(1))).value).toHaveLength(1);
    expect(clock.timersSet).toBe(0);
  });
});

describe("the size cap", () => {
  it("errors the stream once the bytes pass maxBytes, and cancels the source", async () => {
    const clock = fakeClock();
    const { source, reader } = bounded(clock, 100);
    expect((await readAfter(reader, source, clock, 0, new Uint8Array(60))).value).toHaveLength(60);
    const error = await readAfter(reader, source, clock, 0, new Uint8Array(60)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "size", limit: 100, bytes: 120 });
    expect(source.cancelled).toBe(error);
  });

  it("takes a body of exactly maxBytes", async () => {
    const clock = fakeClock();
    const { source, reader } = bounded(clock, 100);
    expect((await readAfter(reader, source, clock, 0, new Uint8Array(100))).value).toHaveLength(100);
    expect((await readAfter(reader, source, clock, 0, null)).done).toBe(true);
  });
});

describe("readBodyText", () => {
  const clock = fakeClock();
  const text = (body: string, headers: Record<string, string> = {}) => new Response(body, { headers });

  it("reads the body as UTF-8", async () => {
    expect(await readBodyText(text('{"a":"é"}'), { maxBytes: 100, idleMs: 30_000, clock }, false)).toBe('{"a":"é"}');
  });

  it("refuses a body over maxBytes, and one whose Content-Length says so before reading it", async () => {
    await expect(
      readBodyText(text("x".repeat(101)), { maxBytes: 100, idleMs: 30_000, clock }, false),
    ).rejects.toMatchObject({
      reason: "size",
      limit: 100,
    });
    const announced = new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), {
      headers: { "content-length": "5000" },
    });
    await expect(readBodyText(announced, { maxBytes: 100, idleMs: 30_000, clock }, false)).rejects.toMatchObject({
      reason: "size",
      bytes: 5000,
    });
  });

  it("keeps the first maxBytes of a longer body with truncate", async () => {
    const body = `${"a".repeat(80)}${"b".repeat(80)}`;
    expect(await readBodyText(text(body), { maxBytes: 100, idleMs: 30_000, clock }, true)).toBe(body.slice(0, 100));
  });
});
