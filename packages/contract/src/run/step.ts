/**
 * One client call, judged three ways: every exchange it caused must keep to the contract, the
 * answer must be the one expected, and the client must report it faithfully. Rows make one step;
 * workflows chain several on one client.
 */

import { isDeepStrictEqual } from "node:util";
import { CALLS, type CallContext } from "../suite/calls.js";
import type { CallName, Expectation } from "../suite/case-types.js";
import type { Exchange } from "../validator/exchange.js";
import { isObject } from "../validator/spec.js";
import type { ContractValidator } from "../validator/validator.js";
import { REQUEST_VIOLATIONS, type Violation } from "../validator/violations.js";
import { describe, judgeClient, judgeRefusal, type Outcome } from "./client-judge.js";
import type { RecordingFetch } from "./recording-fetch.js";

/** What one step found. */
export interface StepResult {
  failures: string[];
  /** The contract violations among the failures (each is also a `contract: …` line of `failures`). */
  violations: Violation[];
  outcome: Outcome;
  /** The exchanges the call caused. */
  exchanges: Exchange[];
}

/** How a step is judged. */
export interface StepOptions {
  /** Judge the exchange against this operation (for requests bent off their own path or method). */
  operationId?: string;
  expect: Expectation;
  /** The request is off-contract on purpose: the validator must say so, and that is not a failure. */
  offContractRequest?: boolean;
}

/** Makes the call through the recorder's client and judges it. */
export async function runStep(
  call: CallName,
  ctx: CallContext,
  recorder: RecordingFetch,
  validator: ContractValidator,
  options: StepOptions,
): Promise<StepResult> {
  const before = recorder.exchanges.length;
  let outcome: Outcome;
  try {
    outcome = { ok: true, value: await CALLS[call].run(ctx) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const exchanges = recorder.exchanges.slice(before);
  if (options.expect.refusal !== undefined) {
    const failures = judgeRefusal(options.expect.refusal, outcome, exchanges.length);
    return { failures, violations: [], outcome, exchanges };
  }
  const exchange = exchanges[0];
  if (!exchange) {
    const why = outcome.ok ? "the client sent no request" : `no response: ${describe(outcome.error)}`;
    return { failures: [why], violations: [], outcome, exchanges };
  }
  const failures: string[] = [];
  if (exchanges.length !== 1) failures.push(`expected one request, the client sent ${exchanges.length}`);

  const { violations } = validator.validate(exchange, options.operationId ? { operationId: options.operationId } : {});
  const offRequest = violations.filter((v) => REQUEST_VIOLATIONS.has(v.kind));
  const reported = violations.filter((v) => !(options.offContractRequest && REQUEST_VIOLATIONS.has(v.kind)));
  for (const v of reported) failures.push(`contract: ${v.message}`);
  if (options.offContractRequest && offRequest.length === 0)
    failures.push("the validator found nothing wrong with a request that is off-contract on purpose");

  const { status } = exchange.response;
  const body = parseBody(exchange.response.body);
  if (!options.expect.status.includes(status))
    failures.push(`status ${status}, expected ${options.expect.status.join(" or ")}`);
  const code =
    typeof body === "object" && body !== null && "code" in body ? String((body as { code: unknown }).code) : undefined;
  if (options.expect.codes && (code === undefined || !options.expect.codes.includes(code))) {
    failures.push(`code ${code ?? "(none)"}, expected ${options.expect.codes.join(" or ")}`);
  }
  const itemCodes = options.expect.itemCodes;
  if (itemCodes && !isDeepStrictEqual(dataCodes(body), itemCodes))
    failures.push(`data[] codes ${JSON.stringify(dataCodes(body))}, expected ${JSON.stringify(itemCodes)}`);
  failures.push(...judgeClient(CALLS[call].shape, exchange, body, outcome));
  return { failures, violations: reported, outcome, exchanges };
}

/** The `code` of each `data[]` item of a JSON body, in order. */
function dataCodes(body: unknown): unknown[] {
  return isObject(body) && Array.isArray(body.data) ? body.data.map((item) => (isObject(item) ? item.code : item)) : [];
}

/** A recorded JSON body as a value (other bodies as they are). */
export function parseBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
