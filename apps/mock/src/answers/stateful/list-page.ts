/**
 * One page of a record's stored attachments, in the shape of the line asked: v2's `info` has
 * page, per_page, count and more_records; the current line adds the page-token keys, which carry
 * real tokens from `page_token`'s version on (null before, as in the earlier samples). From
 * `ids`'s version on, `ids` narrows the list to those attachments before it is paged; an id the
 * record does not hold is simply absent. Before their versions both parameters are ignored, as
 * Zoho ignores parameters a version does not know.
 */
import { type ApiLine, type ApiVersion, since, versionAtLeast } from "@zcrm-attachments/types";
import { attachmentRecord, projectFields, zohoTime } from "./attachment-fields.js";
import type { StoredAttachment } from "./attachment-store.js";
import type { PageCursor, PageTokens } from "./page-tokens.js";

/** What the list request asked for (Prism has already checked the ranges). */
export interface ListRequest {
  /** The line whose `info` shape the page takes. */
  line: ApiLine;
  version: ApiVersion;
  recordKey: string;
  page: number | undefined;
  perPage: number | undefined;
  pageToken: string | undefined;
  /** Only these attachments (`ids=a,b`); undefined for all. */
  ids: string[] | undefined;
  fields: string[] | undefined;
}

/** The answer: a page, an empty page (204), or a page token the mock does not know. */
export type ListAnswer = { kind: "page"; body: Record<string, unknown> } | { kind: "empty" } | { kind: "badToken" };

const DEFAULT_PER_PAGE = 200;

/** Builds the page that `request` asks for out of a record's attachments (newest first). */
export function listPage(all: readonly StoredAttachment[], request: ListRequest, tokens: PageTokens): ListAnswer {
  const v2Line = request.line === "v2";
  const tokensOn = versionAtLeast(request.version, since.listAttachments.page_token);
  const wanted = versionAtLeast(request.version, since.listAttachments.ids) ? request.ids : undefined;
  const items = wanted === undefined ? all : only(all, wanted);
  let perPage = request.perPage ?? DEFAULT_PER_PAGE;
  let page = request.page ?? 1;
  let start = (page - 1) * perPage;
  if (tokensOn && request.pageToken !== undefined) {
    const cursor = tokens.resolve(request.pageToken, request.recordKey);
    if (cursor === undefined) return { kind: "badToken" };
    perPage = request.perPage ?? cursor.perPage;
    page = cursor.page;
    start = startOf(items, cursor, perPage);
  }
  const slice = items.slice(start, start + perPage);
  if (slice.length === 0) return { kind: "empty" };
  const more = start + slice.length < items.length;
  const data = slice.map((item) => projectFields(attachmentRecord(item, request.line), request.fields));
  if (v2Line)
    return { kind: "page", body: { data, info: { per_page: perPage, count: slice.length, page, more_records: more } } };

  let next: string | null = null;
  let previous: string | null = null;
  let expiry: string | null = null;
  if (tokensOn) {
    const base = { recordKey: request.recordKey, perPage };
    const first = slice[0] as StoredAttachment;
    const last = slice[slice.length - 1] as StoredAttachment;
    if (more) {
      const issued = tokens.issue({ ...base, direction: "next", seq: last.seq, page: page + 1 });
      next = issued.token;
      expiry = zohoTime(issued.expiresAt);
    }
    if (start > 0) {
      const issued = tokens.issue({ ...base, direction: "previous", seq: first.seq, page: Math.max(1, page - 1) });
      previous = issued.token;
      expiry = zohoTime(issued.expiresAt);
    }
  }
  // Key order of Zoho's current-line sample.
  const info = {
    per_page: perPage,
    next_page_token: next,
    count: slice.length,
    page,
    previous_page_token: previous,
    page_token_expiry: expiry,
    more_records: more,
  };
  return { kind: "page", body: { data, info } };
}

function startOf(items: readonly StoredAttachment[], cursor: PageCursor, perPage: number): number {
  // Newest first means creation numbers fall along the list.
  if (cursor.direction === "next") {
    const index = items.findIndex((item) => item.seq < cursor.seq);
    return index === -1 ? items.length : index;
  }
  const newer = items.findIndex((item) => item.seq <= cursor.seq);
  const end = newer === -1 ? items.length : newer;
  return Math.max(0, end - perPage);
}

function only(items: readonly StoredAttachment[], ids: readonly string[]): StoredAttachment[] {
  const wanted = new Set(ids);
  return items.filter((item) => wanted.has(item.id));
}
