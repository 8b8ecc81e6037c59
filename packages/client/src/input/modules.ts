/**
 * Module API names, at type level and at run time. Any name of Zoho's API-name form is a module:
 * admins rename custom modules freely (ServiceCenters, Properties), and Zoho's own OpenAPI and SDKs
 * take any name, so the client does too. What it still refuses before sending, with a message that
 * says what to fix: a name not of that form ("Price Books"), a standard name in the wrong case
 * ("leads", almost always a typo, since Zoho's names are case-sensitive), and a standard module the
 * client's version does not serve (Calls on v2, Appointments__s on the v2 line). The standard
 * modules and the versions that serve them come from the spec (`knownModules`, `moduleSince`).
 */
import {
  type ApiLine,
  type ApiVersion,
  apiVersions,
  type components,
  knownModules,
  type LineOf,
  limits,
  lineOf,
  type moduleSince,
  moduleSinceOn,
  type VersionsSince,
  versionAtLeast,
} from "@zcrm-attachments/types";
import { ZohoInputError } from "../errors/errors.js";

type LineModules<L extends ApiLine> = (typeof knownModules)[L]["Attachments"][number];
type AnyKnownModule = LineModules<ApiLine>;
type LateModules<L extends ApiLine> = L extends keyof typeof moduleSince
  ? (typeof moduleSince)[L]
  : Record<never, never>;
// The line's standard modules that arrived after version V (Calls at v2).
type NotYetAt<V extends ApiVersion> = {
  [M in keyof LateModules<LineOf<V>>]: V extends VersionsSince<LateModules<LineOf<V>>[M] & ApiVersion> ? never : M;
}[keyof LateModules<LineOf<V>>];
type KnownAt<V extends ApiVersion> = Exclude<LineModules<LineOf<V>>, NotYetAt<V>>;

/** The standard modules that take attachments on version `V` (for a version union: on every one of them). */
export type KnownModule<V extends ApiVersion> = Exclude<
  AnyKnownModule,
  V extends unknown ? Exclude<AnyKnownModule, KnownAt<V>> : never
>;

/**
 * A custom module's API name: any API name that is not a standard module's (the spec's CustomModuleApiName).
 * @deprecated Custom modules are no longer `CustomModule<N>` only; this is `string` now. Use ModuleName.
 */
export type CustomModuleApiName = components["schemas"]["CustomModuleApiName"];

/**
 * The module names a client for version `V` takes: any API name, with the version's standard
 * modules offered first by editors. `C` is the deprecated customModules list, which adds nothing.
 */
export type ModuleName<V extends ApiVersion, C extends string = never> = KnownModule<V> | C | (string & {});

const API_NAME = new RegExp(limits.moduleName.pattern);
const { maxLength } = limits.moduleName;

// Every standard name of every line, by its lower-case form, to catch "leads" and "LEADS".
const standardByLowerCase = new Map<string, string>();
for (const line of Object.keys(knownModules) as ApiLine[]) {
  for (const names of Object.values(knownModules[line])) {
    for (const name of names as readonly string[]) standardByLowerCase.set(name.toLowerCase(), name);
  }
}

/** The standard module `name` is a wrong-case spelling of ("leads" → "Leads"); undefined for any other name. */
export function standardSpelling(name: string): string | undefined {
  const standard = standardByLowerCase.get(name.toLowerCase());
  return standard === name ? undefined : standard;
}

/** True when `name` is a standard module's exact API name on some line. */
export function isStandardModule(name: string): boolean {
  return standardByLowerCase.get(name.toLowerCase()) === name;
}

/** The error for a value that is not a module API name at all, with the name it most likely meant. */
export function notAnApiName(module: unknown): ZohoInputError {
  if (typeof module !== "string") {
    return new ZohoInputError("module", `module must be a module API name such as "Leads" (got ${typeof module}).`);
  }
  const form = "a letter, then letters, digits or underscores";
  if (module.length > maxLength) {
    return new ZohoInputError(
      "module",
      `module is ${module.length} characters long; Zoho's module API names are ${form}, at most ${maxLength}.`,
    );
  }
  // Display names ("Price Books", "price-books") meet their API names once spaces and hyphens are underscores.
  const underscored = module.trim().replace(/[\s-]+/g, "_");
  const guess = standardByLowerCase.get(underscored.toLowerCase()) ?? (API_NAME.test(underscored) ? underscored : "");
  return new ZohoInputError(
    "module",
    `${JSON.stringify(module)} is not a module API name (${form}).${guess === "" ? "" : ` Did you mean "${guess}"?`} ` +
      "Modules go by their API names, not their display names.",
  );
}

/** True for a name of Zoho's API-name form. */
export function isApiName(name: string): boolean {
  return name.length <= maxLength && API_NAME.test(name);
}

/** The error for a standard name in the wrong case. */
export function wrongCase(module: string, standard: string, version: ApiVersion): ZohoInputError {
  return new ZohoInputError(
    "module",
    `Unknown module ${JSON.stringify(module)} for API ${version}. Did you mean "${standard}"? ` +
      "Module API names are case-sensitive.",
  );
}

function serves(version: ApiVersion, module: string): boolean {
  const line = lineOf(version);
  const names: readonly string[] = knownModules[line].Attachments;
  return names.includes(module) && versionAtLeast(version, moduleSinceOn(line, module));
}

function notServed(module: string, version: ApiVersion): ZohoInputError {
  const first = apiVersions.find((candidate) => versionAtLeast(candidate, version) && serves(candidate, module));
  const pick = first === undefined ? "" : ` Pick apiVersion "${first}" or later.`;
  return new ZohoInputError(
    "module",
    `${module} takes attachments from ${first ?? "another version"} on (this client uses ${version}).${pick}`,
  );
}

/** Returns a check that gives back the module, or throws a ZohoInputError for one the client's version cannot send. */
export function createModuleCheck(version: ApiVersion): (module: unknown) => string {
  return (module) => {
    if (typeof module !== "string") throw notAnApiName(module);
    if (isStandardModule(module)) {
      if (!serves(version, module)) throw notServed(module, version);
      return module;
    }
    const standard = standardSpelling(module);
    if (standard !== undefined) throw wrongCase(module, standard, version);
    if (!isApiName(module)) throw notAnApiName(module);
    // Any other API name is one of the org's custom modules.
    return module;
  };
}

/** Checks the deprecated `customModules` option's shape (an array of API names), so old code still fails on typos. */
export function checkCustomModules(customModules: unknown): void {
  if (customModules === undefined) return;
  if (!Array.isArray(customModules)) {
    throw new ZohoInputError("customModules", "customModules must be an array of module API names.");
  }
  for (const name of customModules as unknown[]) {
    if (typeof name !== "string" || !isApiName(name)) {
      throw new ZohoInputError(
        "customModules",
        `customModules holds ${JSON.stringify(name)}, which is not a module API name (a letter, then letters, digits or underscores).`,
      );
    }
  }
}
