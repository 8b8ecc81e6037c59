/**
 * What a seed puts in the stateful store, whatever it was read from (a HAR recording or a JSON
 * scenario): records, each with its attachments newest first (the order a list answers) and its
 * photo, and where each file's bytes come from. A plan is complete and checked before a single
 * byte is written, so a bad seed fails start-up with nothing half-seeded.
 */

/** Where a seeded file's bytes come from. */
export type SeedBytes =
  /** Bytes the seed holds (a recorded download's body). */
  | { from: "bytes"; bytes: Buffer }
  /** A file on disk (a scenario's), of the size it had when the seed was read. */
  | { from: "file"; path: string; size: number }
  /** A recording that kept only the size: that many bytes of a readable placeholder. */
  | { from: "stand-in"; size: number }
  /** A photo whose bytes were not recorded: the mock's own fixture photo. */
  | { from: "fixture-photo" };

/** One seeded file or link. */
export interface SeedAttachment {
  /** Its id; undefined for a scenario's attachment without one (the store makes one up). */
  id: string | undefined;
  kind: "file" | "link";
  /** The file's name, or the link's title (its URL without one). */
  fileName: string;
  /** The type a download on v3 and later answers with (files). */
  contentType: string;
  /** The file's bytes (files only). */
  bytes: SeedBytes | undefined;
  linkUrl: string | null;
  /** When it was attached, epoch ms. */
  createdAt: number;
  /** The list item a recording showed, answered as recorded. */
  recorded?: Readonly<Record<string, unknown>>;
}

/** A seeded record's photo. */
export interface SeedPhoto {
  bytes: SeedBytes;
  contentType: string;
  fileName: string;
}

/** One seeded record. */
export interface SeedRecord {
  module: string;
  recordId: string;
  /** Newest first, as a list answers them. */
  attachments: SeedAttachment[];
  photo: SeedPhoto | undefined;
}

/** Everything a seed puts in the store, and what start-up says about it. */
export interface SeedPlan {
  /** How messages name the seed: the file as given, or "the seed object". */
  source: string;
  records: SeedRecord[];
  /** Entries of a recording that matched no operation, or whose answer changed nothing (errors). */
  ignored: number;
}

/** What a seed put in the store, for the start-up banner. */
export interface SeedSummary {
  source: string;
  records: number;
  attachments: number;
  photos: number;
  /** Files served as stand-ins of their recorded size, their bytes not being in the recording. */
  standIns: number;
  ignored: number;
}

/** Counts what a plan holds. */
export function summarise(plan: SeedPlan): SeedSummary {
  const attachments = plan.records.flatMap((record) => record.attachments);
  return {
    source: plan.source,
    records: plan.records.length,
    attachments: attachments.length,
    photos: plan.records.filter((record) => record.photo !== undefined).length,
    standIns: attachments.filter((item) => item.bytes?.from === "stand-in").length,
    ignored: plan.ignored,
  };
}
