/**
 * `restrict_triggers` of photo changes: which automation to skip. The current line takes any of the
 * spec's RestrictTriggers values (comma-separated); the v2 line only its RestrictTriggersV2 values,
 * and only on uploads (the v2 delete has no such parameter). The values come from the spec.
 */
import { apiLines, restrictTriggersV2Values, restrictTriggersValues } from "@zcrm-attachments/types";
import type { ApiLine } from "../api-versions.js";
import { ZohoInputError } from "../errors/errors.js";

const V2_VALUES: readonly string[] = restrictTriggersV2Values;

/** The first version of the current line, where every trigger is taken. */
const CURRENT_FROM = apiLines.current.versions[0];

/**
 * Checks a restrictTriggers option and returns the query to send ("" when there is nothing to skip).
 * `allowed` is false where the operation has no such parameter on this line.
 */
export function restrictTriggersQuery(value: unknown, line: ApiLine, allowed = true): string {
  if (value === undefined) return "";
  if (!allowed) {
    throw new ZohoInputError(
      "restrictTriggers",
      `restrictTriggers is not a parameter of the v2 photo delete: leave it out, or pick apiVersion "${CURRENT_FROM}" or later.`,
    );
  }
  const known: readonly string[] = line === "v2" ? V2_VALUES : restrictTriggersValues;
  if (!Array.isArray(value)) {
    throw new ZohoInputError(
      "restrictTriggers",
      `restrictTriggers must be an array such as ["workflow"] (got ${typeof value}).`,
    );
  }
  const picked = new Set<string>();
  for (const item of value as unknown[]) {
    if (typeof item !== "string" || !known.includes(item)) {
      const note =
        line === "v2" && restrictTriggersValues.includes(item as never)
          ? ` ${String(item)} needs ${CURRENT_FROM} or later.`
          : "";
      throw new ZohoInputError(
        "restrictTriggers",
        `restrictTriggers holds ${JSON.stringify(item)}; this version takes ${known.map((name) => JSON.stringify(name)).join(", ")}.${note}`,
      );
    }
    picked.add(item);
  }
  return picked.size === 0 ? "" : `restrict_triggers=${[...picked].join(",")}`;
}
