/**
 * The Content-Type an attachment download goes out with. Zoho documents none. Zoho's v2 API
 * definitions (the ones its v2 SDK is generated from) declare `application/x-download`, and that
 * SDK parses a `text/plain` answer as JSON, so a text file served as text breaks it: downloads on
 * the v2 line are `application/x-download` whatever the file. On the current line a file keeps
 * its own type, which Zoho's v8 SDK uses to pick its file reader. Record photos are not affected:
 * they always go out as the image they are.
 */
import { extname } from "node:path";
import type { ApiLine } from "@zcrm-attachments/types";

/** The type of every attachment download on the v2 line (the spec's downloadAttachmentV2 says why). */
export const V2_DOWNLOAD_TYPE = "application/x-download";

/** The type of a file whose own type is unknown. */
export const UNKNOWN_TYPE = "application/octet-stream";

// A guess for the common extensions, used only when the upload did not say; an unknown extension
// stays application/octet-stream rather than pulling in a MIME database for a mock.
const BY_EXTENSION: Readonly<Record<string, string>> = {
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".html": "text/html",
  ".json": "application/json",
  ".xml": "application/xml",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".bmp": "image/bmp",
  ".zip": "application/zip",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The type to keep for an uploaded file: the one its part declared, else a guess from its name,
 * else {@link UNKNOWN_TYPE}. busboy reports a part without Content-Type as `text/plain`, so that
 * value cannot tell "declared text" from "declared nothing" and counts as the latter: the name
 * decides (a `.txt` stays text, a `.pdf` sent without a type is a PDF, `README` is unknown).
 */
export function uploadedFileType(declared: string, fileName: string): string {
  if (declared !== "" && declared !== "text/plain") return declared;
  return BY_EXTENSION[extname(fileName).toLowerCase()] ?? UNKNOWN_TYPE;
}

/** The Content-Type of an attachment download on `line`, for a file whose own type is `ownType`. */
export function downloadType(line: ApiLine, ownType: string): string {
  if (line === "v2") return V2_DOWNLOAD_TYPE;
  return ownType === "" ? UNKNOWN_TYPE : ownType;
}
