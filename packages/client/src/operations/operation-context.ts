/**
 * What every operation needs from its client, and the request paths they share. The version picked
 * at creation goes into every path; modules and ids are checked before they get here.
 */
import type { ApiLine, ApiVersion } from "../api-versions.js";
import type { CustomModulePredicate } from "../input/photo-modules.js";
import type { PipelineContext } from "../pipeline/send.js";

/** The client facts an operation uses; built once per client. */
export interface OperationContext {
  readonly version: ApiVersion;
  readonly line: ApiLine;
  readonly pipeline: PipelineContext;
  /** Throws a ZohoInputError for a module that takes no attachments on this version. */
  readonly checkModule: (module: unknown) => void;
  /** True for the org's own custom modules (the client's customModules option), which may have photos. */
  readonly isCustomModule: CustomModulePredicate;
}

/** `/crm/{version}/{module}/{record}/Attachments`: list, upload, attach a link, delete several. */
export function attachmentsPath(context: OperationContext, module: string, recordId: string): string {
  return `/crm/${context.version}/${encodeURIComponent(module)}/${recordId}/Attachments`;
}

/** `/crm/{version}/{module}/{record}/Attachments/{id}`: download or delete one attachment. */
export function attachmentPath(
  context: OperationContext,
  module: string,
  recordId: string,
  attachmentId: string,
): string {
  return `${attachmentsPath(context, module, recordId)}/${attachmentId}`;
}

/** `/crm/{version}/{module}/{record}/photo`: a record's photo. */
export function photoPath(context: OperationContext, module: string, recordId: string): string {
  return `/crm/${context.version}/${encodeURIComponent(module)}/${recordId}/photo`;
}

/** Appends a query string (already encoded) to a path, when there is one. */
export function withQuery(path: string, query: string): string {
  return query === "" ? path : `${path}?${query}`;
}
