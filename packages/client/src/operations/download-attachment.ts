/**
 * Download one attachment: `GET …/Attachments/{id}`, its bytes as a stream. A link attachment has no
 * bytes (Zoho answers 400 DOWNLOAD_NOT_ALLOWED, thrown as a ZohoApiError); an id Zoho does not know
 * may answer 204, returned as `{ status: 204, body: null }`.
 */
import { checkAttachmentId } from "../input/attachment-ids.js";
import { checkCallOptions } from "../input/call-options.js";
import { checkRecordId } from "../input/list-options.js";
import { type DownloadResult, sendDownload } from "./download.js";
import { attachmentPath, type OperationContext } from "./operation-context.js";

/** The checked arguments of an attachment download. */
export interface AttachmentTarget {
  module: string;
  recordId: string;
  attachmentId: string;
}

/** Checks module, record id and attachment id, in the order of the arguments. */
export function checkAttachmentTarget(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  attachmentId: unknown,
): AttachmentTarget {
  context.checkModule(module);
  return { module: module as string, recordId: checkRecordId(recordId), attachmentId: checkAttachmentId(attachmentId) };
}

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
  return sendDownload(context, attachmentPath(context, target.module, target.recordId, target.attachmentId), options);
}
