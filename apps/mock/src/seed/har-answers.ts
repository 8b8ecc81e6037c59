/**
 * Reading the recorded answers a replay needs: the success items of a write, a download that came
 * back as a Zoho error, the file name of a Content-Disposition, sizes and times as Zoho writes
 * them (each refused with a message naming where it was), and a recorded photo.
 */
import { parse as parseDisposition } from "content-disposition";
import { imageType } from "../answers/bytes/image-type.js";
import { isRecord } from "../prism/example-catalog.js";
import { headerOf, type RecordedCall, recordedJson } from "./har-entries.js";
import type { SeedPhoto } from "./seed-plan.js";

/** The success items of a recorded JSON answer (`data[]` items, or the body itself for a photo answer). */
export function successItems(call: RecordedCall): Record<string, unknown>[] {
  const body = recordedJson(call);
  const items = isRecord(body) && Array.isArray(body.data) ? body.data : [body];
  return items.filter((item): item is Record<string, unknown> => isSuccess(item));
}

/** Whether a recorded item or answer says success. */
export function isSuccess(value: unknown): boolean {
  return isRecord(value) && value.status === "success";
}

/** A download that came back as Zoho JSON with an error in it (Zoho has sent some with 200). */
export function isErrorBody(call: RecordedCall): boolean {
  const type = headerOf(call.responseHeaders, "content-type") ?? call.content.mimeType ?? "";
  if (!/json/i.test(type) || call.content.bytes === undefined) return false;
  try {
    const body = JSON.parse(call.content.bytes.toString("utf8")) as unknown;
    const [first] = isRecord(body) && Array.isArray(body.data) ? body.data : [body];
    return isRecord(first) && first.status === "error";
  } catch {
    return false;
  }
}

/** The file name a Content-Disposition value gives, if it parses. */
export function dispositionName(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  try {
    const name = parseDisposition(header).parameters.filename;
    return name === undefined || name === "" ? undefined : name;
  } catch {
    return undefined;
  }
}

/** A Size as Zoho writes it (digits, or a number); throws naming `at`. */
export function sizeOf(value: unknown, at: string): number {
  const size = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof size === "number" && Number.isSafeInteger(size) && size >= 0) return size;
  throw new Error(`${at} must be a number of bytes (got ${JSON.stringify(value)}).`);
}

/** A time as Zoho writes it, epoch ms; throws naming `at`. */
export function timeOf(value: unknown, at: string): number {
  const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time))
    throw new Error(`${at} must be a time such as 2026-01-31T09:30:00+05:30 (got ${JSON.stringify(value)}).`);
  return time;
}

/** The photo a recorded call shows: its image, or the mock's own photo when the recording kept none. */
export function photoOf(bytes: Buffer | undefined, call: RecordedCall, uploadedName?: string): SeedPhoto {
  const fileName =
    uploadedName ?? dispositionName(headerOf(call.responseHeaders, "content-disposition")) ?? "photo.png";
  const type = bytes === undefined ? undefined : imageType(bytes);
  // No image in the recording: the mock's own photo stands in, so GET photo still answers one.
  if (bytes === undefined || type === undefined)
    return { bytes: { from: "fixture-photo" }, contentType: "image/png", fileName };
  return { bytes: { from: "bytes", bytes }, contentType: type, fileName };
}
