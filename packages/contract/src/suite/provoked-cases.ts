/**
 * "Provoked" rows: requests shaped so that any faithful server gives the documented answer. Every
 * operation gets a valid call, the same call at another version of its line, an unknown module, a
 * record id that is not a number and a missing token; then its own cases (attachment-rows.ts,
 * photo-rows.ts) and the module-name cases (module-rows.ts).
 */
import { type ApiLine, type OperationKind, operationKinds } from "@zcrm-attachments/types";
import { ATTACHMENT_ROWS } from "./attachment-rows.js";
import type { CallName, ContractCase } from "./case-types.js";
import { LINE_DEFAULTS, operationIdOf, operationLabel } from "./line-defaults.js";
import { moduleRows } from "./module-rows.js";
import { PHOTO_ROWS } from "./photo-rows.js";
import { answer, EVERYWHERE, type OperationRows, type RowSpec } from "./row-spec.js";
import { rewriteUrl, withHeader } from "./tweaks.js";

/** Calls that change data on the server. */
const WRITING_CALLS: ReadonlySet<CallName> = new Set([
  "uploadFile",
  "attachLinkForm",
  "attachLinkQuery",
  "attachSameLink",
  "rawUploadNeither",
  "deleteMany",
  "rawDeleteManyNoIds",
  "deleteOne",
  "uploadPhoto",
  "deletePhoto",
]);

const OPERATION_ROWS: Record<OperationKind, OperationRows> = { ...ATTACHMENT_ROWS, ...PHOTO_ROWS };

/** The error rows every operation gets, made with the operation's valid call. */
function commonRows(valid: RowSpec, line: ApiLine): RowSpec[] {
  const { name: _, ...call } = valid;
  const bare = { call: call.call, ...(call.file ? { file: call.file } : {}) };
  return [
    { ...call, name: `${valid.name}, at ${LINE_DEFAULTS[line].otherVersion}`, otherVersion: true },
    {
      ...bare,
      name: "unknown module → 400 INVALID_MODULE",
      expect: answer(400, "INVALID_MODULE"),
      tweak: rewriteUrl(/(\/crm\/[^/]+\/)[^/]+/, "$1Not-A-Module"),
    },
    {
      ...bare,
      name: "record id that is not a number → 400 INVALID_DATA",
      expect: answer(400, "INVALID_DATA"),
      tweak: rewriteUrl(/(\/crm\/[^/]+\/[^/]+\/)[^/?]+/, "$1not-a-number"),
    },
    {
      ...bare,
      name: "no Authorization header → 401",
      expect: answer(401, "AUTHENTICATION_FAILURE", "INVALID_TOKEN"),
      tweak: withHeader("authorization", null),
    },
  ];
}

/** Every provoked row of every operation on one line. */
export function provokedCases(line: ApiLine): ContractCase[] {
  return operationKinds.flatMap((name) => {
    const { valid, own } = OPERATION_ROWS[name];
    const specs = [valid, ...commonRows(valid, line), ...own, ...(moduleRows(line)[name] ?? [])].filter(
      (spec) => !spec.lines || spec.lines.includes(line),
    );
    return specs.map((spec) => toCase(name, line, spec));
  });
}

function toCase(name: OperationKind, line: ApiLine, spec: RowSpec): ContractCase {
  const { lines: _lines, otherVersion, version, on, ...rest } = spec;
  return {
    ...rest,
    operation: operationLabel(name, line),
    operationId: operationIdOf(name, line),
    line,
    version: version ?? (otherVersion ? LINE_DEFAULTS[line].otherVersion : LINE_DEFAULTS[line].version),
    source: "provoked",
    on: on ?? EVERYWHERE,
    writes: WRITING_CALLS.has(spec.call) || spec.prepare !== undefined,
  };
}

/** Whether a call writes; documented and workflow rows use it too. */
export function callWrites(call: CallName): boolean {
  return WRITING_CALLS.has(call);
}
