/**
 * Types of Zoho CRM's Files and Attachments API, generated from the zcrm-attachments contract.
 * `paths` feeds openapi-fetch; the aliases below name the schemas users meet most.
 */
import type { components } from "./generated/openapi.gen.js";

export type { components, operations, paths } from "./generated/openapi.gen.js";
export { knownErrorCodeValues, standardModuleV2Values, standardModuleValues } from "./generated/openapi.gen.js";

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
