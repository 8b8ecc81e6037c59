/**
 * One "Get list of Attachments" call: send a checked request, then turn the response into a page
 * (200, 204, 304) or a ZohoApiError / ZohoNetworkError.
 */
import type { Attachment, ListInfo, ListInfoV2 } from "@zcrm-attachments/types";
import type { ApiLine, ApiVersion } from "./api-versions.js";
import { authorizationHeader, type TokenSource } from "./auth.js";
import {
  type NetworkFailureKind,
  ZohoApiError,
  type ZohoErrorDetails,
  ZohoError,
  ZohoNetworkError,
} from "./errors.js";
import { redact, scrubError } from "./redact.js";
import { type HotGet, type HotInit, type HotResult, serializeQuery } from "./transport.js";
import type { PageRequest } from "./validate-input.js";

/** A page of attachments with its paging facts (status 200). */
export interface AttachmentsPageOk<Info> {
  status: 200;
  data: Attachment[];
  /** Paging facts: ListInfoV2 on v2/v2.1, ListInfo (with page tokens on v8) on v3 to v8. */
  info: Info;
  notModified: false;
  headers: Headers;
}

/** The record has no attachments (Zoho answered 204 with no body). */
export interface AttachmentsPageEmpty {
  status: 204;
  data: Attachment[];
  info: null;
  notModified: false;
  headers: Headers;
}

/** Nothing changed since `ifModifiedSince` (Zoho answered 304). */
export interface AttachmentsPageNotModified {
  status: 304;
  data: Attachment[];
  info: null;
  notModified: true;
  headers: Headers;
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
  readonly baseUrl: string;
  readonly get: HotGet;
  readonly tokens: TokenSource;
}

const PATHS = {
  v2: "/crm/v2/{module}/{record_id}/Attachments",
  current: "/crm/v8/{module}/{record_id}/Attachments",
} as const;

const METHOD = "GET";

/** The full URL of a request, for error reports (the token is a header, so it is never part of it). */
export function requestUrl(context: ListContext, request: PageRequest): string {
  const search = serializeQuery(request.query);
  const path = `/crm/${context.version}/${encodeURIComponent(request.module)}/${request.recordId}/Attachments`;
  return `${context.baseUrl}${path}${search === "" ? "" : `?${search}`}`;
}

/** Sends one list request and returns its page. */
export async function sendListRequest(
  context: ListContext,
  request: PageRequest,
): Promise<AttachmentsPage> {
  const pending = context.tokens();
  const token = typeof pending === "string" ? pending : await pending;
  const headers: Record<string, string> = { Authorization: authorizationHeader(token) };
  if (request.ifModifiedSince !== undefined) headers["If-Modified-Since"] = request.ifModifiedSince;
  const init: HotInit = {
    params: { path: { module: request.module, record_id: request.recordId }, query: request.query },
    plainHeaders: headers,
    parseAs: "text",
  };
  if (request.signal !== undefined) init.signal = request.signal;

  let result: HotResult;
  try {
    result = await context.get(PATHS[context.line], init);
  } catch (error) {
    throw networkError(error, context, request, token);
  }
  const { response } = result;
  const status = response.status;
  if (status === 200) return okPage(result, context, request, token);
  if (status === 204) return { status: 204, data: [], info: null, notModified: false, headers: response.headers };
  if (status === 304) return { status: 304, data: [], info: null, notModified: true, headers: response.headers };
  throw apiError(response, result.error ?? result.data, context, request, token);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function okPage(
  result: HotResult,
  context: ListContext,
  request: PageRequest,
  token: string,
): AttachmentsPageOk<ListInfo | ListInfoV2> {
  let body: unknown;
  try {
    body = result.data === undefined ? undefined : JSON.parse(result.data);
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
      url: redact(requestUrl(context, request), token),
      headers: result.response.headers,
    });
  }
  return {
    status: 200,
    data: body.data as Attachment[],
    info: body.info as ListInfo | ListInfoV2,
    notModified: false,
    headers: result.response.headers,
  };
}

function apiError(
  response: Response,
  body: unknown,
  context: ListContext,
  request: PageRequest,
  token: string,
): ZohoApiError {
  // Request-level errors are a bare {code, details, message, status}; accept one wrapped in data[] too.
  const candidate = isRecord(body) && Array.isArray(body.data) ? (body.data as unknown[])[0] : body;
  let code: string;
  let zohoMessage: string;
  let details: ZohoErrorDetails = {};
  if (isRecord(candidate) && typeof candidate.code === "string" && candidate.code !== "") {
    code = candidate.code;
    zohoMessage = typeof candidate.message === "string" ? candidate.message : "";
    if (isRecord(candidate.details)) details = candidate.details;
  } else {
    // Proxies and gateways answer with HTML or plain text; keep the start of it as the message.
    code = `HTTP_${response.status}`;
    const text = typeof body === "string" ? body.trim().replace(/\s+/g, " ") : "";
    zohoMessage = text === "" ? response.statusText || "(empty body)" : text.slice(0, 200);
  }
  const detailsJson = JSON.stringify(details);
  if (detailsJson.includes(token)) details = JSON.parse(redact(detailsJson, token)) as ZohoErrorDetails;
  return new ZohoApiError({
    status: response.status,
    code: redact(code, token),
    zohoMessage: redact(zohoMessage, token),
    details,
    method: METHOD,
    url: redact(requestUrl(context, request), token),
    headers: response.headers,
  });
}

function failureKind(error: unknown, signal: AbortSignal | undefined): NetworkFailureKind {
  const name = signal?.aborted ? (signal.reason as { name?: unknown } | undefined)?.name : (error as Error).name;
  if (name === "TimeoutError") return "timeout";
  return signal?.aborted || name === "AbortError" ? "aborted" : "network";
}

// The innermost system error code (ECONNREFUSED, ENOTFOUND, ...) says more than "fetch failed".
function systemCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; isRecord(current) || current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    if (depth > 5) break;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function networkError(error: unknown, context: ListContext, request: PageRequest, token: string): ZohoError {
  if (error instanceof ZohoError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = systemCode(error);
  const detail = redact(code === undefined ? message : `${message} (${code})`, token);
  return new ZohoNetworkError(
    failureKind(error, request.signal),
    METHOD,
    redact(requestUrl(context, request), token),
    detail,
    scrubError(error, token),
  );
}
