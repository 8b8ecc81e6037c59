/**
 * The recording file, written as exchanges complete rather than at the end: the head of the HAR
 * document first, each entry on its own line as it comes, the closing brackets on close. Memory
 * stays flat however long the proxy runs, and a kept body is streamed from its spool file into
 * its entry as base64 (three bytes at a time to four characters, so chunks join cleanly).
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { HarRecord } from "./har-record.js";
import type { SpoolRange } from "./spool.js";

/** A HAR 1.2 file being written. */
export class HarWriter {
  readonly path: string;
  readonly #stream: WriteStream;
  #queue: Promise<void> = Promise.resolve();
  #entries = 0;
  #failed: Error | undefined;

  private constructor(path: string, stream: WriteStream) {
    this.path = path;
    this.#stream = stream;
    stream.on("error", (error) => {
      this.#failed ??= error;
    });
  }

  /** Creates the file (and its folder) and writes the document's head; throws when it cannot be written. */
  static async open(path: string, creator: { name: string; version: string }): Promise<HarWriter> {
    try {
      await mkdir(dirname(path), { recursive: true });
      const stream = createWriteStream(path);
      await Promise.race([once(stream, "open"), once(stream, "error").then(([error]) => Promise.reject(error))]);
      const writer = new HarWriter(path, stream);
      await writer.#write(`{"log":{"version":"1.2","creator":${JSON.stringify(creator)},"entries":[`);
      return writer;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(`cannot write the recording to ${path}: ${code ?? (error as Error).message}`);
    }
  }

  /** Entries queued so far (the number the next one gets, minus one). */
  get entries(): number {
    return this.#entries;
  }

  /** Queues an entry after those before it; returns its number (from 1) and when it is written. */
  add(record: HarRecord): { number: number; written: Promise<void> } {
    this.#entries += 1;
    const first = this.#entries === 1;
    const written = this.#queue.then(() => this.#writeEntry(record, first));
    this.#queue = written.catch(() => {});
    return { number: this.#entries, written };
  }

  /** Writes what is queued and the document's end, and closes the file; throws if any write failed. */
  async close(): Promise<void> {
    await this.#queue;
    await this.#write("\n]}}\n");
    await new Promise<void>((resolve) => this.#stream.end(resolve));
    if (this.#failed) throw new Error(`the recording ${this.path} is incomplete: ${this.#failed.message}`);
  }

  async #writeEntry({ entry, bodies }: HarRecord, first: boolean): Promise<void> {
    const json = JSON.stringify(entry);
    const places = [...bodies]
      .map(([key, range]) => ({ at: json.indexOf(JSON.stringify(key)), key, range }))
      .filter((p) => p.at !== -1)
      .sort((a, b) => a.at - b.at);
    let from = 0;
    await this.#write(first ? "\n" : ",\n");
    for (const { at, key, range } of places) {
      await this.#write(`${json.slice(from, at)}"`);
      await this.#base64(range);
      await this.#write('"');
      from = at + JSON.stringify(key).length;
    }
    await this.#write(json.slice(from));
  }

  async #base64(range: SpoolRange): Promise<void> {
    if (range.length === 0) return;
    let carry: Buffer = Buffer.alloc(0);
    const source = createReadStream(range.path, { start: range.start, end: range.start + range.length - 1 });
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const whole = bytes.length - (bytes.length % 3);
      carry = bytes.subarray(whole);
      await this.#write(bytes.subarray(0, whole).toString("base64"));
    }
    if (carry.length > 0) await this.#write(carry.toString("base64"));
  }

  async #write(text: string): Promise<void> {
    if (this.#failed) throw this.#failed;
    if (!this.#stream.write(text)) await once(this.#stream, "drain");
  }
}
