/**
 * Attach a link: the same `POST …/Attachments` as a file upload, with `attachmentUrl` (and, from v5
 * on, `title`) instead of a file. Zoho's docs send them as multipart fields ("form", the default);
 * Zoho's SDKs send them in the query with no body ("query"). Both are in the contract.
 */
import { ZohoInputError } from "../errors/errors.js";
import { createMultipartBody, type MultipartField } from "../files/multipart-body.js";
import { checkRecordId } from "../input/attachment-ids.js";
import { type CallOptions, checkCallOptions, optionalString } from "../input/call-options.js";
import { checkLinkTitle, checkLinkUrl } from "../input/link-checks.js";
import { sendJsonCall } from "./json-call.js";
import { attachmentsPath, type OperationContext } from "./operation-context.js";
import { withQuery } from "./paths.js";
import { sendMultipart } from "./send-multipart.js";
import { type UploadResult, uploadResult } from "./upload-attachment.js";

/** How the link travels: as multipart form fields (Zoho's docs) or as query parameters (Zoho's SDKs). */
export type LinkEncoding = "form" | "query";

/** Options of attachLink. */
export interface AttachLinkOptions extends CallOptions {
  /** The title Zoho shows for the link, up to `limits.link.titleMaxLength` characters (v5 and later; else Zoho uses the page's title). */
  title?: string;
  /** "form" (default) or "query". */
  via?: LinkEncoding;
}

function checkVia(value: unknown): LinkEncoding {
  if (value === undefined) return "form";
  if (value === "form" || value === "query") return value;
  throw new ZohoInputError(
    "via",
    `via must be "form" (multipart fields, as Zoho's docs send them) or "query" (as Zoho's SDKs send them); got ${JSON.stringify(value)}.`,
  );
}

/** Attaches a URL to a record; see the file header. */
export async function attachLink(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  url: unknown,
  input: unknown,
): Promise<UploadResult> {
  const checked = context.checkModule(module);
  const record = checkRecordId(recordId);
  const options = checkCallOptions(input, ["title", "via"]);
  const link = checkLinkUrl(url);
  const title = checkLinkTitle(optionalString(options.values, "title"), context.version);
  const via = checkVia(options.values.via);
  const path = attachmentsPath(context, checked, record);
  if (via === "form") {
    const fields: MultipartField[] = [{ name: "attachmentUrl", value: link }];
    if (title !== undefined) fields.push({ name: "title", value: title });
    return uploadResult(await sendMultipart(context, path, createMultipartBody(fields), options));
  }
  let query = `attachmentUrl=${encodeURIComponent(link)}`;
  if (title !== undefined) query += `&title=${encodeURIComponent(title)}`;
  return uploadResult(await sendJsonCall(context, "POST", withQuery(path, query), options));
}
