/**
 * Runs contract rows through the typed client and judges each one (see step.ts): the exchange on
 * the wire must conform to the spec, answer as the row expects, and the client must report it
 * faithfully. Rows that need state get it first and have it removed afterwards.
 */

import { isDeepStrictEqual } from "node:util";
import { type DrainedDownload, suiteClient } from "../suite/calls.js";
import type { CaseContext, CaseResult, ContractCase } from "../suite/case-types.js";
import { casesFor } from "../suite/cases.js";
import { createFixtures, type Fixtures } from "../suite/fixtures.js";
import type { ContractTarget } from "../suite/target.js";
import { isObject } from "../validator/spec.js";
import { ContractValidator } from "../validator/validator.js";
import { describe } from "./client-judge.js";
import { createdId, exampleIds, type Prepared, prepare, removeAttachments } from "./prepare.js";
import { recordingFetch } from "./recording-fetch.js";
import { runStep } from "./step.js";
import { runWorkflow } from "./workflow.js";

/** Runs one row against the target. */
export async function runCase(target: ContractTarget, row: ContractCase, context: CaseContext): Promise<CaseResult> {
  if (row.source === "workflow") return runWorkflow(target, row, context);
  const plain = suiteClient(target, row.version, context.fetch ?? globalThis.fetch);
  const module = row.module ?? target.module;
  const where = { module, recordId: target.recordId, attachmentId: target.attachmentId };
  let prepared: Prepared;
  try {
    prepared = await prepare(row, target.stateful, plain, where, context.fixtures, exampleIds(context.validator.doc));
  } catch (error) {
    return { case: row, passed: false, failures: [`setup: ${describe(error)}`], violations: [], exchanges: [] };
  }
  const recorder = recordingFetch(context.fetch ?? globalThis.fetch, row.tweak);
  const ctx = {
    client: suiteClient(target, row.version, recorder.fetch),
    line: row.line,
    version: row.version,
    module,
    recordId: target.recordId,
    attachmentId: prepared.attachmentId,
    ids: prepared.ids,
    file: context.fixtures.files[row.file ?? "sample"],
    photo: context.fixtures.files.photo,
  };
  const step = await runStep(row.call, ctx, recorder, context.validator, {
    operationId: row.operationId,
    expect: row.expect,
    offContractRequest: row.offContractRequest === true,
  });
  const failures = [
    ...step.failures,
    ...checkPreparedFile(row, prepared, step.outcome),
    ...checkListedIds(row, prepared, step.outcome),
  ];
  if (target.stateful) {
    // Leave the record as it was: remove what the row (or its setup) created.
    const made = row.call.startsWith("upload") || row.call.startsWith("attachLink") ? [tryCreatedId(step.outcome)] : [];
    const leftovers = [...prepared.created, ...made].filter((id): id is string => id !== undefined);
    await removeAttachments(plain, module, target.recordId, leftovers);
  }
  const result: CaseResult = {
    case: row,
    passed: failures.length === 0,
    failures,
    violations: step.violations,
    exchanges: step.exchanges,
  };
  const last = step.exchanges.at(-1);
  if (last) result.exchange = last;
  return result;
}

/** A read of a file the row put there must return that file. */
function checkPreparedFile(row: ContractCase, prepared: Prepared, outcome: { ok: boolean; value?: unknown }): string[] {
  const file = prepared.expectFile;
  if (!file || !outcome.ok || (row.call !== "download" && row.call !== "getPhoto")) return [];
  const got = outcome.value as DrainedDownload;
  if (got.status !== 200 || !got.received) return [];
  const problems: string[] = [];
  if (got.received.sha256 !== file.sha256)
    problems.push(
      `the download is not the ${file.bytes} bytes uploaded (got ${got.received.bytes} bytes, another sha256)`,
    );
  if (row.call === "download" && got.fileName !== file.name)
    problems.push(`the download is named ${JSON.stringify(got.fileName)}, the upload was ${JSON.stringify(file.name)}`);
  return problems;
}

/** A list by ids must hold exactly the one attachment it asked for (listByIds asks for the first prepared). */
function checkListedIds(row: ContractCase, prepared: Prepared, outcome: { ok: boolean; value?: unknown }): string[] {
  if (row.call !== "listByIds" || !outcome.ok || !isObject(outcome.value)) return [];
  const data = outcome.value.data;
  const listed = Array.isArray(data) ? data.map((item) => (isObject(item) ? item.id : item)) : [];
  const wanted = prepared.ids.slice(0, 1);
  return isDeepStrictEqual(listed, wanted)
    ? []
    : [`the list by ids ${JSON.stringify(wanted)} holds ${JSON.stringify(listed)}`];
}

function tryCreatedId(outcome: { ok: boolean; value?: unknown }): string | undefined {
  try {
    return outcome.ok ? createdId(outcome.value) : undefined;
  } catch {
    return undefined;
  }
}

/** Options of a whole run. */
export interface RunOptions {
  validator?: ContractValidator;
  cases?: ContractCase[];
  fetch?: typeof fetch;
  /** Files to upload; made (and removed) by the run when not given. */
  fixtures?: Fixtures;
}

/** Runs every row that suits the target, one after another, and returns their verdicts. */
export async function runContract(target: ContractTarget, options: RunOptions = {}): Promise<CaseResult[]> {
  const validator = options.validator ?? new ContractValidator();
  const cases = options.cases ?? casesFor(validator.doc, target);
  const fixtures = options.fixtures ?? (await createFixtures());
  try {
    const context: CaseContext = { validator, fixtures, ...(options.fetch ? { fetch: options.fetch } : {}) };
    const results: CaseResult[] = [];
    for (const row of cases) results.push(await runCase(target, row, context));
    return results;
  } finally {
    if (!options.fixtures) await fixtures.remove();
  }
}
