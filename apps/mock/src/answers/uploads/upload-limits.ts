/**
 * Zoho's documented limits on uploads, as the mock enforces them. "100 MB" and "10 MB" in Zoho's
 * pages are taken as binary megabytes (MiB): the photo error's own example names 10485760 bytes.
 */

const MIB = 1024 * 1024;

/** The largest attachment file Zoho takes: 100 MiB (FILE_SIZE_MORE_THAN_ALLOWED_SIZE beyond). */
export const ATTACHMENT_FILE_LIMIT = 100 * MIB;

/** The largest record photo Zoho takes: 10 MiB (FILE_SIZE_EXCEEDS beyond). */
export const PHOTO_FILE_LIMIT = 10 * MIB;

/**
 * Room for the multipart framing around a file: part headers, boundaries and small fields. A body
 * may exceed the file limit by this much, so that a file of exactly the limit still fits.
 */
export const MULTIPART_OVERHEAD_LIMIT = 64 * 1024;

/** The largest request body of any upload: 100 MiB plus framing (BODY_SIZE_REACHED beyond). */
export const UPLOAD_BODY_LIMIT = ATTACHMENT_FILE_LIMIT + MULTIPART_OVERHEAD_LIMIT;

/**
 * After refusing an upload part-way, the mock goes on reading (and discarding) at most this much
 * more of the body, so that a client that insists on sending everything before it reads the
 * answer still gets it; a client that sends more than that is disconnected.
 */
export const DRAIN_LIMIT = UPLOAD_BODY_LIMIT;

/** The longest `attachmentUrl` the spec allows. */
export const ATTACHMENT_URL_MAX_LENGTH = 3000;

/** The longest link `title` the spec allows. */
export const LINK_TITLE_MAX_LENGTH = 255;

/** The limits one upload operation applies. */
export interface UploadLimits {
  /** The largest file part, in bytes. */
  fileBytes: number;
  /** The largest whole body, in bytes. */
  bodyBytes: number;
}

/** The limits of attachment uploads (files and links). */
export const ATTACHMENT_LIMITS: UploadLimits = { fileBytes: ATTACHMENT_FILE_LIMIT, bodyBytes: UPLOAD_BODY_LIMIT };

/** The limits of photo uploads: a smaller file, the same body ceiling. */
export const PHOTO_LIMITS: UploadLimits = { fileBytes: PHOTO_FILE_LIMIT, bodyBytes: UPLOAD_BODY_LIMIT };
