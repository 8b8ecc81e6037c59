/**
 * From Prism's violations to the Zoho error a request deserves. Prism reports what is wrong as a
 * list but answers with the spec's first 400 example whatever the fault; Zoho names the fault, so
 * the mock picks the example that matches the most important violation, in the order Zoho checks
 * a URL: module, record id, then the query string.
 */
import type { IHttpNameValues } from "@stoplight/prism-http";
import { DiagnosticSeverity, type IHttpOperation } from "@stoplight/types";
import type { ZohoErrorKey } from "./zoho-errors.js";

/** One input violation as Prism reports it (`path` is e.g. `["query", "per_page"]`). */
export interface Violation {
  path?: string[];
  code?: string | number;
  message: string;
  severity: DiagnosticSeverity;
}

/** The Zoho error a request deserves, with the parameter to name in `details.param_name`. */
export interface ZohoFault {
  key: ZohoErrorKey;
  paramName?: string;
}

/**
 * Picks the Zoho error for Prism's input violations, or undefined when none is an error.
 * `moduleError` is what a refused module deserves on this path (see module-rules.ts).
 */
export function classifyViolations(
  violations: readonly Violation[],
  operation: IHttpOperation,
  query: IHttpNameValues,
  moduleError: ZohoErrorKey = "invalidModule",
): ZohoFault | undefined {
  let first: Violation | undefined;
  let badRecordId = false;
  let queryProblem = false;
  for (const violation of violations) {
    if (violation.severity !== DiagnosticSeverity.Error) continue;
    first ??= violation;
    const [where, name] = violation.path ?? [];
    if (where === "path" && name === "module") return { key: moduleError };
    if (where === "path" && name === "record_id") badRecordId = true;
    if (where === "query") queryProblem = true;
  }
  if (first === undefined) return undefined;
  if (badRecordId) return { key: "invalidRecordId" };
  if (queryProblem) {
    // Prism reports a missing parameter as `["query"]` with the name only inside its message,
    // so the operation's own list of required parameters says which one is missing.
    for (const param of operation.request?.query ?? []) {
      if (param.required === true && query[param.name] === undefined) {
        return { key: "requiredParamMissing", paramName: param.name };
      }
    }
  }
  const offending =
    violations.find(
      (v) => v.severity === DiagnosticSeverity.Error && (v.path?.[0] === "query" || v.path?.[0] === "header"),
    ) ?? first;
  return { key: "invalidParameter", paramName: paramNameOf(offending, operation) };
}

function paramNameOf(violation: Violation, operation: IHttpOperation): string {
  const [where, name] = violation.path ?? [];
  if (where === "header" && name !== undefined) {
    // Prism gives header names in lower case; Zoho names parameters as documented.
    const header = operation.request?.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase());
    return header?.name ?? name;
  }
  if (name !== undefined) return (violation.path ?? []).slice(1).join(".");
  // A missing required header (or body) is reported without a name; take it from Prism's message.
  return violation.message.match(/'([^']+)'/)?.[1] ?? where ?? "request";
}
