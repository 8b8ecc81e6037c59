/**
 * A HAR recording replayed into a seed plan: the seeded state is the state at the end of the
 * recording, as its answers show it. The successful calls are taken in file order:
 * - a list answer adds the attachments it shows and refreshes those already known (ids, names,
 *   sizes, times and every field as recorded); a whole list (its first and only page, no `ids`)
 *   also drops those it does not show; a 204 for a whole list empties the record;
 * - a download gives the file's bytes (a base64 or text body) and type; one recorded without its
 *   bytes leaves the size (`content.size`) for a stand-in; a 204 means the attachment is gone;
 * - an upload adds its attachment under the id and time its answer names (the link, or the file's
 *   name and bytes as far as the recorded request shows them); a delete removes what it deleted;
 * - a photo GET gives the photo (a 204: none), a photo upload sets one, a photo delete removes it.
 * har-state.ts turns what was shown into the plan; the README's "Playback" says what no answer tells.
 */
import { V2_DOWNLOAD_TYPE } from "../answers/bytes/content-types.js";
import { isRecord } from "../prism/example-catalog.js";
import { dispositionName, isErrorBody, isSuccess, photoOf, sizeOf, successItems, timeOf } from "./har-answers.js";
import { headerOf, type RecordedCall, readHarCalls, recordedJson } from "./har-entries.js";
import { type Known, type KnownRecord, known, planRecords } from "./har-state.js";
import { recordedUpload } from "./har-upload.js";
import type { SeedPlan } from "./seed-plan.js";

/** Replays a parsed HAR into a plan; throws an Error naming the entry that cannot be used. */
export async function harPlan(har: unknown, source: string, idPattern: RegExp, now: number): Promise<SeedPlan> {
  const { calls, ignored } = readHarCalls(har, source, idPattern);
  const records = new Map<string, KnownRecord>();
  for (const call of calls) {
    const key = `${call.module}/${call.recordId}`;
    let record = records.get(key);
    if (record === undefined) {
      record = { module: call.module, recordId: call.recordId, items: new Map(), photo: undefined };
      records.set(key, record);
    }
    await replay(call, record, idPattern);
  }
  return { source, records: planRecords([...records.values()], source, now), ignored };
}

async function replay(call: RecordedCall, record: KnownRecord, idPattern: RegExp): Promise<void> {
  const id = call.attachmentId ?? "";
  switch (call.kind) {
    case "listAttachments":
      return replayList(call, record, idPattern);
    case "downloadAttachment":
      if (call.status === 204) record.items.delete(id);
      else if (!isErrorBody(call)) replayDownload(call, known(record, id, call));
      return;
    case "deleteAttachment":
      if (successItems(call).length > 0) record.items.delete(id);
      return;
    case "deleteAttachments":
      for (const item of successItems(call)) {
        const details = isRecord(item.details) ? item.details : {};
        if (typeof details.id === "string") record.items.delete(details.id);
      }
      return;
    case "uploadAttachment":
      return replayUpload(call, record, idPattern);
    case "getPhoto":
      record.photo = call.status === 204 ? null : photoOf(call.content.bytes, call);
      return;
    case "uploadPhoto":
      if (isSuccess(recordedJson(call))) {
        const file = (await recordedUpload(call)).file;
        record.photo = photoOf(file?.bytes, call, file?.fileName);
      }
      return;
    case "deletePhoto":
      if (isSuccess(recordedJson(call))) record.photo = null;
      return;
  }
}

function replayList(call: RecordedCall, record: KnownRecord, idPattern: RegExp): void {
  const { page, page_token: token, ids } = call.query;
  const firstPage = (page === undefined || page === "1") && token === undefined && ids === undefined;
  if (call.status === 204) {
    if (firstPage) record.items.clear();
    return;
  }
  const body = recordedJson(call);
  if (!isRecord(body) || !Array.isArray(body.data)) throw new Error(`${call.where}: a list answer needs a data list.`);
  const shown = new Set<string>();
  for (const [position, item] of body.data.entries()) {
    const at = `${call.where}: data[${position}]`;
    if (!isRecord(item) || typeof item.id !== "string" || !idPattern.test(item.id)) {
      throw new Error(`${at} needs an id of the form ${idPattern.source}, as a string.`);
    }
    const entry = known(record, item.id, call);
    shown.add(item.id);
    entry.recorded = { ...entry.recorded, ...item };
    entry.listed = { entry: call.entry, position };
    if (typeof item.File_Name === "string") entry.fileName = item.File_Name;
    if (typeof item.$link_url === "string" && item.$link_url !== "") entry.linkUrl = item.$link_url;
    if (entry.linkUrl !== null || (typeof item.$type === "string" && /link/i.test(item.$type))) entry.kind = "link";
    if (item.Size !== undefined) entry.size = sizeOf(item.Size, `${at}.Size`);
    if (item.Created_Time !== undefined) entry.createdAt = timeOf(item.Created_Time, `${at}.Created_Time`);
  }
  const info = isRecord(body.info) ? body.info : {};
  if (firstPage && info.more_records === false) {
    for (const id of [...record.items.keys()]) if (!shown.has(id)) record.items.delete(id);
  }
}

function replayDownload(call: RecordedCall, item: Known): void {
  const { bytes, size } = call.content;
  if (bytes !== undefined) {
    item.bytes = bytes;
    item.bytesFromUpload = false;
    item.size = bytes.length;
  } else if (size !== undefined) {
    item.size = size;
  }
  const type = headerOf(call.responseHeaders, "content-type") ?? call.content.mimeType;
  // The v2 line serves every file as x-download: that says nothing of the file's own type.
  if (type !== undefined && type !== V2_DOWNLOAD_TYPE) item.contentType = type;
  item.fileName ??= dispositionName(headerOf(call.responseHeaders, "content-disposition"));
}

async function replayUpload(call: RecordedCall, record: KnownRecord, idPattern: RegExp): Promise<void> {
  const [item] = successItems(call);
  // A duplicate link answers 200 with an error item: nothing was stored.
  if (item === undefined) return;
  const details = isRecord(item.details) ? item.details : {};
  if (typeof details.id !== "string" || !idPattern.test(details.id)) {
    throw new Error(
      `${call.where}: the upload's answer needs data[0].details.id, an id of the form ${idPattern.source}.`,
    );
  }
  const entry = known(record, details.id, call);
  if (details.Created_Time !== undefined)
    entry.createdAt = timeOf(details.Created_Time, `${call.where}: data[0].details.Created_Time`);
  const upload = await recordedUpload(call);
  if (upload.link !== undefined) {
    entry.kind = "link";
    entry.linkUrl = upload.link.url;
    entry.fileName = upload.link.title ?? upload.link.url;
  } else if (upload.file !== undefined) {
    entry.fileName = upload.file.fileName ?? entry.fileName;
    entry.size ??= upload.file.size;
    if (upload.file.bytes !== undefined && entry.bytes === undefined) {
      entry.bytes = upload.file.bytes;
      entry.bytesFromUpload = true;
    }
  }
}
