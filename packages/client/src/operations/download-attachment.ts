/**
 * Download one attachment: `GET …/Attachments/{id}`, its bytes as a stream. A link attachment has no
 * bytes (Zoho answers 400 DOWNLOAD_NOT_ALLOWED, thrown as a ZohoApiError); an id Zoho does not know
 * may answer 204, returned as `{ status: 204, body: null }`.
 */
import { checkCallOptions } from "../input/call-options.js";
import { type DownloadResult, sendDownload } from "./download.js";
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
  const options = checkCallOptions(input, []);
  return sendDownload(context, attachmentPath(context, target), options);
}
