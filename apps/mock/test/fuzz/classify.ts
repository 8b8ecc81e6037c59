/**
 * How a fuzz answer is judged, after the rules of the reliability review's appendix. A body is
 * Zoho-shaped when its keys are exactly code, details, message and status, or it is a `data[]`
 * envelope whose items have a code or an id (the accounts server's `{access_token}`/`{error}`
 * counts for the token path). File bytes, 204s and HEAD answers carry no JSON. A leak is a body
 * naming stack frames, node_modules, file URLs, Prism or JavaScript error classes.
 */

import type { FuzzCase } from "./fuzz-case.js";
import type { RawAnswer } from "./raw-http.js";

/** What an answer was. */
export type Verdict =
  | "zoho-error"
  | "zoho-data"
  | "zoho-accounts"
  | "file"
  | "no-body"
  | "control"
  | "store-full"
  | "mock-problem"
  | "prism-problem"
  | "other-json"
  | "other-text"
  | "empty-unlabelled"
  | "no-answer";

/** Verdicts that are right for an answered hostile request (file bytes and bodiless answers aside). */
export const ZOHO_SHAPED: ReadonlySet<Verdict> = new Set(["zoho-error", "zoho-data", "zoho-accounts"]);
const LEAK =
  /\n\s+at [^\n]+:\d+:\d+|node_modules|file:\/\/\/|stoplight|prism|\b(?:TypeError|RangeError|SyntaxError|ReferenceError|URIError)\b/i;

/** Whether a body or a header (other than Prism's documented sl-violations) shows the mock's insides. */
export function leaks(answer: RawAnswer): boolean {
  const headers = Object.entries(answer.headers).filter(([name]) => name !== "sl-violations");
  return LEAK.test(answer.body.toString("utf8")) || headers.some(([, value]) => LEAK.test(value));
}

/** Classifies one answer. */
export function classify(answer: RawAnswer, fuzzCase: FuzzCase): Verdict {
  if (answer.status === undefined) return "no-answer";
  const type = answer.headers["content-type"] ?? "";
  if (answer.body.length === 0) {
    if (answer.status === 204 || answer.status === 304) return "no-body";
    // HEAD: the headers of the answer a GET would get, Zoho's JSON type included.
    if (fuzzCase.head === true && type !== "") return "no-body";
    return "empty-unlabelled";
  }
  let json: unknown;
  try {
    json = JSON.parse(answer.body.toString("utf8"));
  } catch {
    return answer.headers["content-disposition"] === undefined ? "other-text" : "file";
  }
  if (typeof json !== "object" || json === null) return "other-json";
  const record = json as Record<string, unknown>;
  const keys = Object.keys(record).sort().join(",");
  if (keys === "code,details,message,status") return "zoho-error";
  const data = record.data;
  if (
    Array.isArray(data) &&
    data.every((item) => typeof item === "object" && item !== null && ("code" in item || "id" in item))
  ) {
    return "zoho-data";
  }
  if (keys === "detail,status,title,type") {
    const problem = String(record.type);
    if (problem === "urn:zcrm-attachments:mock:STORE_FULL") return "store-full";
    if (!problem.startsWith("urn:zcrm-attachments:mock:")) return "prism-problem";
    return fuzzCase.control === true ? "control" : "mock-problem";
  }
  if ("access_token" in record || ("error" in record && Object.keys(record).length === 1)) return "zoho-accounts";
  // The control API's own JSON (the fault list, the counters).
  if (fuzzCase.control === true && ("armed" in record || "requests" in record)) return "control";
  return "other-json";
}

/** Why an answer fails the fuzz, or undefined when it is fine. */
export function problemWith(answer: RawAnswer, verdict: Verdict, fuzzCase: FuzzCase): string | undefined {
  if (leaks(answer)) return "leaks the mock's insides";
  if (verdict === "no-answer") return fuzzCase.mayNotAnswer === true ? undefined : `no answer (${answer.ending})`;
  const status = answer.status ?? 0;
  if (status >= 500 && fuzzCase.asks5xx !== true && verdict !== "store-full") return `a ${status} nobody asked for`;
  if (verdict === "control") return fuzzCase.control === true ? undefined : "a control answer to an API request";
  if (ZOHO_SHAPED.has(verdict) || verdict === "file" || verdict === "no-body" || verdict === "store-full")
    return undefined;
  return `not Zoho-shaped (${verdict}, ${status})`;
}
