/**
 * How a stored attachment looks in a list: the keys and value forms of Zoho's own samples (ids
 * and Size as strings, $-prefixed metadata, users as {name, id, email}), narrowed to `fields`. An
 * attachment seeded from a recording answers the fields the recording showed, as it showed them.
 */
import type { ApiLine } from "@zcrm-attachments/types";
import type { StoredAttachment } from "./attachment-store.js";

/** The user every attachment of the mock belongs to (the owner of Zoho's v2 sample). */
export const MOCK_USER = { name: "Patricia Boyle", id: "4150868000000225013", email: "patricia.b@zylker.com" } as const;

/** The user as upload answers embed one: name and id only. */
export const MOCK_USER_SHORT = { name: MOCK_USER.name, id: MOCK_USER.id } as const;

/** Formats a time the way Zoho writes one: ISO 8601 to the second with a numeric offset (UTC here). */
export function zohoTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+00:00`;
}

/** Every field of a stored attachment, in the order of Zoho's v2 sample; the line decides the few that differ. */
export function attachmentRecord(item: StoredAttachment, line: ApiLine): Record<string, unknown> {
  const v2Line = line === "v2";
  const time = zohoTime(item.createdAt);
  const file = item.kind === "file";
  const record: Record<string, unknown> = {
    Owner: { ...MOCK_USER },
    Modified_Time: time,
    File_Name: item.fileName,
    Created_Time: time,
    Size: String(item.size),
    // The v2 sample names the parent; the current line's sample sends null.
    Parent_Id: v2Line ? { id: item.recordId } : null,
    $editable: true,
    // A ZFS-like id for files (Zoho's are 37 characters); links have none.
    $file_id: file && item.sha256 !== undefined ? `zcrm${item.sha256.slice(0, 33)}` : null,
    // "Attachment" as in the v2 sample; "Link URL" as Zoho's newer OpenAPI examples call links.
    $type: file ? "Attachment" : "Link URL",
    $se_module: item.module,
    Modified_By: { ...MOCK_USER },
    $state: "save",
    id: item.id,
    Created_By: { ...MOCK_USER },
    $link_url: item.linkUrl,
  };
  if (!v2Line) record.$sharing_permission = "full_access";
  return item.recorded === undefined ? record : asRecorded(record, item.recorded);
}

/**
 * A recorded list item, completed with the mock's own fields where the recording had none (it may
 * have asked for only a few). The store keeps the name, size and link, which the recording showed
 * too; a download recorded with other bytes than the listed size wins, so list and download agree.
 */
function asRecorded(
  record: Record<string, unknown>,
  recorded: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...recorded };
  for (const name in record) if (!(name in out)) out[name] = record[name];
  out.id = record.id;
  out.File_Name = record.File_Name;
  out.Size = typeof recorded.Size === "number" ? Number(record.Size) : record.Size;
  out.$link_url = record.$link_url;
  return out;
}

/** Keeps only the requested fields (and always `id`, as Zoho does); `undefined` (v2 without `fields`) keeps all. */
export function projectFields(
  record: Record<string, unknown>,
  fields: readonly string[] | undefined,
): Record<string, unknown> {
  if (fields === undefined) return record;
  const wanted = new Set(fields);
  const out: Record<string, unknown> = {};
  for (const name in record) if (name === "id" || wanted.has(name)) out[name] = record[name];
  return out;
}

/** Splits a comma-separated query value (`fields=id,File_Name`, `ids=1,2`, possibly repeated) into items; undefined when absent. */
export function splitList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(","));
  return names.map((name) => name.trim()).filter((name) => name !== "");
}
