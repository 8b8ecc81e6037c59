/**
 * What every operation needs from its client, the request paths they share (filled from the spec's
 * templates in paths.ts) and the target check the downloads and deletes share. The version picked
 * at creation goes into every path; modules and ids are checked before a path is built.
 */
import type { ApiLine, ApiVersion } from "../api-versions.js";
import { checkAttachmentId, checkRecordId } from "../input/attachment-ids.js";
import type { PipelineContext } from "../pipeline/types.js";
import { fill, specPaths } from "./paths.js";

/** The client facts an operation uses; built once per client. */
export interface OperationContext {
  readonly version: ApiVersion;
  readonly line: ApiLine;
  readonly pipeline: PipelineContext;
  /** Returns the module, or throws a ZohoInputError for one this version cannot send (input/modules.ts). */
  readonly checkModule: (module: unknown) => string;
}

/** The checked arguments of a call on one attachment. */
export interface AttachmentTarget {
  module: string;
  recordId: string;
  attachmentId: string;
}

/** Checks module, record id and attachment id, in the order of the arguments. */
export function checkAttachmentTarget(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  attachmentId: unknown,
): AttachmentTarget {
  const checked = context.checkModule(module);
  return { module: checked, recordId: checkRecordId(recordId), attachmentId: checkAttachmentId(attachmentId) };
}

/** `/crm/{version}/{module}/{record}/Attachments`: list, upload, attach a link, delete several. */
export function attachmentsPath(context: OperationContext, module: string, recordId: string): string {
  return fill(specPaths[context.line].attachments, context.version, { module, record_id: recordId });
}

/** `/crm/{version}/{module}/{record}/Attachments/{id}`: download or delete one attachment. */
export function attachmentPath(context: OperationContext, target: AttachmentTarget): string {
  const params = { module: target.module, record_id: target.recordId, attachment_id: target.attachmentId };
  return fill(specPaths[context.line].attachment, context.version, params);
}

/** `/crm/{version}/{module}/{record}/photo`: a record's photo. */
export function photoPath(context: OperationContext, module: string, recordId: string): string {
  return fill(specPaths[context.line].photo, context.version, { module, record_id: recordId });
}
