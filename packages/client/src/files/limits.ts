/**
 * Zoho's file limits as the spec states them (`limits` of @zcrm-attachments/types), with the few
 * functions the checks and messages share. Zoho writes "MB"; the spec reads that as MiB (1 MB =
 * 1024 × 1024 bytes), the larger reading, so the client never refuses a file Zoho would take. Zoho
 * still has the last word: a file it finds too big comes back as a 413.
 */
import { limits } from "@zcrm-attachments/types";

/** One MB as the client counts it: 1024 × 1024 bytes. */
export const BYTES_PER_MB = 1024 * 1024;

/** Largest attachment file (the upload attachment page's "Maximum allowed file size"). */
export const MAX_ATTACHMENT_BYTES: number = limits.attachment.fileBytes;

/** Largest record photo (the upload image page; 413 FILE_SIZE_EXCEEDS reports the same number). */
export const MAX_PHOTO_BYTES: number = limits.photo.fileBytes;

/** Extensions Zoho refuses for attachments, lower case, with the dot. */
export const REFUSED_EXTENSIONS: readonly string[] = limits.attachment.refusedExtensions;

/** Content types of the photo formats (the spec lists the aliases seen in the wild, image/jpg and image/x-ms-bmp, too). */
export const PHOTO_CONTENT_TYPES: readonly string[] = limits.photo.contentTypes;

/** Image formats Zoho takes as record photos, as its docs name them (PNG, JPEG, ...): the types' subtypes, aliases left out. */
export const PHOTO_FORMATS: readonly string[] = [
  ...new Set(
    PHOTO_CONTENT_TYPES.map((type) => type.slice(type.indexOf("/") + 1))
      .filter((subtype) => !subtype.startsWith("x-"))
      .map((subtype) => subtype.toUpperCase()),
  ),
];

/** Formats a byte count for messages: "157286400 bytes (150 MB)"; exact bytes, since MB rounds. */
export function formatSize(bytes: number): string {
  return `${bytes} bytes (${Math.round((bytes / BYTES_PER_MB) * 10) / 10} MB)`;
}

/**
 * True when the name ends in a refused extension (case-insensitive; trailing dots and spaces ignored,
 * as Windows does). The types package's rule, which the mock applies too, so both refuse the same names.
 */
export { hasRefusedExtension } from "@zcrm-attachments/types";

/** True for a content type Zoho accepts as a record photo (parameters such as charset ignored). */
export function isPhotoContentType(type: string): boolean {
  const essence = type.split(";")[0]?.trim().toLowerCase() ?? "";
  return PHOTO_CONTENT_TYPES.includes(essence);
}
