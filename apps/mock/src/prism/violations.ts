/**
 * From Prism's violations to the Zoho error a request deserves. Prism reports what is wrong as a
 * list but answers with the spec's first 400 example whatever the fault; Zoho names the fault, so
 * the mock picks the example that matches the most important violation, in the order Zoho checks
 * a URL: module, record id, then the query string.
 *
 * Two module rules need the request itself, beyond the schema (which takes any API name and names
 * the standard modules): a module that arrived after its line's first version (Calls, from v2.1 on
 * the v2 line) is unknown to the versions before it, and a photo path refuses a standard module
 * without photos with "module not supported" rather than "invalid module" (which stays the answer
 * for a name that is no API name at all).
 */
import type { IHttpNameValues } from "@stoplight/prism-http";
import { DiagnosticSeverity, type IHttpOperation } from "@stoplight/types";
import { type ApiVersion, knownModules, moduleSinceOn, versionAtLeast } from "@zcrm-attachments/types";
import type { RoutedOperation } from "./operation-kind.js";
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
 * `moduleError` is what a refused module deserves on this path ({@link refusedModuleError}).
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

/** True when `module` is a standard module the line knows but `version` precedes its arrival. */
export function moduleTooNew(routed: RoutedOperation, version: ApiVersion, module: string): boolean {
  const since = moduleSinceOn(routed.line, module);
  return since !== undefined && !versionAtLeast(version, since);
}

/** The Zoho error for a module the schema refused: photo paths tell a standard module apart. */
export function refusedModuleError(routed: RoutedOperation | undefined, module: string): ZohoErrorKey {
  if (routed === undefined || routed.resource !== "photo") return "invalidModule";
  const standard: readonly string[] = knownModules[routed.line].Attachments;
  return standard.includes(module) ? "moduleNotSupported" : "invalidModule";
}

/** One violation on one line, as the request journal keeps it: where, then Prism's message. */
export function violationLine(violation: Pick<Violation, "path" | "message">): string {
  const where = (violation.path ?? []).join(".");
  return where === "" ? violation.message : `${where}: ${violation.message}`;
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
