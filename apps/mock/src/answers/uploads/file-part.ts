/**
 * The file part of an upload, read as it streams: counted against the file limit, hashed, its
 * first bytes kept for sniffing and checked as soon as they are in, and, when the store wants the
 * bytes, written to a sink on disk chunk by chunk, with the disk's pace held back onto the client.
 * Nothing of the file is held in memory beyond its first few bytes.
 */
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";

/** Why reading a part (or the form around it) stopped early. */
export type PartFault = "fileTooLarge" | "notAnImage";

/** The file part of a form. */
export interface FilePart {
  fileName: string;
  /** The part's Content-Type as the client sent it. */
  contentType: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  /** The first bytes (up to `headBytes`), for type sniffing. */
  head: Buffer;
  /** The bytes on disk, when kept and not larger than `keepUpTo`; whoever gets them keeps or discards them. */
  kept: KeptBytes | undefined;
}

/** A file's bytes written out by a {@link ByteSink}, until the store takes them or they are dropped. */
export interface KeptBytes {
  /** The file holding them. */
  path: string;
  size: number;
  /** Deletes the file (a refused upload, a deleted attachment, a replaced photo). */
  discard(): void;
}

/** Where a kept file's bytes go as they arrive. */
export interface ByteSink {
  /** Writes a chunk; false when the reader should wait for {@link ByteSink.onDrain}. */
  write(chunk: Buffer): boolean;
  /** Calls `listener` once the sink takes more. */
  onDrain(listener: () => void): void;
  /** Ends the file: its bytes, or undefined when writing them failed (a full disk, a closed store). */
  finish(): Promise<KeptBytes | undefined>;
  /** Stops writing and deletes what was written. */
  discard(): void;
}

/** How to read one file part. */
export interface PartOptions {
  /** The largest file taken, in bytes. */
  fileBytes: number;
  /** Keep the bytes when the file is at most this large (0: never keep them). */
  keepUpTo: number;
  /** Opens the sink the kept bytes are written to (needed when `keepUpTo` is above 0). */
  openSink?: () => ByteSink;
  /** How many leading bytes `checkHead` wants. */
  headBytes?: number;
  /** Checked once the first `headBytes` bytes (or the whole of a shorter file) arrived. */
  checkHead?: (head: Buffer) => PartFault | undefined;
}

/** What the form reader hears from the part: a fault (it stops everything), or the part complete. */
export interface PartEvents {
  settled(): boolean;
  fail(fault: PartFault, detail: string): void;
  done(part: FilePart): void;
}

/** Reads one file part from its stream; `abort()` drops whatever was written of it. */
export function readFilePart(
  stream: Readable,
  info: { filename?: string | undefined; mimeType: string },
  options: PartOptions,
  events: PartEvents,
): { part: FilePart; abort(): void } {
  const part: FilePart = {
    fileName: info.filename ?? "",
    contentType: info.mimeType,
    size: 0,
    sha256: "",
    head: Buffer.alloc(0),
    kept: undefined,
  };
  const hash = createHash("sha256");
  const headBytes = options.headBytes ?? 0;
  let headChecked = options.checkHead === undefined;
  let sink = options.keepUpTo > 0 ? options.openSink?.() : undefined;
  const checkHead = () => {
    headChecked = true;
    const fault = options.checkHead?.(part.head);
    if (fault !== undefined) events.fail(fault, "The file's first bytes are not of a type taken here.");
  };

  stream.on("data", (chunk: Buffer) => {
    if (events.settled()) return;
    part.size += chunk.length;
    if (part.size > options.fileBytes) {
      events.fail("fileTooLarge", `The file part is larger than ${options.fileBytes} bytes.`);
      return;
    }
    hash.update(chunk);
    if (part.head.length < headBytes) {
      part.head = Buffer.concat([part.head, chunk.subarray(0, headBytes - part.head.length)]);
      if (!headChecked && part.head.length >= headBytes) checkHead();
    }
    if (sink === undefined) return;
    if (part.size > options.keepUpTo) {
      // Too large to keep (the store's room is smaller than the file): only count from here.
      sink.discard();
      sink = undefined;
    } else if (!sink.write(chunk)) {
      // The disk is slower than the client: hold the part (and so the body) until it catches up.
      stream.pause();
      sink.onDrain(() => stream.resume());
    }
  });

  stream.on("end", () => {
    if (events.settled()) return;
    if (!headChecked) checkHead();
    part.sha256 = hash.digest("hex");
    const writing = sink;
    sink = undefined;
    const done = (kept: KeptBytes | undefined) => {
      // A fault while the file was being finished has already answered: drop the bytes.
      if (events.settled()) {
        kept?.discard();
        return;
      }
      part.kept = kept;
      events.done(part);
    };
    if (writing === undefined) done(undefined);
    else writing.finish().then(done);
  });

  return {
    part,
    abort() {
      sink?.discard();
      sink = undefined;
      part.kept?.discard();
    },
  };
}
