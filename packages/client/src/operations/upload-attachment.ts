/**
 * Upload a file attachment: `POST …/Attachments` with one multipart part named `file`. The file is
 * checked (exists, not empty, within `limits.attachment`, a usable name and type) before anything is
 * sent, then streamed: a path is read chunk by chunk as the socket takes it, never whole.
 */
import type { components, UploadAttachmentResponse } from "@zcrm-attachments/types";
import { apiErrorFromResponse } from "../errors/from-response.js";
import type { FileInput } from "../files/file-source.js";
import { MAX_ATTACHMENT_BYTES } from "../files/limits.js";
import { checkRecordId } from "../input/attachment-ids.js";
import { type CallOptions, checkCallOptions } from "../input/call-options.js";
import type { PipelineResult } from "../pipeline/types.js";
import type { ZohoResponseMeta } from "../response-meta.js";
import { invalidResponse, isDataEnvelope, readJsonBody } from "./json-result.js";
import { attachmentsPath, type OperationContext } from "./operation-context.js";
import { fileUploadBody, sendMultipart } from "./send-multipart.js";

/** Options of uploadAttachment. */
export interface UploadAttachmentOptions extends CallOptions {
  /** The name Zoho shows (File_Name); required for bytes and streams, else the path's or File's own name. */
  fileName?: string;
  /** The part's content type; otherwise the Blob's type or a guess from the name (application/octet-stream). */
  contentType?: string;
}

/** The SUCCESS item of an upload answer: `details.id` is the new attachment's id (an error item is thrown). */
export type UploadedAttachment = components["schemas"]["UploadAttachmentResult"];

/** A file or link attached (Zoho answers 200, not 201). */
export interface UploadResult {
  status: 200;
  /** `body.data[0]`: code SUCCESS, `details.id` the new attachment's id. */
  data: UploadedAttachment;
  /** The whole answer. */
  body: UploadAttachmentResponse;
  headers: Headers;
  /** Zoho's token and limit headers, parsed. */
  meta: ZohoResponseMeta;
}

const METHOD = "POST";
const EXPECTED = '{data: [{code: "SUCCESS", details: {id}, message, status}]}';

/** Turns an upload's final response into its result, or throws its ZohoApiError. */
export function uploadResult(result: PipelineResult): UploadResult {
  if (result.response.status !== 200) throw apiErrorFromResponse(METHOD, result);
  const body = readJsonBody<UploadAttachmentResponse>(METHOD, result, isDataEnvelope, EXPECTED);
  const first = body.data[0] as Record<string, unknown> | undefined;
  // A 200 that carries an error item (Zoho refused this attachment after taking the request, such as
  // DUPLICATE_DATA for a link attached twice) is a refusal: its code, message and details, status 200.
  if (first?.status === "error") throw apiErrorFromResponse(METHOD, result);
  // An item without an id would leave callers with nothing to refer to the attachment by.
  const details = first?.details as Record<string, unknown> | undefined;
  if (first === undefined || typeof details?.id !== "string") throw invalidResponse(METHOD, result, EXPECTED);
  return { status: 200, data: first as UploadedAttachment, body, headers: result.response.headers, meta: result.meta };
}

/** Uploads one file to a record's attachments; see the file header. */
export async function uploadAttachment(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  file: FileInput,
  input: unknown,
): Promise<UploadResult> {
  const checked = context.checkModule(module);
  const record = checkRecordId(recordId);
  const options = checkCallOptions(input, ["fileName", "contentType"]);
  const body = await fileUploadBody(file, options, MAX_ATTACHMENT_BYTES, "attachment");
  const result = await sendMultipart(context, attachmentsPath(context, checked, record), body, options);
  return uploadResult(result);
}
