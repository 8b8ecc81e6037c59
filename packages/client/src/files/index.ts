/**
 * File handling for uploads, downloads, deletes and photos: checked inputs, streaming multipart
 * bodies, download names and atomic writes. The client methods are built from these.
 */

export { checkAttachmentId, checkIdList, chunkIds } from "../input/attachment-ids.js";
export { type CustomModulePredicate, checkPhotoModule, isPhotoModule, PHOTO_MODULES } from "../input/photo-modules.js";
export { type WriteAtomicallyOptions, type WrittenFile, writeAtomically, ZohoBodyLengthError } from "./atomic-file.js";
export { type ParsedDisposition, parseContentDisposition, safeFileName } from "./content-disposition.js";
export { contentTypeForName, DEFAULT_CONTENT_TYPE, isValidContentType } from "./content-types.js";
export { type CheckedDestination, checkDestination } from "./destination.js";
export type { UploadKind } from "./file-checks.js";
export { type FileInput, type FileSource, type FileSourceOptions, resolveFileSource } from "./file-source.js";
export {
  BYTES_PER_MB,
  formatSize,
  hasRefusedExtension,
  isPhotoContentType,
  MAX_ATTACHMENT_BYTES,
  MAX_IDS_PER_DELETE,
  MAX_PHOTO_BYTES,
  PHOTO_CONTENT_TYPES,
  PHOTO_FORMATS,
  REFUSED_EXTENSIONS,
} from "./limits.js";
export {
  createMultipartBody,
  type MultipartBody,
  type MultipartField,
  type MultipartRequestInit,
  multipartRequestInit,
} from "./multipart-body.js";
