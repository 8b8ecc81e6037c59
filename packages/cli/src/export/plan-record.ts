/**
 * One record's part of an export plan: its attachments, from the manifest when an earlier run
 * listed the record already (no API call), else listed now (every page, within the call budget) and
 * written to the manifest as pending before anything is fetched, so a crash mid-record still
 * resumes. Entries an earlier run finished keep their status and path.
 */
import { isLink, listAll, sizeOf } from "../commands/shared.js";
import type { Session } from "../session/session.js";
import { pathsFor } from "./file-paths.js";
import type { AttachmentEntry, Manifest } from "./manifest.js";

/** Lists `record` (or reads it from the manifest) and returns its attachment entries. */
export async function planRecord(
  session: Session,
  manifest: Manifest,
  module: string,
  record: string,
  options: { dryRun: boolean; relist: boolean },
): Promise<{ entries: AttachmentEntry[]; listed: boolean }> {
  const known = manifest.record(module, record);
  if (known?.status === "listed" && !options.relist)
    return { entries: manifest.attachmentsOf(module, record), listed: false };

  const listed = [];
  for await (const attachment of listAll(session, module, record)) listed.push(attachment);
  const paths = pathsFor(
    module,
    record,
    listed.map((a) => ({ id: a.id, fileName: String((a as Record<string, unknown>).File_Name ?? "") })),
  );
  const entries: AttachmentEntry[] = [];
  for (const attachment of listed) {
    const earlier = manifest.entries.get(`${module}/${record}/${attachment.id}`);
    if (earlier?.kind === "attachment" && (earlier.status === "complete" || earlier.status === "skipped")) {
      entries.push(earlier);
      continue;
    }
    const fields = attachment as Record<string, unknown>;
    const link = isLink(attachment);
    const entry: AttachmentEntry = {
      kind: "attachment",
      module,
      record,
      attachmentId: attachment.id,
      fileName: String(fields.File_Name ?? ""),
      path: paths.get(attachment.id) ?? `${module}/${record}/attachment-${attachment.id}`,
      size: link ? null : (sizeOf(attachment) ?? null),
      sha256: null,
      status: link ? "skipped" : "pending",
      ...(link ? { url: String(fields.$link_url ?? "") } : {}),
    };
    entries.push(entry);
    if (!options.dryRun) await manifest.write(entry);
  }
  if (!options.dryRun)
    await manifest.write({ kind: "record", module, record, status: "listed", attachments: listed.length });
  return { entries, listed: true };
}
