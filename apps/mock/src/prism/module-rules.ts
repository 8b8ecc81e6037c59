/**
 * Zoho's module rules beyond what Prism checks against the schema. The schema takes any API name
 * and names the standard modules; two rules need the request itself: a module that arrived after
 * the line's first version (Calls, from v2.1 on the v2 line) is unknown to the versions before it,
 * and a photo path refuses a standard module without photos with "module not supported" rather
 * than "invalid module" (which stays the answer for a name that is no API name at all).
 */
import { type ApiVersion, knownModules, moduleSinceOn, versionAtLeast } from "@zcrm-attachments/types";
import type { RoutedOperation } from "./operation-kind.js";
import type { ZohoErrorKey } from "./zoho-errors.js";

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
