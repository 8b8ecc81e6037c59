/**
 * The export: every attachment of many records into `<out>/<module>/<recordId>/`, resumable. One
 * lister walks the records in order and queues the files to fetch; workers download them (the
 * client's concurrency limit bounds how many calls are in flight). A file the manifest calls
 * complete is fetched again only if the bytes on disk no longer match its size and sha256. A failed
 * file is recorded and the rest go on; a stop (Ctrl-C, --max-calls) drops what is in flight, marks
 * it interrupted and leaves the manifest ready for a re-run.
 */
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ZohoApiError } from "@zcrm-attachments/client";
import { downloadOne } from "../files/download-one.js";
import { fileDigest } from "../files/save-stream.js";
import { Progress } from "../output/progress.js";
import { errorData, failureLines } from "../output/report-error.js";
import type { Session } from "../session/session.js";
import type { AttachmentEntry, Manifest } from "./manifest.js";
import { planRecord } from "./plan-record.js";
import { WorkQueue } from "./work-queue.js";

/** What to export. */
export interface ExportPlan {
  module: string;
  records: readonly string[];
  out: string;
  dryRun: boolean;
  relist: boolean;
  /** Download workers; the client's limit still bounds calls in flight. */
  workers: number;
}

/** What happened, for the summary and --json. */
export interface ExportTally {
  files: number;
  bytesKnown: number;
  downloaded: number;
  bytesDownloaded: number;
  alreadyComplete: number;
  skipped: number;
  failed: number;
  interrupted: number;
  recordsListed: number;
  recordsFromManifest: number;
  recordsFailed: number;
  /** Files a dry run would fetch. */
  toFetch: AttachmentEntry[];
  failures: { record: string; attachmentId?: string; error: Record<string, unknown> }[];
}

async function isStillComplete(out: string, entry: AttachmentEntry): Promise<boolean> {
  if (entry.status !== "complete") return false;
  const digest = await fileDigest(join(out, entry.path));
  return digest !== undefined && digest.size === entry.size && digest.sha256 === entry.sha256;
}

/** Runs the export plan; the manifest is compacted at the end, whatever happened. */
export async function runExport(session: Session, manifest: Manifest, plan: ExportPlan): Promise<ExportTally> {
  const { output, signal } = session;
  const tally: ExportTally = {
    files: 0,
    bytesKnown: 0,
    downloaded: 0,
    bytesDownloaded: 0,
    alreadyComplete: 0,
    skipped: 0,
    failed: 0,
    interrupted: 0,
    recordsListed: 0,
    recordsFromManifest: 0,
    recordsFailed: 0,
    toFetch: [],
    failures: [],
  };
  const progress = new Progress(output, !plan.dryRun);
  const queue = new WorkQueue<AttachmentEntry>();
  const failedLine = (label: string, error: unknown) => {
    for (const line of failureLines(output, label, error)) progress.log(line);
  };

  const fetchOne = async (entry: AttachmentEntry) => {
    const target = join(plan.out, entry.path);
    try {
      await mkdir(dirname(target), { recursive: true });
      const saved = await downloadOne(
        session,
        progress,
        { module: entry.module, recordId: entry.record, attachmentId: entry.attachmentId, label: entry.path },
        { path: target },
        true,
      );
      await manifest.write({ ...entry, size: saved.bytes, sha256: saved.sha256, status: "complete" });
      tally.downloaded += 1;
      tally.bytesDownloaded += saved.bytes;
      progress.count(saved.bytes);
    } catch (error) {
      if (signal.aborted) {
        tally.interrupted += 1;
        await manifest.write({ ...entry, status: "interrupted" });
        return;
      }
      if (error instanceof ZohoApiError && error.code === "DOWNLOAD_NOT_ALLOWED") {
        tally.skipped += 1;
        await manifest.write({ ...entry, status: "skipped", size: null });
        progress.count(0);
        return;
      }
      tally.failed += 1;
      tally.failures.push({ record: entry.record, attachmentId: entry.attachmentId, error: errorData(error) });
      await manifest.write({ ...entry, status: "failed", error: errorData(error) });
      failedLine(entry.path, error);
      progress.count(0);
    }
  };

  const workers = Array.from({ length: plan.dryRun ? 0 : plan.workers }, async () => {
    for (let job = await queue.take(); job !== undefined; job = await queue.take()) await fetchOne(job);
  });

  try {
    for (const [index, record] of plan.records.entries()) {
      if (signal.aborted) break;
      let entries: AttachmentEntry[];
      try {
        const planned = await planRecord(session, manifest, plan.module, record, plan);
        entries = planned.entries;
        if (planned.listed) tally.recordsListed += 1;
        else tally.recordsFromManifest += 1;
      } catch (error) {
        if (signal.aborted) break;
        tally.recordsFailed += 1;
        tally.failures.push({ record, error: errorData(error) });
        if (!plan.dryRun)
          await manifest.write({
            kind: "record",
            module: plan.module,
            record,
            status: "failed",
            error: errorData(error),
          });
        failedLine(`${plan.module} ${record}`, error);
        continue;
      }
      for (const entry of entries) {
        tally.files += 1;
        tally.bytesKnown += entry.size ?? 0;
        if (entry.status === "skipped") {
          tally.skipped += 1;
          progress.count(0);
        } else if (await isStillComplete(plan.out, entry)) {
          tally.alreadyComplete += 1;
          progress.count(entry.size ?? 0);
        } else if (plan.dryRun) {
          tally.toFetch.push(entry);
        } else {
          queue.push(entry);
        }
      }
      progress.totals(
        tally.files,
        tally.bytesKnown,
        index + 1 < plan.records.length ? `listed ${index + 1}/${plan.records.length} records` : "",
      );
    }
  } finally {
    // On a stop, files not started stay as the manifest has them (pending, failed, ...): a re-run takes them.
    tally.interrupted += signal.aborted ? queue.drain().length : 0;
    queue.close();
    await Promise.all(workers);
    progress.stop();
    if (!plan.dryRun) await manifest.compact();
  }
  return tally;
}
