/**
 * Walks every page of a record's attachments. Page numbers work on every version; from v7 on, when
 * Zoho hands out `info.next_page_token`, the token is followed instead (Zoho refuses page numbers past
 * the first 2000 records). A server that sends the same page or token again would make the walk
 * endless, so that throws a ZohoPaginationError instead; so does one that still promises more after
 * `maxPages` pages (default DEFAULT_MAX_PAGES), since a new token every time never repeats.
 */
import type { Attachment, ListInfo, ListInfoV2 } from "@zcrm-attachments/types";
import { supportsPageToken } from "../api-versions.js";
import { ZohoPaginationError } from "../errors/errors.js";
import { DEFAULT_MAX_PAGES, type PageQuery, type PageRequest } from "../input/list-options.js";
import { type AttachmentsPageOk, type ListContext, requestUrl, sendListRequest } from "./list-attachments.js";

function nextToken(info: ListInfo | ListInfoV2): string | undefined {
  const token = "next_page_token" in info ? info.next_page_token : undefined;
  return typeof token === "string" && token !== "" ? token : undefined;
}

/** Yields every non-empty page, starting from the request's own page or token. */
export async function* iteratePages(
  context: ListContext,
  first: PageRequest,
  maxPages = DEFAULT_MAX_PAGES,
): AsyncGenerator<AttachmentsPageOk<ListInfo | ListInfoV2>, void, undefined> {
  // Later requests keep fields and per_page and carry their own page or page_token.
  const baseQuery: PageQuery = { ...first.query };
  delete baseQuery.page;
  delete baseQuery.page_token;
  const useTokens = supportsPageToken(context.version);
  const seenTokens = new Set<string>(first.query.page_token === undefined ? [] : [first.query.page_token]);
  let request = first;
  let lastPageNumber: number | undefined;
  let lastFirstId: string | undefined;

  for (let pages = 1; ; pages++) {
    const page = await sendListRequest(context, request);
    if (page.status !== 200 || page.data.length === 0) return;

    const firstId = page.data[0]?.id;
    if (firstId !== undefined && firstId === lastFirstId) {
      throw new ZohoPaginationError(
        `The server sent the same page again (first attachment ${firstId}) for ${requestUrl(context, request)}; stopping instead of looping forever.`,
        requestUrl(context, request),
      );
    }
    lastFirstId = firstId;
    yield page;

    const { info } = page;
    if (info.more_records !== true) return;
    if (pages >= maxPages) {
      throw new ZohoPaginationError(
        `The server still reports more records after ${pages} pages of ${requestUrl(context, request)}; stopping ` +
          `at maxPages (${maxPages}). Pass a larger maxPages to read further.`,
        requestUrl(context, request),
      );
    }

    const token = useTokens ? nextToken(info) : undefined;
    let query: PageQuery;
    if (token !== undefined) {
      if (seenTokens.has(token)) {
        throw new ZohoPaginationError(
          `The server sent next_page_token ${JSON.stringify(token)} again after ${requestUrl(context, request)}; stopping instead of looping forever.`,
          requestUrl(context, request),
        );
      }
      seenTokens.add(token);
      query = { ...baseQuery, page_token: token };
    } else {
      const current = typeof info.page === "number" ? info.page : (request.query.page ?? 1);
      if (lastPageNumber !== undefined && current <= lastPageNumber) {
        throw new ZohoPaginationError(
          `The server answered page ${current} again after page ${lastPageNumber} for ${requestUrl(context, request)}; stopping instead of looping forever.`,
          requestUrl(context, request),
        );
      }
      lastPageNumber = current;
      query = { ...baseQuery, page: current + 1 };
    }
    request = { ...request, query };
  }
}

/** Yields every attachment of every page. */
export async function* iterateAttachments(
  context: ListContext,
  first: PageRequest,
  maxPages = DEFAULT_MAX_PAGES,
): AsyncGenerator<Attachment, void, undefined> {
  for await (const page of iteratePages(context, first, maxPages)) yield* page.data;
}
