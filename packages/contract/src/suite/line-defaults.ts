/**
 * The suite's choices per API line: the version a line's rows are called at (the one its spec paths
 * are written for), the second version every row is also called at, and the fields a list asks
 * for. These are test choices, not Zoho's facts; the facts (which versions a line serves, which
 * operations it has and their ids) come from @zcrm-attachments/types.
 */
import {
  type ApiLine,
  type ApiVersion,
  apiLines,
  apiOperations,
  type OperationId,
  type OperationKind,
} from "@zcrm-attachments/types";

/** What the rows of one line are called with. */
export interface LineDefaults {
  /** The version rows call by default: the line's spec version (v2, v8). */
  version: ApiVersion;
  /** The version each row is called at once more, to show the line's other versions behave alike. */
  otherVersion: ApiVersion;
  /** The `fields` a list sends; undefined to send none and get every field. */
  fields: readonly string[] | undefined;
}

/**
 * A version inside the line, away from both of its ends: the middle one of the versions its spec
 * paths are not written for (on a line of two versions, simply the other one).
 */
function middleVersion(line: ApiLine): ApiVersion {
  const { specVersion, versions } = apiLines[line];
  const others = versions.filter((version) => version !== specVersion);
  return others[Math.floor((others.length - 1) / 2)] ?? specVersion;
}

/** The fields the current line's list rows ask for: those the judge and the workflows read. */
const LIST_FIELDS = ["id", "Owner", "File_Name", "Created_Time", "Parent_Id"] as const;

/** The suite's choices for each line. The v2 list sends no `fields` (optional there) to get them all. */
export const LINE_DEFAULTS: Readonly<Record<ApiLine, LineDefaults>> = {
  v2: { version: apiLines.v2.specVersion, otherVersion: middleVersion("v2"), fields: undefined },
  current: { version: apiLines.current.specVersion, otherVersion: middleVersion("current"), fields: LIST_FIELDS },
};

/** The lines, in the order the facts list them (v2, then current). */
export const API_LINES: readonly ApiLine[] = Object.keys(apiLines) as ApiLine[];

const operationIds = new Map<string, OperationId>();
for (const [id, operation] of Object.entries(apiOperations))
  operationIds.set(`${operation.kind} ${operation.line}`, id as OperationId);

/** The spec's operationId of an operation kind on a line (`uploadAttachment` on v2 → uploadAttachmentV2). */
export function operationIdOf(kind: OperationKind, line: ApiLine): OperationId {
  const id = operationIds.get(`${kind} ${line}`);
  if (id === undefined) throw new Error(`the spec has no ${kind} operation on the ${line} line`);
  return id;
}

/** How reports name a line: by the version its spec paths are written for ("v8 line"). */
export function lineName(line: ApiLine): string {
  return `${apiLines[line].specVersion} line`;
}

/** How a row's operation is labelled in reports: "uploadAttachmentV2 (v2 line)", "uploadAttachment (v8 line)". */
export function operationLabel(kind: OperationKind | "workflow", line: ApiLine): string {
  return `${kind === "workflow" ? kind : operationIdOf(kind, line)} (${lineName(line)})`;
}

/** How reports label an operation known by its operationId ("listAttachmentsV2 (v2 line)"); undefined for one the facts do not know. */
export function labelOfOperationId(operationId: string): string | undefined {
  const known = (apiOperations as Record<string, { kind: OperationKind; line: ApiLine }>)[operationId];
  return known ? operationLabel(known.kind, known.line) : undefined;
}
