/**
 * "Documented" rows, generated from the spec: one per documented response and named example of
 * every operation, asked for with Prism's Prefer header (`code=`, `example=`). Only a mock can be
 * told which answer to give, so these rows run against the default mock alone.
 */

import { type ApiLine, type OperationKind, operationKinds } from "@zcrm-attachments/types";
import { deref, isObject, type OpenApiDocument, OperationIndex } from "../validator/spec.js";
import type { CallName, ContractCase } from "./case-types.js";
import { LINE_DEFAULTS, operationIdOf, operationLabel } from "./line-defaults.js";
import { callWrites } from "./provoked-cases.js";
import { withHeader } from "./tweaks.js";

/** The call each operation's documented rows make (the answer is forced, so any valid call does). */
const DOCUMENTED_CALL: Record<OperationKind, { call: CallName; file?: "sample" | "photo" }> = {
  listAttachments: { call: "list" },
  uploadAttachment: { call: "uploadFile", file: "sample" },
  deleteAttachments: { call: "deleteMany" },
  downloadAttachment: { call: "download" },
  deleteAttachment: { call: "deleteOne" },
  getPhoto: { call: "getPhoto" },
  uploadPhoto: { call: "uploadPhoto" },
  deletePhoto: { call: "deletePhoto" },
};

type ResponseObject = { content?: Record<string, { examples?: Record<string, unknown> }> };

/** One row per documented response (and named example) of one operation on one line. */
function documentedRows(
  doc: OpenApiDocument,
  index: OperationIndex,
  name: OperationKind,
  line: ApiLine,
): ContractCase[] {
  const operationId = operationIdOf(name, line);
  const found = index.byId(operationId)?.operation;
  if (!found) throw new Error(`the spec has no operation ${operationId}`);
  const { call, file } = DOCUMENTED_CALL[name];
  const base = {
    operation: operationLabel(name, line),
    operationId,
    line,
    version: LINE_DEFAULTS[line].version,
    source: "documented" as const,
    on: ["mock" as const],
    writes: callWrites(call),
    call,
    ...(file ? { file } : {}),
  };
  const rows: ContractCase[] = [];
  for (const [status, raw] of Object.entries(found.responses)) {
    const response = deref<ResponseObject>(doc, raw as ResponseObject);
    const examples = Object.values(response.content ?? {}).flatMap((media) => Object.entries(media.examples ?? {}));
    const code = Number(status);
    if (examples.length === 0) {
      rows.push({
        ...base,
        name: `documented ${status}`,
        expect: { status: [code] },
        tweak: withHeader("prefer", `code=${status}`),
      });
      continue;
    }
    for (const [key, example] of examples) {
      const value = deref<{ value?: unknown }>(doc, example as object).value;
      const zohoCode = isObject(value) && typeof value.code === "string" ? [value.code] : undefined;
      const items = itemCodesOf(value);
      rows.push({
        ...base,
        name: `documented ${status} ${key}`,
        expect: {
          status: [code],
          ...(zohoCode ? { codes: zohoCode } : {}),
          ...(items ? { itemCodes: items } : {}),
        },
        tweak: withHeader("prefer", `code=${status}, example=${key}`),
      });
    }
  }
  return rows;
}

/** The codes of an example's `data[]` items (write answers), when every item has one; lists have none. */
function itemCodesOf(value: unknown): string[] | undefined {
  const data = isObject(value) && Array.isArray(value.data) ? value.data : [];
  const codes = data.map((item) => (isObject(item) && typeof item.code === "string" ? item.code : undefined));
  return codes.length > 0 && codes.every((c) => c !== undefined) ? (codes as string[]) : undefined;
}

/** Every documented row of every operation on one line. */
export function documentedCases(doc: OpenApiDocument, line: ApiLine): ContractCase[] {
  const index = new OperationIndex(doc);
  return operationKinds.flatMap((name) => documentedRows(doc, index, name, line));
}
