/**
 * Content types for uploads: the caller's, a Blob's own, or a guess from the file name. The guess
 * comes from mime-types (the jshttp project's map over mime-db, which Express and most Node servers
 * use), so .heic, .msg, .7z and the other types of that database go out with their own type;
 * an extension it does not know is sent as application/octet-stream.
 */
import { extname } from "node:path";
import { lookup } from "mime-types";

/** The type sent when nothing better is known. */
export const DEFAULT_CONTENT_TYPE = "application/octet-stream";

// type/subtype made of RFC 9110 token characters, then optional parameters without control characters.
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:\s*;[^\u0000-\u001f\u007f]*)?$/;

/** Guesses a content type from a file name's extension; undefined when the extension is unknown. */
export function contentTypeForName(name: string): string | undefined {
  // Node's idea of an extension: "json" or ".json" (a dotfile) have none, although mime-types would
  // read both as JSON.
  const extension = extname(name);
  if (extension === "") return undefined;
  const type = lookup(extension);
  return type === false ? undefined : type;
}

/** True for a syntactically valid content type; it lands in a part header, so CR/LF must never pass. */
export function isValidContentType(type: string): boolean {
  return CONTENT_TYPE.test(type);
}
