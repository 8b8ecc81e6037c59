/**
 * One "Get list of Attachments" call: build the path and query of a checked request, send it through
 * the pipeline (auth, retries, limits, timeout) and turn the response into a page (200, 204, 304) or a
 * ZohoApiError. This is the hot path: no openapi-fetch, no Request or Headers objects (raw-client.ts).
 */
import type { Attachment, ListInfo, ListInfoV2 } from "@zcrm-attachments/types";
import type { ApiLine, ApiVersion } from "../api-versions.js";
import { ZohoApiError } from "../errors/errors.js";
import { apiErrorFromResponse, cleanHeaders } from "../errors/from-response.js";
import type { PageRequest } from "../input/list-options.js";
import { type PipelineContext, type PipelineResult, send } from "../pipeline/send.js";
import { serializeQuery } from "../raw-client.js";
import type { ZohoResponseMeta } from "../response-meta.js";

/** A page of attachments with its paging facts (status 200). */
export interface AttachmentsPageOk<Info> {
  status: 200;
  data: Attachment[];
  /** Paging facts: ListInfoV2 on v2/v2.1, ListInfo (with page tokens on v8) on v3 to v8. */
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

/** The path and query of a list request, relative to the API domain. */
export function requestPath(context: ListContext, request: PageRequest): string {
  const search = serializeQuery(request.query);
  const path = `/crm/${context.version}/${encodeURIComponent(request.module)}/${request.recordId}/Attachments`;
  return search === "" ? path : `${path}?${search}`;
}

/** The full URL of a request, for error reports (the token is a header, so it is never part of it). */
export function requestUrl(context: ListContext, request: PageRequest): string {
  const { pipeline } = context;
  return (pipeline.baseUrl ?? pipeline.fallbackBaseUrl) + requestPath(context, request);
}

/** Sends one list request and returns its page. */
export async function sendListRequest(context: ListContext, request: PageRequest): Promise<AttachmentsPage> {
  const result = await send(context.pipeline, {
    method: METHOD,
    url: requestPath(context, request),
    headers: request.ifModifiedSince === undefined ? undefined : { "If-Modified-Since": request.ifModifiedSince },
    replayable: true,
    idempotent: true,
    signal: request.signal,
    timeoutMs: request.timeoutMs,
  });
  const { response, meta } = result;
  const status = response.status;
  if (status === 200) return okPage(result);
  if (status === 204) return { status: 204, data: [], info: null, notModified: false, headers: response.headers, meta };
  if (status === 304) return { status: 304, data: [], info: null, notModified: true, headers: response.headers, meta };
  throw apiErrorFromResponse(METHOD, result);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function okPage(result: PipelineResult): AttachmentsPageOk<ListInfo | ListInfoV2> {
  let body: unknown;
  try {
    body = result.text === undefined || result.text === "" ? undefined : JSON.parse(result.text);
  } catch {
    body = undefined;
  }
  if (!isRecord(body) || !Array.isArray(body.data) || !isRecord(body.info)) {
    throw new ZohoApiError({
      status: 200,
      code: "INVALID_RESPONSE",
      zohoMessage: "a 200 response must be JSON of the form {data: [...], info: {...}}",
      details: {},
      method: METHOD,
      url: result.redact(result.url),
      headers: cleanHeaders(result.response.headers, result.redact),
      retries: result.retries,
      meta: result.meta,
    });
  }
  return {
    status: 200,
    data: body.data as Attachment[],
    info: body.info as ListInfo | ListInfoV2,
    notModified: false,
    headers: result.response.headers,
    meta: result.meta,
  };
}
