/**
 * A record's photo: `GET|POST|DELETE …/{module}/{record}/photo`. Only the spec's standard photo
 * modules (Leads, Contacts, Accounts, Products, Vendors) and custom modules have photos; any other
 * module is refused before anything is sent (input/photo-modules.ts). Uploads take the spec's photo
 * types within `limits.photo`; Zoho answers uploads and deletes with a bare
 * `{code, details, message, status}` (no `data` array). A record without a photo downloads as 204.
 */
import type { PhotoActionResponse, RestrictTrigger } from "@zcrm-attachments/types";
import { apiErrorFromResponse } from "../errors/from-response.js";
import type { FileInput } from "../files/file-source.js";
import { MAX_PHOTO_BYTES } from "../files/limits.js";
import { checkRecordId } from "../input/attachment-ids.js";
import { type CallOptions, checkCallOptions } from "../input/call-options.js";
import { checkPhotoModule } from "../input/photo-modules.js";
import { restrictTriggersQuery } from "../input/restrict-triggers.js";
import { isRecord } from "../json.js";
import type { PipelineResult } from "../pipeline/types.js";
import type { ZohoResponseMeta } from "../response-meta.js";
import { checkMaxBytes, type DownloadResult, sendDownload } from "./download.js";
import { sendJsonCall } from "./json-call.js";
import { readJsonBody } from "./json-result.js";
import { type OperationContext, photoPath } from "./operation-context.js";
import { withQuery } from "./paths.js";
import { fileUploadBody, sendMultipart } from "./send-multipart.js";

/** A photo set or removed. */
export interface PhotoResult {
  status: 200;
  /** Zoho's answer: code SUCCESS and a message. */
  data: PhotoActionResponse;
  headers: Headers;
  /** Zoho's token and limit headers, parsed. */
  meta: ZohoResponseMeta;
}

/** Options of uploadPhoto; `T` is the version's triggers (the v2 line: only "workflow"). */
export interface UploadPhotoOptions<T extends string = RestrictTrigger> extends CallOptions {
  /** The image's name; required for bytes and streams, else the path's or File's own name. */
  fileName?: string;
  /** image/png, image/jpeg, image/gif or image/bmp; otherwise the Blob's type or a guess from the name. */
  contentType?: string;
  /** Automation to skip for this change, e.g. ["workflow"]. */
  restrictTriggers?: readonly T[];
}

/** Options of deletePhoto; `T` is the version's triggers (the v2 delete takes none). */
export interface DeletePhotoOptions<T extends string = RestrictTrigger> extends CallOptions {
  /** Automation to skip for this change, e.g. ["workflow"]. */
  restrictTriggers?: readonly T[];
}

function isPhotoAnswer(body: unknown): boolean {
  return isRecord(body) && typeof body.code === "string" && typeof body.status === "string";
}

function photoResult(method: string, result: PipelineResult): PhotoResult {
  if (result.response.status !== 200) throw apiErrorFromResponse(method, result);
  const data = readJsonBody<PhotoActionResponse>(
    method,
    result,
    isPhotoAnswer,
    '{code: "SUCCESS", details: {}, message, status}',
  );
  if (data.status !== "success") throw apiErrorFromResponse(method, result);
  return { status: 200, data, headers: result.response.headers, meta: result.meta };
}

function checkPhotoTarget(context: OperationContext, module: unknown, recordId: unknown): string {
  const checked = checkPhotoModule(module, context.line);
  return photoPath(context, checked, checkRecordId(recordId));
}

/** Downloads a record's photo (204: it has none), at most Zoho's photo limit unless `maxBytes` says otherwise; see download.ts. */
export async function getPhoto(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  input: unknown,
): Promise<DownloadResult> {
  const path = checkPhotoTarget(context, module, recordId);
  const options = checkCallOptions(input, ["maxBytes"]);
  return sendDownload(context, path, options, checkMaxBytes(options.values.maxBytes, MAX_PHOTO_BYTES));
}

/** Sets or replaces a record's photo. */
export async function uploadPhoto(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  file: FileInput,
  input: unknown,
): Promise<PhotoResult> {
  const path = checkPhotoTarget(context, module, recordId);
  const options = checkCallOptions(input, ["fileName", "contentType", "restrictTriggers"]);
  const query = restrictTriggersQuery(options.values.restrictTriggers, context.line);
  const body = await fileUploadBody(file, options, MAX_PHOTO_BYTES, "photo");
  return photoResult("POST", await sendMultipart(context, withQuery(path, query), body, options));
}

/** Removes a record's photo (Zoho answers 400 INVALID_DATA when it has none). */
export async function deletePhoto(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  input: unknown,
): Promise<PhotoResult> {
  const path = checkPhotoTarget(context, module, recordId);
  const options = checkCallOptions(input, ["restrictTriggers"]);
  const query = restrictTriggersQuery(options.values.restrictTriggers, context.line, context.line !== "v2");
  return photoResult("DELETE", await sendJsonCall(context, "DELETE", withQuery(path, query), options));
}
