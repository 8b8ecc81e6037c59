/**
 * Puts a checked seed plan into a stateful mock's store: each file's bytes into the store's own
 * folder (streamed, as uploads are), then the attachments oldest first with their own ids and
 * times, then the photos. The store's bounds hold for a seed as for uploads; a seed beyond them is
 * refused before anything is written. Should writing fail half-way, the caller closes the stateful
 * mode, which removes the folder: a mock never starts half-seeded.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { photoFixture } from "../answers/bytes/fixtures.js";
import type { AttachmentStore } from "../answers/stateful/attachment-store.js";
import type { ByteFolder } from "../answers/stateful/byte-folder.js";
import type { SeedBytes, SeedPlan, SeedSummary } from "./seed-plan.js";
import { summarise } from "./seed-plan.js";

/** What a stand-in is made of, repeated to the recorded size: a reader who opens one sees what it is. */
const STAND_IN_LINE = Buffer.from("zcrm-mock stand-in: the recording kept this file's size and not its bytes.\n");
const STAND_IN_CHUNK = 64 * 1024;

/** Writes `plan` into `store` (bytes into `folder`) and says what it seeded; rejects on the first failure. */
export async function applySeed(store: AttachmentStore, folder: ByteFolder, plan: SeedPlan): Promise<SeedSummary> {
  checkBounds(store, plan);
  store.reserveIds(plan.records.flatMap((record) => record.attachments.flatMap((item) => item.id ?? [])));
  for (const record of plan.records) {
    for (const item of [...record.attachments].reverse()) {
      const where = `${record.module}/${record.recordId}, attachment ${item.fileName}`;
      const kept = item.bytes === undefined ? undefined : await keep(folder, item.bytes, plan, where);
      const stored = store.restore(record.module, record.recordId, {
        id: item.id,
        kind: item.kind,
        fileName: item.fileName,
        contentType: item.contentType,
        size: kept?.size ?? 0,
        file: kept,
        sha256: kept?.sha256,
        linkUrl: item.linkUrl,
        createdAt: item.createdAt,
        ...(item.recorded === undefined ? {} : { recorded: item.recorded }),
      });
      // The bounds were checked for the whole plan; a file that grew since it was read can still overflow.
      if (stored === undefined) throw tooLarge(store, plan);
    }
    if (record.photo !== undefined) {
      const kept = await keep(folder, record.photo.bytes, plan, `${record.module}/${record.recordId}, photo`);
      const photo = { file: kept, contentType: record.photo.contentType, fileName: record.photo.fileName };
      if (!store.setPhoto(record.module, record.recordId, photo)) throw tooLarge(store, plan);
    }
  }
  return summarise(plan);
}

async function keep(folder: ByteFolder, bytes: SeedBytes, plan: SeedPlan, where: string) {
  try {
    return await folder.keep(source(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${plan.source}: ${where}: its bytes could not be put in the store (${reason}).`, { cause: error });
  }
}

function source(bytes: SeedBytes): Uint8Array | Readable {
  switch (bytes.from) {
    case "bytes":
      return bytes.bytes;
    case "file":
      return createReadStream(bytes.path);
    case "stand-in":
      return Readable.from(standIn(bytes.size));
    case "fixture-photo":
      return photoFixture().bytes;
  }
}

function* standIn(size: number): Generator<Buffer> {
  const block = Buffer.alloc(Math.min(size, STAND_IN_CHUNK));
  for (let at = 0; at < block.length; at += STAND_IN_LINE.length) STAND_IN_LINE.copy(block, at);
  for (let left = size; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
}

/** How many bytes a seed's file or photo takes. */
export function sizeOf(bytes: SeedBytes): number {
  switch (bytes.from) {
    case "bytes":
      return bytes.bytes.length;
    case "file":
    case "stand-in":
      return bytes.size;
    case "fixture-photo":
      return photoFixture().bytes.length;
  }
}

function checkBounds(store: AttachmentStore, plan: SeedPlan): void {
  const attachments = plan.records.reduce((n, record) => n + record.attachments.length, 0);
  let bytes = 0;
  for (const record of plan.records) {
    for (const item of record.attachments) bytes += item.bytes === undefined ? 0 : sizeOf(item.bytes);
    if (record.photo !== undefined) bytes += sizeOf(record.photo.bytes);
  }
  const { maxBytes, maxAttachments } = store.limits;
  if (attachments > maxAttachments || bytes > maxBytes) throw tooLarge(store, plan, { attachments, bytes });
}

function tooLarge(store: AttachmentStore, plan: SeedPlan, held?: { attachments: number; bytes: number }): Error {
  const { maxBytes, maxAttachments } = store.limits;
  const holds = held === undefined ? "does not fit" : `holds ${held.attachments} attachments and ${held.bytes} bytes`;
  return new Error(
    `${plan.source}: the seed ${holds}; the stateful store keeps at most ${maxAttachments} attachments and ` +
      `${maxBytes} bytes of files and photos. Start the mock with larger bounds: stateful: { maxAttachments, maxBytes }.`,
  );
}
