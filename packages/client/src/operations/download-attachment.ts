/**
 * Download one attachment: `GET …/Attachments/{id}`, its bytes as a stream. A link attachment has no
 * bytes (Zoho answers 400 DOWNLOAD_NOT_ALLOWED, thrown as a ZohoApiError); an id Zoho does not know
 * may answer 204, returned as `{ status: 204, body: null }`. The bytes are capped at Zoho's largest
 * attachment (`limits.attachment.fileBytes`) unless `maxBytes` says otherwise.
 */
import { limits } from "@zcrm-attachments/types";
import { checkCallOptions } from "../input/call-options.js";
import { checkMaxBytes, type DownloadResult, sendDownload } from "./download.js";
import { attachmentPath, checkAttachmentTarget, type OperationContext } from "./operation-context.js";

/** Streams one attachment; see the file header and download.ts. */
export async function downloadAttachment(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  attachmentId: unknown,
  input: unknown,
): Promise<DownloadResult> {
  const target = checkAttachmentTarget(context, module, recordId, attachmentId);
  const options = checkCallOptions(input, ["maxBytes"]);
  const maxBytes = checkMaxBytes(options.values.maxBytes, limits.attachment.fileBytes);
  return sendDownload(context, attachmentPath(context, target), options, maxBytes);
}
