/**
 * Reading a record's attachments the way every command does: the fields the CLI asks for (v3 and
 * later require `fields`), every page walked with each page call inside the call budget, and the two
 * facts the commands read off an attachment (is it a link, how big is it).
 */
import type { Attachment } from "@zcrm-attachments/client";
import type { Session } from "./session.js";

/** The fields every listing asks for (v3 and later require `fields`). */
export const LIST_FIELDS = [
  "id",
  "File_Name",
  "Size",
  "Created_Time",
  "Modified_Time",
  "Created_By",
  "$type",
  "$link_url",
];

/** True for a link attachment (it has a URL and no bytes to download). */
export function isLink(attachment: Attachment): boolean {
  const record = attachment as Record<string, unknown>;
  return record.$type === "Link URL" || (typeof record.$link_url === "string" && record.$link_url !== "");
}

/** An attachment's size in bytes, from the string of digits Zoho sends. */
export function sizeOf(attachment: Attachment): number | undefined {
  const size = Number((attachment as Record<string, unknown>).Size);
  return Number.isFinite(size) && size >= 0 ? size : undefined;
}

/** Walks every page of a record's attachments, each page within the call budget. */
export async function* listAll(session: Session, module: string, recordId: string): AsyncGenerator<Attachment> {
  const pages = session.client.iterateAttachmentPages(module, recordId, {
    fields: LIST_FIELDS,
    signal: session.signal,
  });
  for (;;) {
    if (!(await session.meter.acquire())) throw session.signal.reason ?? new Error("call budget spent");
    let next: IteratorResult<{ data: Attachment[]; info?: unknown }>;
    try {
      next = await pages.next();
    } finally {
      session.meter.release();
    }
    if (next.done === true) return;
    yield* next.value.data;
    // The last page says so: asking the budget for a call that will not be made would stop a run
    // whose budget is spent exactly, and lose the record this page just listed.
    if (!hasMoreRecords(next.value.info)) {
      await pages.return(undefined);
      return;
    }
  }
}

/** True when a page's `info` says more records follow (`more_records`, on both lines). */
function hasMoreRecords(info: unknown): boolean {
  return typeof info === "object" && info !== null && (info as { more_records?: unknown }).more_records === true;
}
