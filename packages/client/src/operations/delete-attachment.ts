/**
 * Delete one attachment: `DELETE …/Attachments/{id}`. Zoho answers 200 with one SUCCESS item; an id
 * it does not know (or deleted already) answers 400 INVALID_DATA "record not deleted", thrown as a
 * ZohoApiError. DELETE is idempotent, so it is retried like a GET.
 */
import type { DeleteAttachmentResult, DeleteAttachmentsResponse } from "@zcrm-attachments/types";
import { apiErrorFromResponse } from "../errors/from-response.js";
import { checkCallOptions } from "../input/call-options.js";
import type { ZohoResponseMeta } from "../response-meta.js";
import { sendJsonCall } from "./json-call.js";
import { isDataEnvelope, readJsonBody } from "./json-result.js";
import { attachmentPath, checkAttachmentTarget, type OperationContext } from "./operation-context.js";

/** An attachment deleted. */
export interface DeleteResult {
  status: 200;
  /** `body.data[0]`: code SUCCESS, `details.id` the deleted attachment's id. */
  data: DeleteAttachmentResult;
  /** The whole answer. */
  body: DeleteAttachmentsResponse;
  headers: Headers;
  /** Zoho's token and limit headers, parsed. */
  meta: ZohoResponseMeta;
}

const METHOD = "DELETE";

/** Deletes one attachment; see the file header. */
export async function deleteAttachment(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  attachmentId: unknown,
  input: unknown,
): Promise<DeleteResult> {
  const target = checkAttachmentTarget(context, module, recordId, attachmentId);
  const options = checkCallOptions(input, []);
  const result = await sendJsonCall(context, METHOD, attachmentPath(context, target), options);
  const body = readJsonBody<DeleteAttachmentsResponse>(
    METHOD,
    result,
    isDataEnvelope,
    "{data: [{code, details: {id}, message, status}]}",
  );
  const first = body.data[0];
  // The union's error member: a 200 that still refuses (Zoho's per-item form).
  if (first === undefined || first.status !== "success") throw apiErrorFromResponse(METHOD, result);
  return { status: 200, data: first, body, headers: result.response.headers, meta: result.meta };
}
