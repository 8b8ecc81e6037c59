/**
 * A workflow row: upload a file, find it in the list, download the same bytes (same SHA-256, same
 * name), delete it, and find it gone. Each step is judged like a row of its own; a failed step
 * stops the chain, and whatever was uploaded is deleted in any case.
 */

import { type CallContext, type DrainedDownload, suiteClient } from "../suite/calls.js";
import type { CaseContext, CaseResult, ContractCase } from "../suite/case-types.js";
import type { ContractTarget } from "../suite/target.js";
import { isObject } from "../validator/spec.js";
import type { Violation } from "../validator/violations.js";
import { createdId } from "./prepare.js";
import { recordingFetch } from "./recording-fetch.js";
import { runStep, type StepResult } from "./step.js";

/** Runs one workflow row against a target that keeps state. */
export async function runWorkflow(
  target: ContractTarget,
  row: ContractCase,
  context: CaseContext,
): Promise<CaseResult> {
  const recorder = recordingFetch(context.fetch ?? globalThis.fetch);
  const file = context.fixtures.files[row.file ?? "sample"];
  const ctx: CallContext = {
    client: suiteClient(target, row.version, recorder.fetch),
    line: row.line,
    version: row.version,
    module: target.module,
    recordId: target.recordId,
    attachmentId: "",
    ids: [],
    file,
    photo: context.fixtures.files.photo,
  };
  const failures: string[] = [];
  const violations: Violation[] = [];
  const step = async (
    label: string,
    call: Parameters<typeof runStep>[0],
    expect: readonly number[],
    check: (s: StepResult) => string[],
  ) => {
    const result = await runStep(call, ctx, recorder, context.validator, { expect: { status: expect } });
    violations.push(...result.violations);
    const problems = [...result.failures, ...(result.failures.length === 0 ? check(result) : [])];
    failures.push(...problems.map((p) => `${label}: ${p}`));
    return problems.length === 0 ? result : undefined;
  };

  const uploaded = await step("upload", "uploadFile", [200], () => []);
  let id: string | undefined;
  try {
    id = uploaded?.outcome.ok ? createdId(uploaded.outcome.value) : undefined;
  } catch (error) {
    failures.push(`upload: ${(error as Error).message}`);
  }
  if (id !== undefined) {
    ctx.attachmentId = id;
    const listed = await step("list", "list", [200], (s) => {
      const item = listItems(s).find((a) => a.id === id);
      if (!item) return [`the new attachment ${id} is not in the list`];
      return item.File_Name === file.name
        ? []
        : [`File_Name is ${JSON.stringify(item.File_Name)}, the upload was ${JSON.stringify(file.name)}`];
    });
    const downloaded =
      listed &&
      (await step("download", "download", [200], (s) => {
        const got = (s.outcome.ok ? s.outcome.value : {}) as DrainedDownload;
        const problems: string[] = [];
        if (got.received?.sha256 !== file.sha256)
          problems.push(`got ${got.received?.bytes ?? 0} bytes, not the ${file.bytes} uploaded (sha256 differs)`);
        if (got.fileName !== file.name)
          problems.push(
            `the file is named ${JSON.stringify(got.fileName)}, the upload was ${JSON.stringify(file.name)}`,
          );
        return problems;
      }));
    const deleted = await step("delete", "deleteOne", [200], (s) => {
      const data = s.outcome.ok && isObject(s.outcome.value) ? s.outcome.value.data : undefined;
      return isObject(data) && isObject(data.details) && data.details.id === id
        ? []
        : [`the delete's data does not name ${id}`];
    });
    if (downloaded && deleted) {
      await step("list after delete", "list", [200, 204], (s) =>
        listItems(s).some((a) => a.id === id) ? [`the deleted attachment ${id} is still listed`] : [],
      );
    }
  }
  const result: CaseResult = {
    case: row,
    passed: failures.length === 0,
    failures,
    violations,
    exchanges: recorder.exchanges,
  };
  const last = recorder.exchanges.at(-1);
  if (last) result.exchange = last;
  return result;
}

function listItems(step: StepResult): Record<string, unknown>[] {
  const data = step.outcome.ok && isObject(step.outcome.value) ? step.outcome.value.data : undefined;
  return Array.isArray(data) ? data.filter(isObject) : [];
}
