/**
 * Which operation Prism routed a request to, as the mock's own answers see it. The spec names each
 * operation once per API line (`uploadAttachment`, `uploadAttachmentV2`); the answers only care
 * which of the eight it is and which line's shape to answer in.
 */
import type { IHttpOperation } from "@stoplight/types";

/** The eight attachment and photo operations, by their current-line operationId. */
export type OperationKind =
  | "listAttachments"
  | "uploadAttachment"
  | "deleteAttachments"
  | "downloadAttachment"
  | "deleteAttachment"
  | "getPhoto"
  | "uploadPhoto"
  | "deletePhoto";

const KINDS: ReadonlySet<string> = new Set<OperationKind>([
  "listAttachments",
  "uploadAttachment",
  "deleteAttachments",
  "downloadAttachment",
  "deleteAttachment",
  "getPhoto",
  "uploadPhoto",
  "deletePhoto",
]);

/** Which operation a routed request is, or undefined for one the mock leaves to Prism entirely. */
export function operationKind(operation: IHttpOperation): OperationKind | undefined {
  const id = operation.iid ?? "";
  const kind = id.endsWith("V2") ? id.slice(0, -2) : id;
  return KINDS.has(kind) ? (kind as OperationKind) : undefined;
}

/** Whether the operation belongs to the v2 line (v2, v2.1) rather than the current one (v3 to v8). */
export function isV2Line(operation: IHttpOperation): boolean {
  return operation.path.startsWith("/crm/v2/");
}

/**
 * The API version a request asked for, as a number (2, 2.1, 3 ... 8), read from the original
 * path before it was rewritten to the spec's line; 8 when the path carries none the mock knows.
 */
export function requestedVersion(url: string | undefined): number {
  const match = /^\/crm\/v(\d+(?:\.\d+)?)\//.exec(url ?? "");
  return match?.[1] === undefined ? 8 : Number(match[1]);
}

/** The path parameters of a routed request: module, record id and (for one attachment) its id. */
export interface RecordAddress {
  module: string;
  recordId: string;
  attachmentId: string | undefined;
}

/** Reads the module, record id and attachment id from a request path (`/crm/<v>/<module>/<id>/...`). */
export function recordAddress(path: string): RecordAddress {
  const [, , , module = "", recordId = "", , attachmentId] = path.split("/");
  // No decoding: Prism has already checked these against the spec (module names, digits only).
  return { module, recordId, attachmentId };
}
