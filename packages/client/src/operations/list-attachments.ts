/**
 * One "Get list of Attachments" call: build the path and query of a checked request, send it through
 * the pipeline (auth, retries, limits, timeout) and turn the response into a page (200, 204, 304) or a
 * ZohoApiError. This is the hot path: no openapi-fetch, no Request or Headers objects (raw-client.ts).
 */
import type { Attachment, ListInfo, ListInfoV2 } from "@zcrm-attachments/types";
import type { ApiLine, ApiVersion } from "../api-versions.js";
import type { PageRequest } from "../input/list-options.js";
import { isRecord } from "../json.js";
import type { PipelineContext, PipelineResult } from "../pipeline/types.js";
import type { ZohoResponseMeta } from "../response-meta.js";
import { sendJsonCall } from "./json-call.js";
import { readJsonBody } from "./json-result.js";
import { fill, serializeQuery, specPaths, withQuery } from "./paths.js";

/** A page of attachments with its paging facts (status 200). */
export interface AttachmentsPageOk<Info> {
  status: 200;
  data: Attachment[];
  /** Paging facts: ListInfoV2 on the v2 line, ListInfo (with page tokens from v7 on) on the current line. */
  info: Info;
  notModified: false;
  headers: Headers;
  /** Zoho's token and limit headers, parsed. */
  meta: ZohoResponseMeta;
}

/** The record has no attachments (Zoho answered 204 with no body). */
export interface AttachmentsPageEmpty {
  status: 204;
  data: Attachment[];
  info: null;
  notModified: false;
  headers: Headers;
  /** Zoho's token and limit headers, parsed. */
  meta: ZohoResponseMeta;
}

/** Nothing changed since `ifModifiedSince` (Zoho answered 304). */
export interface AttachmentsPageNotModified {
  status: 304;
  data: Attachment[];
  info: null;
  notModified: true;
  headers: Headers;
  /** Zoho's token and limit headers, parsed. */
  meta: ZohoResponseMeta;
}

/** The result of one list call; switch on `status` (or check `notModified`). */
export type AttachmentsPage<Info = ListInfo | ListInfoV2> =
  | AttachmentsPageOk<Info>
  | AttachmentsPageEmpty
  | AttachmentsPageNotModified;

/** What a list call needs from its client. */
export interface ListContext {
  readonly version: ApiVersion;
  readonly line: ApiLine;
  readonly pipeline: PipelineContext;
}

const METHOD = "GET";
// 204: the record has no attachments; 304: nothing changed since ifModifiedSince.
const ACCEPT: readonly number[] = [200, 204, 304];
const EXPECTED = "{data: [...], info: {...}}";

/** The path and query of a list request, relative to the API domain. */
export function requestPath(context: ListContext, request: PageRequest): string {
  const path = fill(specPaths[context.line].attachments, context.version, {
    module: request.module,
    record_id: request.recordId,
  });
  return withQuery(path, serializeQuery(request.query));
}

/** The full URL of a request, for error reports (the token is a header, so it is never part of it). */
export function requestUrl(context: ListContext, request: PageRequest): string {
  const { pipeline } = context;
  return (pipeline.baseUrl ?? pipeline.fallbackBaseUrl) + requestPath(context, request);
}

/** Sends one list request and returns its page. */
export async function sendListRequest(context: ListContext, request: PageRequest): Promise<AttachmentsPage> {
  const headers = request.ifModifiedSince === undefined ? undefined : { "If-Modified-Since": request.ifModifiedSince };
  const options = {
    signal: request.signal,
    timeoutMs: request.timeoutMs,
    bodyIdleTimeoutMs: request.bodyIdleTimeoutMs,
    headers,
  };
  const result = await sendJsonCall(context, METHOD, requestPath(context, request), options, ACCEPT);
  const { response, meta } = result;
  if (response.status === 200) return okPage(result);
  if (response.status === 304) {
    return { status: 304, data: [], info: null, notModified: true, headers: response.headers, meta };
  }
  return { status: 204, data: [], info: null, notModified: false, headers: response.headers, meta };
}

function isPage(body: unknown): boolean {
  return isRecord(body) && Array.isArray(body.data) && isRecord(body.info);
}

function okPage(result: PipelineResult): AttachmentsPageOk<ListInfo | ListInfoV2> {
  const body = readJsonBody<{ data: Attachment[]; info: ListInfo | ListInfoV2 }>(METHOD, result, isPage, EXPECTED);
  return {
    status: 200,
    data: body.data,
    info: body.info,
    notModified: false,
    headers: result.response.headers,
    meta: result.meta,
  };
}
