/**
 * The stateful mode's memory: each record's attachments and photo, per mock instance (two mocks
 * never share one). What it holds in memory is the list; the bytes are files in the mock's own
 * folder (byte-folder.ts), and removing an attachment or a photo deletes its file. It is bounded:
 * past `maxBytes` of file and photo bytes, or `maxAttachments` attachments, an upload is refused
 * (507) rather than something older silently evicted, so a test never loses data it just wrote
 * without being told. A seeded store (seed/) starts with the ids and times of a recording or a
 * scenario; the ids it makes up afterwards never collide with those.
 */
import type { Clock } from "../../clock.js";
import type { KeptBytes } from "../uploads/file-part.js";

/** One file or link attached to a record. */
export interface StoredAttachment {
  id: string;
  /** Creation order within the store: larger is newer (ties in Created_Time stay ordered). */
  seq: number;
  module: string;
  recordId: string;
  kind: "file" | "link";
  /** The file's name, or a link's title (its URL when it has none). */
  fileName: string;
  contentType: string;
  size: number;
  /** The file's bytes on disk; links have none. */
  file: KeptBytes | undefined;
  sha256: string | undefined;
  linkUrl: string | null;
  createdAt: number;
  /** The list item a recording showed for it (seeded from a HAR): a list answers its fields as recorded. */
  recorded?: Readonly<Record<string, unknown>>;
}

/** A record's photo. */
export interface StoredPhoto {
  /** Its bytes on disk. */
  file: KeptBytes;
  contentType: string;
  fileName: string;
}

/** How much the store holds at most. */
export interface StoreLimits {
  /** File and photo bytes across all records. */
  maxBytes: number;
  /** Attachments (files and links) across all records. */
  maxAttachments: number;
}

/** The default bounds: 512 MiB of bytes and 10,000 attachments. */
export const DEFAULT_STORE_LIMITS: StoreLimits = { maxBytes: 512 * 1024 * 1024, maxAttachments: 10_000 };

// Ids look like Zoho's: 19 digits, an org-like prefix, then a counter.
const FIRST_ID = 4_150_868_000_003_000_001n;

interface RecordEntry {
  /** Oldest first; lists read it backwards (Zoho lists the newest first). */
  attachments: StoredAttachment[];
  photo: StoredPhoto | undefined;
}

/** A new file or link, before the store gives it an id and a time. */
export type NewAttachment = Pick<
  StoredAttachment,
  "kind" | "fileName" | "contentType" | "size" | "file" | "sha256" | "linkUrl"
>;

/** An attachment as a seed brings it: its own id (or none, for a fresh one) and time. */
export type RestoredAttachment = NewAttachment &
  Pick<StoredAttachment, "createdAt" | "recorded"> & { id: string | undefined };

/** The attachments and photos of one stateful mock. */
export class AttachmentStore {
  readonly #records = new Map<string, RecordEntry>();
  readonly #limits: StoreLimits;
  readonly #now: Clock;
  #seq = 0;
  #nextId = 0;
  /** Ids a seed brought: a fresh id skips them, even once their attachment is deleted. */
  readonly #seededIds = new Set<string>();
  #bytes = 0;
  #count = 0;

  constructor(limits: StoreLimits, now: Clock) {
    this.#limits = limits;
    this.#now = now;
  }

  /** The bounds this store keeps. */
  get limits(): StoreLimits {
    return this.#limits;
  }

  /** How many more bytes fit. */
  freeBytes(): number {
    return Math.max(0, this.#limits.maxBytes - this.#bytes);
  }

  /** A record's attachments, newest first. */
  list(module: string, recordId: string): StoredAttachment[] {
    return [...(this.#records.get(recordKey(module, recordId))?.attachments ?? [])].reverse();
  }

  /** One attachment of a record, if it exists. */
  get(module: string, recordId: string, id: string): StoredAttachment | undefined {
    return this.#records.get(recordKey(module, recordId))?.attachments.find((a) => a.id === id);
  }

  /** Stores a new attachment; undefined when the store is full (its file is then the caller's to discard). */
  add(module: string, recordId: string, item: NewAttachment): StoredAttachment | undefined {
    return this.restore(module, recordId, { ...item, id: undefined, createdAt: this.#now() });
  }

  /** Sets aside the ids a seed brings, before any is restored, so no fresh id takes one; throws on a repeated id. */
  reserveIds(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.#seededIds.has(id)) throw new Error(`attachment id ${id} is seeded twice`);
      this.#seededIds.add(id);
    }
  }

  /**
   * Stores an attachment with its time and its id (reserved first), or a fresh id, as the newest
   * of its record so far (a seed restores a record oldest first); undefined when the store is full.
   */
  restore(module: string, recordId: string, item: RestoredAttachment): StoredAttachment | undefined {
    const size = item.file?.size ?? 0;
    if (this.#count >= this.#limits.maxAttachments || size > this.freeBytes()) return undefined;
    this.#seq += 1;
    const stored: StoredAttachment = { ...item, id: item.id ?? this.#freshId(), seq: this.#seq, module, recordId };
    this.#entry(module, recordId).attachments.push(stored);
    this.#bytes += size;
    this.#count += 1;
    return stored;
  }

  #freshId(): string {
    let id: string;
    do {
      id = String(FIRST_ID + BigInt(this.#nextId));
      this.#nextId += 1;
    } while (this.#seededIds.has(id));
    return id;
  }

  /** Removes one attachment; false when the record has none with that id. */
  remove(module: string, recordId: string, id: string): boolean {
    const entry = this.#records.get(recordKey(module, recordId));
    const index = entry?.attachments.findIndex((a) => a.id === id) ?? -1;
    if (entry === undefined || index === -1) return false;
    const [removed] = entry.attachments.splice(index, 1);
    this.#bytes -= removed?.file?.size ?? 0;
    this.#count -= 1;
    // A download already reading the file keeps its open handle; the name is gone at once.
    removed?.file?.discard();
    return true;
  }

  /** A record's photo, if it has one. */
  photo(module: string, recordId: string): StoredPhoto | undefined {
    return this.#records.get(recordKey(module, recordId))?.photo;
  }

  /** Sets or replaces a record's photo (deleting the old one's file); false when the store is full. */
  setPhoto(module: string, recordId: string, photo: StoredPhoto): boolean {
    const entry = this.#entry(module, recordId);
    const previous = entry.photo?.file.size ?? 0;
    if (photo.file.size > this.freeBytes() + previous) return false;
    entry.photo?.file.discard();
    entry.photo = photo;
    this.#bytes += photo.file.size - previous;
    return true;
  }

  /** Removes a record's photo and its file; false when it had none. */
  removePhoto(module: string, recordId: string): boolean {
    const entry = this.#records.get(recordKey(module, recordId));
    if (entry?.photo === undefined) return false;
    this.#bytes -= entry.photo.file.size;
    entry.photo.file.discard();
    entry.photo = undefined;
    return true;
  }

  #entry(module: string, recordId: string): RecordEntry {
    const k = recordKey(module, recordId);
    let entry = this.#records.get(k);
    if (entry === undefined) {
      entry = { attachments: [], photo: undefined };
      this.#records.set(k, entry);
    }
    return entry;
  }
}

/** The key of a record in the store (and in its page tokens). */
export function recordKey(module: string, recordId: string): string {
  return `${module}/${recordId}`;
}
