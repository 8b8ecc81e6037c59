import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
// Prism's own response validator (the one its proxy mode uses): the mock's answers are checked
// against the spec by the same code that reads it, not by a second hand-written copy of a schema.
import { validateOutput } from "@stoplight/prism-http/dist/validator/index.js";
import type { IHttpOperation } from "@stoplight/types";
import { SPEC_PATH } from "./spec-examples.js";

let operations: Promise<IHttpOperation[]> | undefined;

/** The problems Prism finds with a JSON answer of the operation `operationId`; empty when it conforms. */
export async function specProblems(operationId: string, status: number, body: unknown): Promise<string[]> {
  operations ??= getHttpOperationsFromSpec(SPEC_PATH);
  const operation = (await operations).find((o) => o.iid === operationId);
  if (operation === undefined) throw new Error(`No operation ${operationId} in the spec`);
  const result = validateOutput({
    resource: operation,
    element: { statusCode: status, headers: { "content-type": "application/json" }, body },
  });
  return result._tag === "Left" ? result.left.map((d) => `${(d.path ?? []).join(".")}: ${d.message}`) : [];
}
