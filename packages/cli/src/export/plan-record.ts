/**
 * One record's part of an export plan: its attachments, from the manifest when an earlier run
 * listed the record already (no API call), else listed now (every page, within the call budget) and
 * written to the manifest as pending before anything is fetched, so a crash mid-record still
 * resumes. Entries an earlier run finished keep their status and path.
 *
 * Each attachment lands in `<module>/<recordId>/<name>`, the name Zoho lists made safe for every
 * file system. Two attachments of one record may share a name (and names that differ only by case
 * collide on macOS and Windows), so every name that collides gets the attachment id before its
 * extension: `scan (4150868000002728012).pdf`. Paths are decided here and kept in the manifest, so
 * a resumed run writes the same files.
 */
import { safeFileName } from "@zcrm-attachments/client";
import { isLink, listAll, sizeOf } from "../session/list-attachments.js";
import type { Session } from "../session/session.js";
import { type AttachmentEntry, keyOf, type Manifest } from "./manifest.js";

/** The manifest path (with "/") of each attachment of one record, by attachment id. */
export function pathsFor(
  module: string,
  recordId: string,
  attachments: readonly { id: string; fileName: string }[],
): Map<string, string> {
  const counts = new Map<string, number>();
  const names = attachments.map(({ id, fileName }) => {
    const name = safeFileName(fileName, `attachment-${id}`);
    counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);
    return { id, name };
  });
  const paths = new Map<string, string>();
  for (const { id, name } of names) {
    let unique = name;
    if ((counts.get(name.toLowerCase()) ?? 0) > 1) {
      const dot = name.lastIndexOf(".");
      unique = dot > 0 ? `${name.slice(0, dot)} (${id})${name.slice(dot)}` : `${name} (${id})`;
    }
    paths.set(id, `${module}/${recordId}/${unique}`);
  }
  return paths;
}

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
    const earlier = manifest.entries.get(keyOf({ module, record, attachmentId: attachment.id }));
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
