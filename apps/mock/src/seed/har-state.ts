/**
 * What a recording has shown so far of each record, while har-seed.ts replays it, and how that
 * becomes the seed plan once the recording ends: attachments newest first by their recorded times
 * (ties as the last list showed them, else the later seen first), names, types and times filled in
 * where no answer told them, and a file's bytes taken from the recording or stood in for.
 */
import { uploadedFileType } from "../answers/bytes/content-types.js";
import type { RecordedCall } from "./har-entries.js";
import type { SeedAttachment, SeedPhoto, SeedRecord } from "./seed-plan.js";

/** One attachment as the recording has shown it so far. */
export interface Known {
  id: string;
  kind: "file" | "link";
  fileName: string | undefined;
  contentType: string | undefined;
  size: number | undefined;
  bytes: Buffer | undefined;
  /** The bytes came from the recorded request, which a recorder may have mangled (text, not binary). */
  bytesFromUpload: boolean;
  linkUrl: string | null;
  createdAt: number | undefined;
  recorded: Record<string, unknown> | undefined;
  /** The last list that showed it, and where in that list. */
  listed: { entry: number; position: number } | undefined;
  seenAt: { entry: number; startedAt: number | undefined };
}

/** One record as the recording has shown it so far. */
export interface KnownRecord {
  module: string;
  recordId: string;
  items: Map<string, Known>;
  /** undefined: the recording says nothing; null: no photo. */
  photo: SeedPhoto | null | undefined;
}

/** The attachment `id` of `record`, made known (as a file seen first in `call`) if it was not. */
export function known(record: KnownRecord, id: string, call: RecordedCall): Known {
  let item = record.items.get(id);
  if (item === undefined) {
    item = {
      id,
      kind: "file",
      fileName: undefined,
      contentType: undefined,
      size: undefined,
      bytes: undefined,
      bytesFromUpload: false,
      linkUrl: null,
      createdAt: undefined,
      recorded: undefined,
      listed: undefined,
      seenAt: { entry: call.entry, startedAt: call.startedAt },
    };
    record.items.set(id, item);
  }
  return item;
}

/** The plan's records once the recording is over; throws when one attachment id is on two records. */
export function planRecords(records: KnownRecord[], source: string, now: number): SeedRecord[] {
  const owner = new Map<string, string>();
  const out: SeedRecord[] = [];
  for (const record of records) {
    const items = [...record.items.values()];
    for (const item of items) {
      const key = `${record.module}/${record.recordId}`;
      const other = owner.get(item.id);
      if (other !== undefined) throw new Error(`${source}: attachment ${item.id} is on both ${other} and ${key}.`);
      owner.set(item.id, key);
    }
    if (items.length === 0 && (record.photo ?? undefined) === undefined) continue;
    const time = (item: Known) => item.createdAt ?? item.seenAt.startedAt ?? now;
    items.sort((a, b) => time(b) - time(a) || tieBreak(a, b));
    out.push({
      module: record.module,
      recordId: record.recordId,
      attachments: items.map((item) => seedAttachment(item, time(item))),
      photo: record.photo ?? undefined,
    });
  }
  return out;
}

/** Newest first among equal times: as the same list showed them, else the later seen first. */
function tieBreak(a: Known, b: Known): number {
  if (a.listed !== undefined && b.listed !== undefined && a.listed.entry === b.listed.entry) {
    return a.listed.position - b.listed.position;
  }
  return b.seenAt.entry - a.seenAt.entry;
}

function seedAttachment(item: Known, createdAt: number): SeedAttachment {
  const fileName = item.fileName ?? item.linkUrl ?? `attachment-${item.id}`;
  const recorded = item.recorded === undefined ? {} : { recorded: item.recorded };
  if (item.kind === "link") {
    return {
      id: item.id,
      kind: "link",
      fileName,
      contentType: "",
      bytes: undefined,
      linkUrl: item.linkUrl,
      createdAt,
      ...recorded,
    };
  }
  // Bytes read from a recorded request are trusted only when they have the size the answers show.
  const trusted =
    item.bytes !== undefined && (!item.bytesFromUpload || item.size === undefined || item.size === item.bytes.length);
  const bytes =
    trusted && item.bytes !== undefined
      ? { from: "bytes" as const, bytes: item.bytes }
      : { from: "stand-in" as const, size: item.size ?? 0 };
  const contentType = item.contentType ?? uploadedFileType("", fileName);
  return { id: item.id, kind: "file", fileName, contentType, bytes, linkUrl: null, createdAt, ...recorded };
}
