/**
 * Which operation Prism routed a request to, as the mock's own answers see it. The spec names each
 * operation once per API line (`uploadAttachment`, `uploadAttachmentV2`); the answers only care
 * which of the kinds it is and which line's shape to answer in, and the facts module of
 * @zcrm-attachments/types says both for every operationId.
 */
import type { IHttpOperation } from "@stoplight/types";
import {
  type ApiLine,
  apiOperations,
  type knownModules,
  type OperationId,
  type OperationKind,
} from "@zcrm-attachments/types";
import type { RequestTarget } from "../wire/request-input.js";

/** The resource a record's path names after its id: its attachments or its photo. */
export type RecordResource = keyof (typeof knownModules)[ApiLine];

/** A routed operation: which kind it is, the line it belongs to and the resource its path names. */
export interface RoutedOperation {
  kind: OperationKind;
  line: ApiLine;
  resource: RecordResource;
}

// In a spec path (`/crm/v8/{module}/{record_id}/Attachments/...`), the segment after the record id.
const RESOURCE_SEGMENT = 5;

/** The kind and line of a routed operation, or undefined for one the spec's facts do not list (another spec). */
export function routedOperation(operation: IHttpOperation): RoutedOperation | undefined {
  const id = operation.iid;
  if (id === undefined || !Object.hasOwn(apiOperations, id)) return undefined;
  const { kind, line, path } = apiOperations[id as OperationId];
  return { kind, line, resource: path.split("/")[RESOURCE_SEGMENT] as RecordResource };
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
