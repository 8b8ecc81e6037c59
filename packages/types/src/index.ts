/**
 * Types of Zoho CRM's Files and Attachments API, generated from the zcrm-attachments contract.
 * `paths` feeds openapi-fetch; the aliases below name the schemas users meet most.
 */
import type { components } from "./generated/openapi.gen.js";

export * from "./facts.js";
export type { components, operations, paths } from "./generated/openapi.gen.js";
export {
  knownErrorCodeValues,
  restrictTriggersV2Values,
  restrictTriggersValues,
  standardModuleV2Values,
  standardModuleValues,
  standardPhotoModuleValues,
} from "./generated/openapi.gen.js";

type Schemas = components["schemas"];

/** One file or link on a record's Attachments related list. */
export type Attachment = Schemas["Attachment"];
/** A CRM user as Zoho embeds one in a record. */
export type UserReference = Schemas["UserReference"];
/** Paging facts of a v2 list response. */
export type ListInfoV2 = Schemas["ListInfoV2"];
/** Paging facts of a current-line (v3 to v8) list response. */
export type ListInfo = Schemas["ListInfo"];
/** Zoho's request-level error body. */
export type ErrorResponse = Schemas["ErrorResponse"];
/** The error codes the contract documents; Zoho may send others. */
export type KnownErrorCode = Schemas["KnownErrorCode"];
/** Standard modules that take attachments on the v2 line. */
export type StandardModuleV2 = Schemas["StandardModuleV2"];
/** Standard modules that take attachments on the current line (v3 to v8). */
export type StandardModule = Schemas["StandardModule"];
/** The answer to an upload (a file or a link): `data` holds one SUCCESS item. */
export type UploadAttachmentResponse = Schemas["UploadAttachmentResponse"];
/** The answer to a delete (one or several attachments): one item per id. */
export type DeleteAttachmentsResponse = Schemas["DeleteAttachmentsResponse"];
/** One deleted attachment in a delete answer. */
export type DeleteAttachmentResult = Schemas["DeleteAttachmentResult"];
/** The answer to a photo upload or delete (not wrapped in `data`). */
export type PhotoActionResponse = Schemas["PhotoActionResponse"];
/** Modules whose records can carry a photo. */
export type PhotoModule = Schemas["PhotoModule"];
/** Automation a photo change may skip (v3 to v8). */
export type RestrictTrigger = Schemas["RestrictTriggers"][number];
