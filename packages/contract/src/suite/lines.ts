/**
 * The two API lines the spec describes and the operations each carries. The v2 line's operationIds
 * end in "V2"; everything else about an operation is the same on both lines.
 */

/** The API lines, with the version each case calls them at by default. */
export const LINES = {
  v2: { version: "v2", otherVersion: "v2.1", fields: undefined },
  v8: { version: "v8", otherVersion: "v5", fields: ["id", "Owner", "File_Name", "Created_Time", "Parent_Id"] },
} as const;
export type Line = keyof typeof LINES;

/** Every attachment and photo operation, by its v8-line operationId. */
export const OPERATION_NAMES = [
  "listAttachments",
  "uploadAttachment",
  "deleteAttachments",
  "downloadAttachment",
  "deleteAttachment",
  "getPhoto",
  "uploadPhoto",
  "deletePhoto",
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** The spec's operationId of an operation on a line. */
export function operationIdOf(name: OperationName, line: Line): string {
  return line === "v2" ? `${name}V2` : name;
}

/** How a row's operation is labelled in reports: "uploadAttachmentV2 (v2 line)". */
export function operationLabel(name: OperationName | "workflow", line: Line): string {
  return `${name === "workflow" ? "workflow" : operationIdOf(name, line)} (${line} line)`;
}
