/**
 * Verdicts made from what the validator and the suite found: a recorded exchange's validation, an
 * exchange left out (filtered, or matching no operation), an entry that could not be read, and a
 * suite row's result. A failure carries what reproduces it; everything else carries none.
 */
import { apiOperations, type OperationKind } from "@zcrm-attachments/types";
import type { CaseResult } from "../suite/case-types.js";
import { labelOfOperationId } from "../suite/line-defaults.js";
import { type Exchange, headerValue } from "../validator/exchange.js";
import { isJsonMediaType } from "../validator/media-type.js";
import type { ValidationResult } from "../validator/validator.js";
import type { Violation } from "../validator/violations.js";
import { reproOf } from "./repro.js";
import type { Finding, Verdict } from "./verdict.js";

/** The group of verdicts that match no operation of the spec. */
export const NO_OPERATION = "(no operation)";

type Known = Record<string, { kind: OperationKind; line: "v2" | "current" }>;

/** Where it came from and how long it took, for any verdict. */
export interface VerdictPlace {
  index: number;
  name: string;
  source?: string;
  durationMs?: number;
}

/** The verdict on a validated exchange. */
export function exchangeVerdict(place: VerdictPlace, exchange: Exchange, result: ValidationResult): Verdict {
  const failed = result.violations.length > 0;
  return {
    ...base(place, "exchange", result.operationId),
    outcome: failed ? "failed" : "passed",
    ...(result.operation ? { operation: result.operation } : {}),
    summary: summaryOf(exchange),
    findings: result.violations.map(findingOf),
    repro: failed ? [reproOf(exchange)] : [],
    notes: notesOf(exchange),
  };
}

/** The verdict on an exchange left out of the judging, and why. */
export function skippedVerdict(place: VerdictPlace, exchange: Exchange, reason: string): Verdict {
  return {
    ...base(place, "exchange"),
    outcome: "skipped",
    summary: summaryOf(exchange),
    findings: [{ message: reason }],
  };
}

/** The verdict on an entry that could not be read as an exchange. */
export function unreadableVerdict(place: VerdictPlace, problem: string): Verdict {
  return { ...base(place, "exchange"), group: "(unreadable)", outcome: "error", findings: [{ message: problem }] };
}

/** The verdict on a suite row: its failures, with the violations' places, and every exchange it made. */
export function rowVerdict(place: VerdictPlace, result: CaseResult): Verdict {
  const violations = result.violations ?? [];
  const findings = result.failures.map((message): Finding => {
    const v = violations.find((candidate) => message.endsWith(`contract: ${candidate.message}`));
    return v ? { ...findingOf(v), message } : { message };
  });
  const verdict: Verdict = {
    ...base(place, "row", result.case.operationId),
    group: result.case.operation,
    line: result.case.line,
    outcome: result.passed ? "passed" : "failed",
    findings,
    repro: result.passed ? [] : result.exchanges.map(reproOf),
    notes: [],
  };
  if (result.exchange) verdict.summary = describeAnswer(result);
  return verdict;
}

/** "GET /crm/v8/Leads/…/Attachments → 200". */
export function summaryOf(exchange: Exchange): string {
  const path = exchange.request.path.split("?")[0] ?? exchange.request.path;
  return `${exchange.request.method.toUpperCase()} ${path} → ${exchange.response.status}`;
}

/** How reports name the group of an operation: its label, or its id when the facts do not know it. */
export function groupOf(operationId: string | undefined): string {
  return operationId === undefined ? NO_OPERATION : (labelOfOperationId(operationId) ?? operationId);
}

function base(place: VerdictPlace, kind: Verdict["kind"], operationId?: string) {
  const known = operationId === undefined ? undefined : (apiOperations as Known)[operationId];
  return {
    index: place.index,
    kind,
    group: groupOf(operationId),
    name: place.name,
    ...(operationId !== undefined && operationId !== "workflow" ? { operationId } : {}),
    ...(known ? { line: known.line } : {}),
    ...(place.source !== undefined ? { source: place.source } : {}),
    durationMs: place.durationMs ?? 0,
    findings: [] as Finding[],
    repro: [],
    notes: [] as string[],
  };
}

function findingOf(v: Violation): Finding {
  return {
    message: v.message,
    kind: v.kind,
    ...(v.at !== undefined ? { at: v.at } : {}),
    ...(v.spec ? { spec: v.spec } : {}),
  };
}

/** What a reader should know about what the recording left out. */
function notesOf(exchange: Exchange): string[] {
  const { body, received, headers } = exchange.response;
  const json = isJsonMediaType(headerValue(headers, "content-type") ?? "");
  return json && body === undefined && (received?.bytes ?? 0) > 0
    ? ["the recording holds no response body (only its size), so the body's schema was not checked"]
    : [];
}

/** A row's last answer: its status; for a file, its size too; for a workflow, how many requests it took. */
function describeAnswer(result: CaseResult): string {
  const exchange = result.exchange as Exchange;
  const parts = [String(exchange.response.status)];
  const received = exchange.response.received;
  const type = headerValue(exchange.response.headers, "content-type") ?? "";
  if (received?.complete && !isJsonMediaType(type)) parts.push(`${received.bytes} bytes`);
  if (result.exchanges.length > 1) parts.push(`${result.exchanges.length} requests`);
  return parts.join(", ");
}
