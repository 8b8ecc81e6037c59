/**
 * Record and attachment ids as the client takes them: strings of digits. Zoho ids have up to 19
 * digits, more than a JavaScript number holds exactly (above 2^53 the last digits change), so
 * numbers and bigints are refused rather than silently turned into the id of another record.
 */
import { limits } from "@zcrm-attachments/types";
import { ZohoInputError } from "../errors/errors.js";
import { show } from "./known-options.js";

const ID = /^[0-9]{1,19}$/;

/** Checks a record id: a string of 1 to 19 digits. */
export function checkRecordId(recordId: unknown): string {
  if (typeof recordId === "string" && ID.test(recordId)) return recordId;
  if (typeof recordId === "number" || typeof recordId === "bigint") {
    throw new ZohoInputError(
      "recordId",
      `recordId must be a string of digits, not a ${typeof recordId}: Zoho ids have up to 19 digits and ` +
        `numbers above 2^53 lose precision (4150868000002728012 becomes 4150868000002728000). Pass the id as a string.`,
    );
  }
  throw new ZohoInputError("recordId", `recordId must be a string of 1 to 19 digits (got ${show(recordId)}).`);
}

/** Checks one attachment id (1 to 19 digits, as a string) and returns it. */
export function checkAttachmentId(id: unknown, parameter = "attachmentId"): string {
  if (typeof id === "string" && ID.test(id)) return id;
  if (typeof id === "number" || typeof id === "bigint") {
    throw new ZohoInputError(
      parameter,
      `${parameter} must be a string of digits, not a ${typeof id}: Zoho ids have up to 19 digits and numbers ` +
        `above 2^53 lose precision (${show(id)} may name another attachment). Pass the id as a string, as Zoho returns it.`,
    );
  }
  const where = typeof id === "string" && /[/.\s]/.test(id) ? " It must not hold slashes, dots or spaces." : "";
  throw new ZohoInputError(
    parameter,
    `${parameter} must be a string of 1 to 19 digits, such as "4150868000002728012" (got ${show(id)}).${where}`,
  );
}

/**
 * Checks a list of attachment ids (array or other iterable); drops repeats, keeping the first; refuses
 * an empty list, saying what the ids are `for` ("to delete").
 */
export function checkIdList(ids: unknown, parameter = "attachmentIds", purpose = "to delete"): string[] {
  if (typeof ids === "string") {
    throw new ZohoInputError(
      parameter,
      `${parameter} must be an array of id strings, not one string: pass [${show(ids)}] (or split a comma-separated list first).`,
    );
  }
  const iterable = typeof ids === "object" && ids !== null && Symbol.iterator in ids;
  if (!iterable) {
    throw new ZohoInputError(parameter, `${parameter} must be an array of attachment id strings (got ${show(ids)}).`);
  }
  const unique = new Set<string>();
  let index = 0;
  for (const id of ids as Iterable<unknown>) {
    unique.add(checkAttachmentId(id, `${parameter}[${index}]`));
    index += 1;
  }
  if (unique.size === 0) {
    throw new ZohoInputError(parameter, `${parameter} is empty: name at least one attachment id ${purpose}.`);
  }
  return [...unique];
}

/**
 * Splits ids into groups for bulk delete calls. Zoho documents no maximum for `ids`; 100 is the cap
 * it uses for ids elsewhere, hence the default.
 */
export function chunkIds(ids: readonly string[], size: number = limits.deleteMany.idsPerCall): string[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer (got ${size}).`);
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += size) chunks.push(ids.slice(start, start + size));
  return chunks;
}
