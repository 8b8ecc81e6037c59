/**
 * Module API names per line, at type level and at run time. The standard lists come from the
 * generated types (so from the spec); orgs add their own custom modules through `customModules`.
 */

import type { StandardModule, StandardModuleV2 } from "@zcrm-attachments/types";
import { standardModuleV2Values, standardModuleValues } from "@zcrm-attachments/types";
import type { ApiLine, ApiVersion } from "../api-versions.js";
import { ZohoInputError } from "../errors/errors.js";

/** The API name Zoho gives a custom module at creation (CustomModule1, CustomModule2, ...). */
export type CustomModuleApiName = `CustomModule${number}`;

/**
 * The module names a client for version `V` accepts: the line's standard modules, `CustomModule<N>`,
 * and the org's own names `C`. For a version union only the modules of both lines are allowed.
 */
export type ModuleName<V extends ApiVersion, C extends string = never> =
  | ([ApiLine<V>] extends ["current"] ? StandardModule : StandardModuleV2)
  | CustomModuleApiName
  | C;

const CUSTOM_MODULE = /^CustomModule[1-9][0-9]*$/;
// Zoho API names start with a letter and hold letters, digits and underscores.
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

// Folds case, spaces, hyphens, underscores and the `__s` system suffix, so "price books",
// "Price-Books" and "appointments" all meet their API names.
function fold(name: string): string {
  return name
    .toLowerCase()
    .replace(/__s$/, "")
    .replace(/[^a-z0-9]/g, "");
}

const currentByFold = new Map(standardModuleValues.map((name) => [fold(name), name] as const));

/** Checks `customModules` and returns it as a plain array. */
export function checkCustomModules(customModules: unknown): readonly string[] {
  if (customModules === undefined) return [];
  if (!Array.isArray(customModules)) {
    throw new ZohoInputError("customModules", "customModules must be an array of module API names.");
  }
  for (const name of customModules as unknown[]) {
    if (typeof name !== "string" || !API_NAME.test(name)) {
      throw new ZohoInputError(
        "customModules",
        `customModules holds ${JSON.stringify(name)}, which is not a module API name (a letter, then letters, digits or underscores).`,
      );
    }
  }
  return customModules as readonly string[];
}

/** Returns a function that throws a ZohoInputError for a module the client's version does not take. */
export function createModuleCheck(
  version: ApiVersion,
  line: ApiLine,
  customModules: readonly string[],
): (module: unknown) => void {
  const standard: readonly string[] = line === "v2" ? standardModuleV2Values : standardModuleValues;
  const allowed = new Set<string>([...standard, ...customModules]);
  const byFold = new Map<string, string>();
  for (const name of allowed) byFold.set(fold(name), name);

  return (module) => {
    if (typeof module === "string" && (allowed.has(module) || CUSTOM_MODULE.test(module))) return;
    throw new ZohoInputError("module", describeUnknownModule(module, version, line, byFold));
  };
}

function describeUnknownModule(
  module: unknown,
  version: ApiVersion,
  line: ApiLine,
  byFold: ReadonlyMap<string, string>,
): string {
  if (typeof module !== "string") {
    return `module must be a module API name such as "Leads" (got ${typeof module}).`;
  }
  const head = `Unknown module ${JSON.stringify(module)} for API ${version}.`;
  const folded = fold(module);
  const customNumber = /^custommodule([1-9][0-9]*)$/.exec(folded)?.[1];
  const close =
    byFold.get(folded) ??
    byFold.get(`${folded}s`) ??
    (customNumber === undefined ? undefined : `CustomModule${customNumber}`);
  const ownModuleHint = "If it is a module of your org, add its API name to the client's customModules option.";
  if (close !== undefined) {
    return `${head} Did you mean "${close}"? Modules go by their API names, which are case-sensitive and use underscores. ${ownModuleHint}`;
  }
  const newer = line === "v2" ? currentByFold.get(folded) : undefined;
  if (newer !== undefined) {
    return `${head} ${newer} takes attachments from v3 on: pick apiVersion "v3" or later. ${ownModuleHint}`;
  }
  const examples = line === "v2" ? "Leads, Contacts, Price_Books" : "Leads, Contacts, Appointments__s";
  return `${head} Use a standard module's API name (${examples}, ...) or CustomModule<N>. ${ownModuleHint}`;
}
