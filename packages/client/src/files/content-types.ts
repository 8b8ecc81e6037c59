/**
 * Content types for uploads: the caller's, a Blob's own, or a guess from the file name. The guess
 * table is small on purpose: Zoho stores what it is sent, so an unknown extension is sent as
 * application/octet-stream rather than pulling in a MIME database.
 */
import { extname } from "node:path";

const BY_EXTENSION: Readonly<Record<string, string>> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".bmp": "image/bmp",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".html": "text/html",
  ".json": "application/json",
  ".xml": "application/xml",
  ".zip": "application/zip",
  ".gz": "application/gzip",
  ".rtf": "application/rtf",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xls": "application/vnd.ms-excel",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".ppt": "application/vnd.ms-powerpoint",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".ods": "application/vnd.oasis.opendocument.spreadsheet",
  ".eml": "message/rfc822",
  ".mp3": "audio/mpeg",
  ".mp4": "video/mp4",
};

/** The type sent when nothing better is known. */
export const DEFAULT_CONTENT_TYPE = "application/octet-stream";

// type/subtype made of RFC 9110 token characters, then optional parameters without control characters.
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:\s*;[^\u0000-\u001f\u007f]*)?$/;

/** Guesses a content type from a file name's extension; undefined when the extension is unknown. */
export function contentTypeForName(name: string): string | undefined {
  return BY_EXTENSION[extname(name).toLowerCase()];
}

/** True for a syntactically valid content type; it lands in a part header, so CR/LF must never pass. */
export function isValidContentType(type: string): boolean {
  return CONTENT_TYPE.test(type);
}
