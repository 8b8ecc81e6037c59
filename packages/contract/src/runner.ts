/**
 * Runs contract cases through the typed client and judges each one: the exchange on the wire must
 * conform to the spec, answer as the case expects, and the client must report it faithfully.
 */
import { isDeepStrictEqual } from "node:util";
import { createAttachmentsClient, ZohoApiError, type ApiVersion } from "@zcrm-attachments/client";
import { LINES, listAttachmentsCases, type ContractCase } from "./cases.js";
import { recordingFetch } from "./recording-fetch.js";
import type { ContractTarget } from "./target.js";
import { ContractValidator, type Exchange } from "./validator.js";

/** The verdict on one case. */
export interface CaseResult {
  case: ContractCase;
  passed: boolean;
  /** Why the case failed, one line each; empty when it passed. */
  failures: string[];
  exchange?: Exchange;
}

/** Runs one case against the target. */
export async function runCase(target: ContractTarget, row: ContractCase, validator: ContractValidator, fetchImpl: typeof fetch = globalThis.fetch): Promise<CaseResult> {
  const recorder = recordingFetch(fetchImpl, row.tweak);
  const client = createAttachmentsClient({
    apiDomain: target.baseUrl,
    apiVersion: row.version as ApiVersion,
    accessToken: target.token,
    fetch: recorder.fetch,
  });
  const fields = LINES[row.line].fields;
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
  try {
    const value = await client.listAttachments(target.module as never, target.recordId, (fields ? { fields: [...fields] } : {}) as never);
    outcome = { ok: true, value };
  } catch (error) {
    outcome = { ok: false, error };
  }

  const failures: string[] = [];
  const exchange = recorder.exchanges[0];
  if (!exchange) {
    const why = outcome.ok ? "the client sent no request" : `no response: ${outcome.error instanceof Error ? `${outcome.error.name}: ${outcome.error.message}` : String(outcome.error)}`;
    return { case: row, passed: false, failures: [why] };
  }
  if (recorder.exchanges.length !== 1) failures.push(`expected one request, the client sent ${recorder.exchanges.length}`);

  const { violations } = validator.validate(exchange, { operationId: row.operationId });
  for (const v of violations) failures.push(`contract: ${v.message}`);

  const { status } = exchange.response;
  const body = parseBody(exchange.response.body);
  if (!row.expect.status.includes(status)) failures.push(`status ${status}, expected ${row.expect.status.join(" or ")}`);
  const code = typeof body === "object" && body !== null && "code" in body ? String((body as { code: unknown }).code) : undefined;
  if (row.expect.codes && (code === undefined || !row.expect.codes.includes(code))) {
    failures.push(`code ${code ?? "(none)"}, expected ${row.expect.codes.join(" or ")}`);
  }
  failures.push(...judgeClient(status, body, outcome));
  return { case: row, passed: failures.length === 0, failures, exchange };
}

/** Checks that the typed client reported the response as it was. */
function judgeClient(status: number, body: unknown, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): string[] {
  if (status >= 400) {
    if (outcome.ok) return [`the client returned a result for a ${status} response instead of throwing`];
    const error = outcome.error;
    if (!(error instanceof ZohoApiError)) return [`the client threw ${describe(error)} instead of a ZohoApiError`];
    const problems: string[] = [];
    if (error.status !== status) problems.push(`ZohoApiError.status is ${error.status}, the response said ${status}`);
    const code = (body as { code?: unknown } | undefined)?.code;
    if (code !== undefined && error.code !== code) problems.push(`ZohoApiError.code is ${error.code}, the body said ${String(code)}`);
    return problems;
  }
  if (!outcome.ok) return [`the client threw ${describe(outcome.error)} for a ${status} response`];
  const result = outcome.value as { data: unknown; info: unknown; notModified: boolean };
  if (status === 200) {
    const { data, info } = body as { data?: unknown; info?: unknown };
    const problems: string[] = [];
    if (!isDeepStrictEqual(result.data, data)) problems.push("the client's data differs from the response body's data");
    if (!isDeepStrictEqual(result.info, info)) problems.push("the client's info differs from the response body's info");
    return problems;
  }
  if (status === 204 && !(Array.isArray(result.data) && result.data.length === 0)) return ["a 204 should give an empty list"];
  if (status === 304 && result.notModified !== true) return ["a 304 should give notModified: true"];
  return [];
}

function parseBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Options of a whole run. */
export interface RunOptions {
  validator?: ContractValidator;
  cases?: ContractCase[];
  fetch?: typeof fetch;
}

/** Runs every case that suits the target, one after another, and returns their verdicts. */
export async function runContract(target: ContractTarget, options: RunOptions = {}): Promise<CaseResult[]> {
  const validator = options.validator ?? new ContractValidator();
  const cases = options.cases ?? listAttachmentsCases(validator.doc, { live: target.live });
  const results: CaseResult[] = [];
  for (const row of cases) results.push(await runCase(target, row, validator, options.fetch));
  return results;
}
