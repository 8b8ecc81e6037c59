/**
 * Which modules can hold a record photo: the spec's standard photo modules (Zoho's download and
 * delete photo pages and its v8 SDK's PHOTO_SUPPORTED_MODULES) and any custom module. Every other
 * standard module is refused before anything is sent. The v7/v8 upload page also lists Deals, but
 * no other page nor the SDK does, so the spec (and the client) refuse Deals until a source says otherwise.
 */
import { type ApiLine, knownModules } from "@zcrm-attachments/types";
import { ZohoInputError } from "../errors/errors.js";
import { isApiName, isStandardModule, notAnApiName, standardSpelling } from "./modules.js";

const DEALS_NOTE =
  " Zoho's upload page also lists Deals, but its other photo pages and its SDK do not, so the client refuses Deals.";

/** True when records of `module` can have a photo on `line`: a standard photo module, or any custom module. */
export function isPhotoModule(module: string, line: ApiLine): boolean {
  const photoModules: readonly string[] = knownModules[line].photo;
  if (isStandardModule(module)) return photoModules.includes(module);
  return standardSpelling(module) === undefined && isApiName(module);
}

/** Throws a ZohoInputError unless records of `module` can have a photo on `line`; returns the module. */
export function checkPhotoModule(module: unknown, line: ApiLine): string {
  if (typeof module !== "string") throw notAnApiName(module);
  if (isPhotoModule(module, line)) return module;
  const standard = standardSpelling(module);
  if (!isStandardModule(module) && standard === undefined) throw notAnApiName(module);
  const photoModules: readonly string[] = knownModules[line].photo;
  const close = standard !== undefined && photoModules.includes(standard) ? ` Did you mean "${standard}"?` : "";
  throw new ZohoInputError(
    "module",
    `Records of ${JSON.stringify(module)} cannot have a photo.${close} ` +
      `Photos exist for ${photoModules.join(", ")} and custom modules.${module === "Deals" ? DEALS_NOTE : ""}`,
  );
}
