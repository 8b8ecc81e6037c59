/**
 * The export's manifest, `<out>/manifest.jsonl`: one JSON object per line, for people and scripts
 * (a migration reads it as the map from records to files) and for the export itself (a re-run
 * resumes from it). Attachment lines carry module, record, attachment id, file name, path (relative
 * to the output folder), size, sha256, status and error; record lines say a record was listed (so a
 * re-run need not list it again) or could not be.
 *
 * While a run goes, every change is appended as its own line (one write each), so even a crash
 * leaves a manifest to resume from: the last line for a key wins, and a torn last line is ignored.
 * At the end of a run, interrupted or not, it is rewritten atomically with one line per key.
 */
import { randomBytes } from "node:crypto";
import { type FileHandle, open, readFile, rename } from "node:fs/promises";
import { CliError } from "../output/exit-codes.js";

/** Where an attachment stands. */
export type AttachmentStatus = "pending" | "complete" | "failed" | "interrupted" | "skipped";

/** One attachment of the export. */
export interface AttachmentEntry {
  kind: "attachment";
  module: string;
  record: string;
  attachmentId: string;
  fileName: string;
  /** Where the file goes, relative to the output folder, with "/" separators. */
  path: string;
  /** Bytes: as listed while pending, as written once complete; null when unknown. */
  size: number | null;
  sha256: string | null;
  status: AttachmentStatus;
  error?: Record<string, unknown>;
  /** A link attachment's URL (links are skipped: they have no bytes). */
  url?: string;
}

/** One record of the export. */
export interface RecordEntry {
  kind: "record";
  module: string;
  record: string;
  status: "listed" | "failed";
  attachments?: number;
  error?: Record<string, unknown>;
}

/** A line of the manifest. */
export type ManifestEntry = AttachmentEntry | RecordEntry;

/** The key of an entry: module/record for records, module/record/attachment for attachments. */
export function keyOf(entry: { module: string; record: string; attachmentId?: string }): string {
  return entry.attachmentId === undefined
    ? `${entry.module}/${entry.record}`
    : `${entry.module}/${entry.record}/${entry.attachmentId}`;
}

function parseLines(text: string, path: string): ManifestEntry[] {
  const lines = text.split("\n");
  const entries: ManifestEntry[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      const entry = JSON.parse(line) as ManifestEntry;
      if (entry.kind === "attachment" || entry.kind === "record") entries.push(entry);
    } catch {
      // Only the last line can be torn (a crash mid-write); anything else means the file was edited.
      if (lines.slice(index + 1).some((rest) => rest.trim() !== "")) {
        throw new CliError(
          `${path}: line ${index + 1} is not JSON.`,
          undefined,
          "fix or remove that line, then run again",
        );
      }
    }
  });
  return entries;
}

/** The manifest of one output folder. */
export class Manifest {
  /** Latest entry per key, in the order keys first appeared. */
  readonly entries = new Map<string, ManifestEntry>();
  #handle: FileHandle | undefined;
  #writes: Promise<void> = Promise.resolve();

  private constructor(readonly path: string) {}

  /** Reads the manifest at `path` (none yet is fine). */
  static async read(path: string): Promise<Manifest> {
    const manifest = new Manifest(path);
    const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return "";
      throw error;
    });
    for (const entry of parseLines(text, path)) manifest.entries.set(keyOf(entry), entry);
    return manifest;
  }

  /** The record entry of module/record, if any. */
  record(module: string, record: string): RecordEntry | undefined {
    const entry = this.entries.get(keyOf({ module, record }));
    return entry?.kind === "record" ? entry : undefined;
  }

  /** The attachment entries of module/record, in manifest order. */
  attachmentsOf(module: string, record: string): AttachmentEntry[] {
    const prefix = `${module}/${record}/`;
    return [...this.entries]
      .filter(([key, entry]) => key.startsWith(prefix) && entry.kind === "attachment")
      .map(([, entry]) => entry as AttachmentEntry);
  }

  /** Records an entry: kept in memory and appended as a line (writes happen one after another). */
  write(entry: ManifestEntry): Promise<void> {
    this.entries.set(keyOf(entry), entry);
    const line = `${JSON.stringify(entry)}\n`;
    this.#writes = this.#writes.then(async () => {
      this.#handle ??= await open(this.path, "a", 0o600);
      await this.#handle.write(line);
    });
    return this.#writes;
  }

  /** Rewrites the file with one line per key (atomically), and closes it. */
  async compact(): Promise<void> {
    await this.#writes;
    await this.#handle?.close();
    this.#handle = undefined;
    const lines = [...this.entries.values()].map((entry) => `${JSON.stringify(entry)}\n`).join("");
    const temp = `${this.path}.${randomBytes(6).toString("hex")}.tmp`;
    const handle = await open(temp, "wx", 0o600);
    try {
      await handle.writeFile(lines);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.path);
  }
}
