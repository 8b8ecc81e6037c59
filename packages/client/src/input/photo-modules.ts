/**
 * Which modules can hold a record photo. Zoho's download and delete photo pages and its v8 SDK
 * (PHOTO_SUPPORTED_MODULES) name Leads, Contacts, Accounts, Products and Vendors, plus custom
 * modules. The v7/v8 upload page also lists Deals, but no other page nor the SDK does, so the client
 * follows the SDK and refuses Deals.
 */
import { ZohoInputError } from "../errors/errors.js";

/** Standard modules whose records can have a photo. */
export const PHOTO_MODULES: readonly string[] = ["Leads", "Contacts", "Accounts", "Products", "Vendors"];

const CUSTOM_MODULE = /^CustomModule[1-9][0-9]*$/;

/** Tells whether a module name is one of the org's custom modules (the client's customModules option). */
export type CustomModulePredicate = (module: string) => boolean;

/** True when records of `module` can have a photo: a photo module, CustomModule<N>, or a custom module by the predicate. */
export function isPhotoModule(module: string, isCustomModule: CustomModulePredicate = () => false): boolean {
  return PHOTO_MODULES.includes(module) || CUSTOM_MODULE.test(module) || isCustomModule(module);
}

/** Throws a ZohoInputError unless records of `module` can have a photo; returns the module. */
export function checkPhotoModule(module: unknown, isCustomModule: CustomModulePredicate = () => false): string {
  if (typeof module === "string" && isPhotoModule(module, isCustomModule)) return module;
  const name = typeof module === "string" ? JSON.stringify(module) : `a ${typeof module}`;
  const close =
    typeof module === "string" ? PHOTO_MODULES.find((m) => m.toLowerCase() === module.toLowerCase()) : undefined;
  throw new ZohoInputError(
    "module",
    `Records of ${name} cannot have a photo.${close === undefined ? "" : ` Did you mean "${close}"?`} ` +
      `Photos exist for ${PHOTO_MODULES.join(", ")} and custom modules (CustomModule<N> or a name in customModules). ` +
      "Zoho's upload page also lists Deals, but its other photo pages and its SDK do not, so the client refuses Deals.",
  );
}
