/**
 * The contract cases, as data: one row per operation × line × case, and the choice of the rows a
 * given target can run.
 */

import { SchemaCompiler } from "../validator/schema-compiler.js";
import type { OpenApiDocument } from "../validator/spec.js";
import type { ContractCase, TargetKind } from "./case-types.js";
import { documentedCases } from "./documented-cases.js";
import { API_LINES } from "./line-defaults.js";
import { provokedCases } from "./provoked-cases.js";
import type { ContractTarget } from "./target.js";
import { workflowCases } from "./workflow-cases.js";

/** Every row of the suite, for every target. */
export function allCases(doc: OpenApiDocument): ContractCase[] {
  return API_LINES.flatMap((line) => [...provokedCases(line), ...documentedCases(doc, line), ...workflowCases(line)]);
}

/** The kind of target: a live org, the stateful mock, or the default mock. */
export function targetKind(target: ContractTarget): TargetKind {
  return target.live ? "live" : target.stateful ? "stateful" : "mock";
}

/**
 * The rows a target can run: those made for its kind; on a live org only when writes are allowed
 * for rows that write, only with CONTRACT_ATTACHMENT_ID for rows that need it, and photo rows only
 * for a module that has photos.
 */
export function casesFor(doc: OpenApiDocument, target: ContractTarget): ContractCase[] {
  const kind = targetKind(target);
  const photos = isPhotoModule(doc, target.module);
  return allCases(doc).filter((row) => {
    if (!row.on.includes(kind)) return false;
    if (!photos && /Photo/.test(row.operationId)) return false;
    if (kind !== "live") return true;
    return (!row.writes || target.allowWrites) && (!row.needsAttachmentId || target.attachmentId !== undefined);
  });
}

/** Whether the spec's PhotoModule schema takes this module. */
export function isPhotoModule(doc: OpenApiDocument, module: string): boolean {
  const schema = doc.components?.schemas?.PhotoModule;
  return schema !== undefined && new SchemaCompiler(doc).compile(schema)(module).length === 0;
}
