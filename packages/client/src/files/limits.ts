/**
 * Zoho's documented limits for files, in one place so messages and checks agree. Zoho writes "MB";
 * the client reads that as MiB (1 MB = 1024 × 1024 bytes), the larger reading, so it never refuses a
 * file Zoho would take. Zoho still has the last word: a file it finds too big comes back as a 413.
 */

/** One MB as the client counts it: 1024 × 1024 bytes. */
export const BYTES_PER_MB = 1024 * 1024;

/** Largest attachment file: "Maximum allowed file size: 100 MB" (upload attachment page). */
export const MAX_ATTACHMENT_BYTES = 100 * BYTES_PER_MB;

/** Largest record photo: 10 MB (upload image page; 413 FILE_SIZE_EXCEEDS reports 10485760). */
export const MAX_PHOTO_BYTES = 10 * BYTES_PER_MB;

/** Extensions Zoho refuses for attachments ("all except .exe"), lower case, with the dot. */
export const REFUSED_EXTENSIONS: readonly string[] = [".exe"];

/** Image formats Zoho takes as record photos, as its docs name them. */
export const PHOTO_FORMATS: readonly string[] = ["PNG", "JPEG", "JPG", "GIF", "BMP"];

/** Content types of the photo formats (image/jpg and image/x-ms-bmp are aliases seen in the wild). */
export const PHOTO_CONTENT_TYPES: readonly string[] = [
  "image/png",
  "image/jpeg",
  "image/jpg",
  "image/gif",
  "image/bmp",
  "image/x-ms-bmp",
];

/**
 * Ids per bulk delete call. Zoho documents no maximum for `DELETE …/Attachments?ids=`; 100 is the
 * cap Zoho uses for `ids` elsewhere (record deletes), so the client sends at most 100 per call.
 */
export const MAX_IDS_PER_DELETE = 100;

/** Formats a byte count for messages: "104857601 bytes (100 MB)"; exact bytes, since MB rounds. */
export function formatSize(bytes: number): string {
  return `${bytes} bytes (${Math.round((bytes / BYTES_PER_MB) * 10) / 10} MB)`;
}

/** True when the name ends in a refused extension (case-insensitive; trailing dots and spaces ignored, as Windows does). */
export function hasRefusedExtension(name: string): boolean {
  const trimmed = name.replace(/[. ]+$/, "").toLowerCase();
  return REFUSED_EXTENSIONS.some((extension) => trimmed.endsWith(extension));
}

/** True for a content type Zoho accepts as a record photo (parameters such as charset ignored). */
export function isPhotoContentType(type: string): boolean {
  const essence = type.split(";")[0]?.trim().toLowerCase() ?? "";
  return PHOTO_CONTENT_TYPES.includes(essence);
}
