/**
 * Turns the caller's list options into the exact query and headers to send, or throws a
 * ZohoInputError saying what to fix. Everything here runs before a request exists.
 */
import { apiLines, limits, since, versionAtLeast } from "@zcrm-attachments/types";
import { type ApiVersion, lineOf, supportsPageToken, versionsFrom } from "../api-versions.js";
import { ZohoInputError } from "../errors/errors.js";
import { checkIdList, checkRecordId } from "./attachment-ids.js";
import { checkSignal, checkTimeout } from "./call-options.js";
import { checkKnownOptions, show } from "./known-options.js";

/** List options as the runtime receives them (the public types narrow them per version). */
export interface ListInput {
  fields?: readonly string[] | string | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
  pageToken?: string | undefined;
  ids?: readonly string[] | undefined;
  ifModifiedSince?: Date | string | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | false | undefined;
  bodyIdleTimeoutMs?: number | false | undefined;
}

/** The query string parameters of one list request, under Zoho's names. */
export interface PageQuery {
  fields?: string;
  /** Only these attachments, comma-separated. */
  ids?: string;
  page?: number;
  per_page?: number;
  page_token?: string;
}

/** A checked list request, ready to send (the paginator changes only `query`). */
export interface PageRequest {
  module: string;
  recordId: string;
  query: PageQuery;
  ifModifiedSince: string | undefined;
  signal: AbortSignal | undefined;
  /** Per-call timeout (undefined: the client's). */
  timeoutMs: number | false | undefined;
  /** Per-call body idle timeout (undefined: the client's). */
  bodyIdleTimeoutMs: number | false | undefined;
}

const KNOWN_OPTIONS = new Set([
  "fields",
  "ids",
  "page",
  "perPage",
  "pageToken",
  "ifModifiedSince",
  "signal",
  "timeoutMs",
  "bodyIdleTimeoutMs",
]);
const SNAKE_CASE_HINTS: Record<string, string> = { per_page: "perPage", page_token: "pageToken" };

const { pageMin, perPageMax } = limits.list;

function checkPage(page: unknown): number {
  if (typeof page === "number" && Number.isInteger(page) && page >= pageMin) return page;
  throw new ZohoInputError("page", `page must be an integer of ${pageMin} or more (got ${show(page)}).`);
}

function checkPerPage(perPage: unknown): number {
  if (typeof perPage === "number" && Number.isInteger(perPage) && perPage >= 1 && perPage <= perPageMax) return perPage;
  throw new ZohoInputError("perPage", `perPage must be an integer from 1 to ${perPageMax} (got ${show(perPage)}).`);
}

/** Joins `fields` into Zoho's comma-separated form, each name once; undefined when it may be left out. */
export function toFieldsParam(fields: unknown, version: ApiVersion): string | undefined {
  if (fields === undefined) {
    if (lineOf(version) === "v2") return undefined;
    throw new ZohoInputError(
      "fields",
      `fields is mandatory on ${version} (${apiLines.current.versions[0]} and later): name the attachment fields to return, ` +
        `e.g. fields: ["id", "File_Name", "Size", "Created_Time"].`,
    );
  }
  const names = typeof fields === "string" ? fields.split(",") : Array.isArray(fields) ? (fields as unknown[]) : null;
  if (names === null) {
    throw new ZohoInputError("fields", `fields must be an array of field API names or a comma-separated string.`);
  }
  // A name given twice is sent once: repeats only lengthen the URL (5,000 of them pass 16 KiB, where
  // servers start refusing request lines).
  const cleaned = new Set<string>();
  for (const name of names) {
    const trimmed = typeof name === "string" ? name.trim() : "";
    if (trimmed === "" || /[\s,]/.test(trimmed)) {
      throw new ZohoInputError(
        "fields",
        `fields holds ${show(name)}, which is not a field API name such as "File_Name".`,
      );
    }
    cleaned.add(trimmed);
  }
  if (cleaned.size === 0) throw new ZohoInputError("fields", 'fields is empty: name at least one field, e.g. "id".');
  return [...cleaned].join(",");
}

/** Formats If-Modified-Since as ISO 8601 with an offset, as Zoho's samples send it. */
export function toIfModifiedSince(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new ZohoInputError("ifModifiedSince", "ifModifiedSince is an invalid Date.");
    // toISOString is always UTC; Zoho's samples write the offset out (+05:30), so "Z" becomes "+00:00".
    return `${value.toISOString().slice(0, 19)}+00:00`;
  }
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Date.parse(value))) return value.trim();
  throw new ZohoInputError(
    "ifModifiedSince",
    `ifModifiedSince must be a Date or an ISO 8601 time such as "2020-10-12T17:59:50+05:30" (got ${show(value)}).`,
  );
}

function checkPageToken(pageToken: unknown, version: ApiVersion): string {
  if (!supportsPageToken(version)) {
    throw new ZohoInputError(
      "pageToken",
      `pageToken needs API ${since.listAttachments.page_token} or later (this client uses ${version}): ` +
        `page with page and perPage, or pick apiVersion ${versionsFrom(since.listAttachments.page_token)}.`,
    );
  }
  if (typeof pageToken === "string" && pageToken !== "") return pageToken;
  throw new ZohoInputError("pageToken", `pageToken must be the non-empty info.next_page_token of a previous page.`);
}

/** Joins the `ids` filter (checked as attachment ids, repeats dropped) for a version that takes it. */
function toIdsParam(ids: unknown, version: ApiVersion): string {
  const from = since.listAttachments.ids;
  if (!versionAtLeast(version, from)) {
    throw new ZohoInputError(
      "ids",
      `ids needs API ${from} or later (this client uses ${version}): leave it out and pick the attachments ` +
        `from the page, or pick apiVersion ${versionsFrom(from)}.`,
    );
  }
  return checkIdList(ids, "ids", "to list (or leave ids out to list every attachment)").join(",");
}

/** Checks every list argument and returns the request to send; `known` are the option names the caller takes. */
export function toPageRequest(
  version: ApiVersion,
  module: string,
  recordId: unknown,
  input: unknown,
  known: ReadonlySet<string> = KNOWN_OPTIONS,
): PageRequest {
  if (input !== undefined && (typeof input !== "object" || input === null)) {
    throw new ZohoInputError("options", 'The list options must be an object such as { fields: ["id"] }.');
  }
  const checkedRecordId = checkRecordId(recordId);
  const options: ListInput = input ?? {};
  checkKnownOptions(options, known, SNAKE_CASE_HINTS);
  const query: PageQuery = {};
  const fields = toFieldsParam(options.fields, version);
  if (fields !== undefined) query.fields = fields;
  if (options.ids !== undefined) query.ids = toIdsParam(options.ids, version);
  if (options.page !== undefined) query.page = checkPage(options.page);
  if (options.perPage !== undefined) query.per_page = checkPerPage(options.perPage);
  if (options.pageToken !== undefined) query.page_token = checkPageToken(options.pageToken, version);
  const signal = checkSignal(options.signal);
  return {
    module,
    recordId: checkedRecordId,
    query,
    ifModifiedSince: toIfModifiedSince(options.ifModifiedSince),
    signal,
    timeoutMs: checkTimeout(options.timeoutMs),
    bodyIdleTimeoutMs: checkTimeout(options.bodyIdleTimeoutMs, "bodyIdleTimeoutMs"),
  };
}

/**
 * Pages an iterator reads at most before it gives up (`maxPages`). A server that answers
 * `more_records: true` for ever, with a new token or page number each time, would otherwise keep a
 * loop going without end; 1,000 pages are 200,000 attachments at the largest page size, far beyond
 * what one record holds.
 */
export const DEFAULT_MAX_PAGES = 1000;

/** The option names of the iterators: the list options, and `maxPages`, which only iterators take. */
export const ITERATE_OPTIONS: ReadonlySet<string> = new Set([...KNOWN_OPTIONS, "maxPages"]);

/** Reads an iterator's `maxPages` (an integer of 1 or more; default DEFAULT_MAX_PAGES). */
export function maxPagesOf(input: unknown): number {
  const maxPages = typeof input === "object" && input !== null ? (input as { maxPages?: unknown }).maxPages : undefined;
  if (maxPages === undefined) return DEFAULT_MAX_PAGES;
  if (typeof maxPages === "number" && Number.isInteger(maxPages) && maxPages >= 1) return maxPages;
  throw new ZohoInputError(
    "maxPages",
    `maxPages must be an integer of 1 or more, the most pages to read (got ${show(maxPages)}).`,
  );
}
