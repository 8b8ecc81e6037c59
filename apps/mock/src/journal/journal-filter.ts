/**
 * Which journal entries a caller asks for: one operation (by its kind, which matches both lines,
 * or by the spec's operationId, which matches one), one status, and entries since a point, given
 * as an entry index (the entries after it, for polling) or as a time (the entries at or after it).
 * The same rules serve `mock.requests(filter)` and `GET /__zcrm-mock/requests?...`; a filter that
 * does not make sense is refused with a message naming what to fix, never read as "everything".
 */
import { apiOperations, operationKinds } from "@zcrm-attachments/types";

/** What {@link RequestJournal.list} keeps; every field given must match. */
export interface RequestFilter {
  /** An operation kind (`uploadAttachment`: both lines) or an operationId (`uploadAttachmentV2`: that one). */
  operation?: string;
  /** The HTTP status answered. */
  status?: number;
  /** A number: the entries after that index. A Date or an ISO 8601 time: the entries at or after it. */
  since?: number | string | Date;
}

/** A filter checked and put in the form the journal compares against. */
export interface ParsedFilter {
  operation: string | undefined;
  status: number | undefined;
  afterIndex: number | undefined;
  fromTime: number | undefined;
}

/** The query keys of `GET /__zcrm-mock/requests`. */
export const FILTER_KEYS = ["operation", "status", "since"] as const;

const KINDS: readonly string[] = operationKinds;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Checks a filter from code; throws an Error saying what is wrong. */
export function parseFilter(filter: RequestFilter = {}): ParsedFilter {
  const parsed: ParsedFilter = { operation: undefined, status: undefined, afterIndex: undefined, fromTime: undefined };
  if (filter.operation !== undefined) parsed.operation = checkOperation(filter.operation);
  if (filter.status !== undefined) parsed.status = checkStatus(filter.status);
  const since = filter.since;
  if (since instanceof Date) {
    if (Number.isNaN(since.getTime())) throw new Error("since is an invalid Date.");
    parsed.fromTime = since.getTime();
  } else if (typeof since === "number") {
    if (!Number.isSafeInteger(since) || since < 0) {
      throw new Error(`since must be an entry index (a whole number, 0 or more) or a time (got ${since}).`);
    }
    parsed.afterIndex = since;
  } else if (since !== undefined) {
    parsed.fromTime = checkTime(since);
  }
  return parsed;
}

/** Reads the filter of a `GET /__zcrm-mock/requests` query; throws an Error saying what is wrong. */
export function parseFilterQuery(query: Readonly<Record<string, string | string[] | undefined>>): ParsedFilter {
  const filter: RequestFilter = {};
  for (const [key, value] of Object.entries(query)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw new Error(`Unknown filter "${key}". The filters are ${FILTER_KEYS.join(", ")}.`);
    }
    if (typeof value !== "string") throw new Error(`Give ${key} once.`);
    if (key === "operation") filter.operation = value;
    if (key === "status") {
      if (!/^\d{3}$/.test(value)) throw new Error(`status must be an HTTP status, three digits (got "${value}").`);
      filter.status = Number(value);
    }
    if (key === "since") filter.since = /^\d+$/.test(value) ? Number(value) : value;
  }
  return parseFilter(filter);
}

/** Whether an operation matches the filter's: the same kind, or the same operationId. */
export function operationMatches(wanted: string, operationId: string | null, kind: string | null): boolean {
  return wanted === operationId || wanted === kind;
}

function checkOperation(value: unknown): string {
  if (typeof value === "string" && (KINDS.includes(value) || Object.hasOwn(apiOperations, value))) return value;
  throw new Error(
    `operation must be one of ${KINDS.join(", ")} (both lines), or an operationId of the spec such as ` +
      `${Object.keys(apiOperations)[0]} (got ${JSON.stringify(value)}).`,
  );
}

function checkStatus(value: unknown): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 100 && value <= 599) return value;
  throw new Error(`status must be an HTTP status from 100 to 599 (got ${JSON.stringify(value)}).`);
}

function checkTime(value: unknown): number {
  const time = typeof value === "string" && ISO_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new Error(
      `since must be an entry index (a whole number) or an ISO 8601 time such as 2026-01-31T09:30:00Z (got ${JSON.stringify(value)}).`,
    );
  }
  return time;
}
