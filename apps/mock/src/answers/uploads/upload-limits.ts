/**
 * The limits the mock holds uploads to. Zoho's own (the largest file, the largest photo) come from
 * the spec through @zcrm-attachments/types; what is added here is the mock's mechanics: room for
 * the multipart framing around a file, and how much of a refused body it still drains.
 */
import { limits } from "@zcrm-attachments/types";

/** The largest attachment file Zoho takes (FILE_SIZE_MORE_THAN_ALLOWED_SIZE beyond), from the spec. */
export const ATTACHMENT_FILE_LIMIT: number = limits.attachment.fileBytes;

/** The largest record photo Zoho takes (FILE_SIZE_EXCEEDS beyond), from the spec. */
export const PHOTO_FILE_LIMIT: number = limits.photo.fileBytes;

/**
 * Room for the multipart framing around a file: part headers, boundaries and small fields. A body
 * may exceed the file limit by this much, so that a file of exactly the limit still fits.
 */
export const MULTIPART_OVERHEAD_LIMIT = 64 * 1024;

/** The largest request body of any upload: the attachment file limit plus framing (BODY_SIZE_REACHED beyond). */
export const UPLOAD_BODY_LIMIT = ATTACHMENT_FILE_LIMIT + MULTIPART_OVERHEAD_LIMIT;

/**
 * After refusing an upload part-way, the mock goes on reading (and discarding) at most this much
 * more of the body, so that a client that insists on sending everything before it reads the
 * answer still gets it; a client that sends more than that is disconnected.
 */
export const DRAIN_LIMIT = UPLOAD_BODY_LIMIT;

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
