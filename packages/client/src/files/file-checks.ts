/**
 * The size and type rules every upload passes, with messages that say what to change. Shared by
 * all input kinds so a path, a Blob and a stream fail the same way.
 */
import { ZohoInputError } from "../errors/errors.js";
import { contentTypeForName, DEFAULT_CONTENT_TYPE, isValidContentType } from "./content-types.js";
import { formatSize, isPhotoContentType, PHOTO_FORMATS } from "./limits.js";

/** What the file is for: an attachment, or a record photo (stricter size and type). */
export type UploadKind = "attachment" | "photo";

/** The error for a file over the limit; `when` tells whether it was known up front or found mid-stream. */
export function tooBigError(
  kind: UploadKind,
  name: string,
  bytes: number,
  maxBytes: number,
  when = "",
): ZohoInputError {
  const size = when === "" ? `is ${formatSize(bytes)}` : `passed ${formatSize(bytes)} ${when}`;
  return new ZohoInputError(
    "file",
    `${name} ${size}, over the ${kind} limit of ${formatSize(maxBytes)} (1 MB = 1024 × 1024 bytes). ` +
      (kind === "photo" ? "Scale the image down." : "Compress or split the file."),
  );
}

/** The error for a stream that ended without a byte. */
export function emptyStreamError(name: string): ZohoInputError {
  return new ZohoInputError(
    "file",
    `The stream for ${name} ended without any bytes. Zoho's docs do not say whether empty files are accepted, ` +
      "so the client refuses to upload them.",
  );
}

/** Throws for an empty file or one over `maxBytes`. */
export function checkSize(kind: UploadKind, name: string, bytes: number, maxBytes: number): void {
  if (bytes === 0) {
    throw new ZohoInputError(
      "file",
      `${name} is empty (0 bytes). Zoho's docs do not say whether empty files are accepted, so the client ` +
        "refuses to upload them; check that the file was written completely.",
    );
  }
  if (bytes > maxBytes) throw tooBigError(kind, name, bytes, maxBytes);
}

/** Chooses the content type: the caller's, then the Blob's, then a guess from the name. Photos must be images. */
export function pickContentType(
  name: string,
  blobType: string | undefined,
  options: { contentType?: string | undefined; kind: UploadKind },
): string {
  const given = options.contentType;
  if (given !== undefined && (typeof given !== "string" || !isValidContentType(given))) {
    throw new ZohoInputError(
      "contentType",
      `contentType must be a media type such as "application/pdf" (got ${JSON.stringify(given)}).`,
    );
  }
  const type = given ?? (blobType !== undefined && blobType !== "" ? blobType : contentTypeForName(name));
  if (options.kind === "photo") {
    if (type !== undefined && isPhotoContentType(type)) return type;
    throw new ZohoInputError(
      given === undefined ? "file" : "contentType",
      `A record photo must be one of ${PHOTO_FORMATS.join(", ")}; ${name} is ${type ?? "of an unknown type"}. ` +
        (type === undefined
          ? 'Name it with its extension (e.g. "photo.png") or pass contentType.'
          : "Convert the image first."),
    );
  }
  return type ?? DEFAULT_CONTENT_TYPE;
}
