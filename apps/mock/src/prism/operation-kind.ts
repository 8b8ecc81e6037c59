/**
 * Which operation Prism routed a request to, as the mock's own answers see it. The spec names each
 * operation once per API line (`uploadAttachment`, `uploadAttachmentV2`); the answers only care
 * which of the kinds it is and which line's shape to answer in, and the facts module of
 * @zcrm-attachments/types says both for every operationId.
 */
import type { IHttpOperation } from "@stoplight/types";
import { type ApiLine, apiOperations, type OperationId, type OperationKind } from "@zcrm-attachments/types";
import type { RequestTarget } from "../wire/request-input.js";

/** A routed operation: which kind it is and the line it belongs to. */
export interface RoutedOperation {
  kind: OperationKind;
  line: ApiLine;
}

/** The kind and line of a routed operation, or undefined for one the spec's facts do not list (another spec). */
export function routedOperation(operation: IHttpOperation): RoutedOperation | undefined {
  const id = operation.iid;
  if (id === undefined || !Object.hasOwn(apiOperations, id)) return undefined;
  const { kind, line } = apiOperations[id as OperationId];
  return { kind, line };
}

/** The path parameters of a routed request: module, record id and (for one attachment) its id. */
export interface RecordAddress {
  module: string;
  recordId: string;
  attachmentId: string | undefined;
}

/** Reads the module, record id and attachment id from a routed request (`/crm/<v>/<module>/<id>/...`). */
export function recordAddress(target: RequestTarget): RecordAddress {
  const [, , , module = "", recordId = "", , attachmentId] = target.segments;
  return { module, recordId, attachmentId };
}
