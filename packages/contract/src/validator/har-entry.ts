/**
 * One HAR entry (HTTP Archive 1.2, as browsers and proxies export it) read as an exchange. The
 * shapes are @types/har-format's; a HAR file is input from anywhere, so each field is checked
 * before it is used, and an entry that cannot be read throws an Error saying what is wrong with it
 * (the caller adds where it is, and goes on with the other entries).
 */
import type { Content, Header, Param, Request, Response } from "har-format";
import { scanMultipart } from "./body-meter.js";
import {
  type Exchange,
  type FormPart,
  type HeaderValues,
  headerValue,
  queryRecord,
  type RequestBody,
} from "./exchange.js";
import { multipartBoundary } from "./multipart-scan.js";
import { isObject } from "./spec.js";

/** A HAR request or response as found in a file: any field may be missing. */
type Recorded<T> = { [K in keyof T]?: unknown };

/** Reads one HAR entry as an exchange; throws an Error naming the field that is missing or wrong. */
export function fromHarEntry(entry: unknown): Exchange {
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response))
    throw new Error("a HAR entry needs request and response objects");
  const request = entry.request as Recorded<Request>;
  const response = entry.response as Recorded<Response>;
  if (typeof request.method !== "string" || typeof request.url !== "string" || typeof response.status !== "number")
    throw new Error("request.method, request.url and response.status are required");
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new Error(
      `request.url ${JSON.stringify(request.url)} is not an absolute URL (a HAR entry's URL has its scheme and host)`,
    );
  }
  const headers = harHeaders(request.headers);
  return {
    request: {
      method: request.method,
      path: url.pathname,
      origin: url.origin,
      query: queryRecord(url),
      headers,
      body: harRequestBody(request.postData, request.bodySize, headers),
    },
    response: {
      status: response.status,
      headers: harHeaders(response.headers),
      ...harResponseBody(isObject(response.content) ? (response.content as Recorded<Content>) : {}),
    },
  };
}

/** A HAR request body: its params when the recorder listed them, else its text (scanned when multipart). */
function harRequestBody(postData: unknown, bodySize: unknown, headers: HeaderValues): RequestBody | null | undefined {
  if (!isObject(postData)) return bodySize === 0 ? null : undefined;
  const { params, text, mimeType, _problem } = postData as {
    params?: unknown;
    text?: unknown;
    mimeType?: unknown;
    _problem?: unknown;
  };
  if (Array.isArray(params) && params.length > 0) {
    const parts = (params as (Partial<Param> & RecordedParam)[]).map((p) => {
      const value = typeof p.value === "string" ? p.value : "";
      const part: FormPart = { name: String(p.name ?? ""), bytes: paramBytes(p, value) };
      if (typeof p.fileName === "string") part.fileName = p.fileName;
      else part.value = value;
      if (typeof p.contentType === "string") part.contentType = p.contentType;
      if (typeof p._sha256 === "string") part.sha256 = p._sha256;
      return part;
    });
    // A recorder that read the framing as it passed says what was wrong with it.
    return { parts, complete: true, ...(typeof _problem === "string" ? { problem: _problem } : {}) };
  }
  const bytes = new TextEncoder().encode(typeof text === "string" ? text : "");
  const body: RequestBody = { bytes: bytes.byteLength, complete: true };
  const type = headerValue(headers, "content-type") ?? (typeof mimeType === "string" ? mimeType : undefined);
  const boundary = multipartBoundary(type);
  if (boundary !== undefined && bytes.byteLength > 0) scanMultipart(bytes, boundary, body);
  return body;
}

/**
 * Custom fields a recorder may add to a param (HAR allows `_`-prefixed ones): zcrm-contract's proxy
 * keeps a file part as its size and SHA-256, or its bytes in base64 when asked to keep bodies.
 */
interface RecordedParam {
  _size?: unknown;
  _sha256?: unknown;
  _encoding?: unknown;
}

/** The bytes a param stood for: its recorded size, else its (base64-decoded) value's length. */
function paramBytes(param: RecordedParam, value: string): number {
  if (typeof param._size === "number" && Number.isSafeInteger(param._size) && param._size >= 0) return param._size;
  return param._encoding === "base64" ? Buffer.from(value, "base64").byteLength : Buffer.byteLength(value);
}

/** A HAR response body: its text (base64 for binary) when recorded, else only its size. */
function harResponseBody(content: Recorded<Content>): Pick<Exchange["response"], "body" | "received"> {
  if (typeof content.text === "string" && content.text !== "") {
    return { body: content.encoding === "base64" ? new Uint8Array(Buffer.from(content.text, "base64")) : content.text };
  }
  // Recorders often leave file contents out and keep only their size: judge the download by that.
  if (typeof content.size === "number" && content.size > 0) {
    const sha256 = (content as { _sha256?: unknown })._sha256;
    return { received: { bytes: content.size, complete: true, ...(typeof sha256 === "string" ? { sha256 } : {}) } };
  }
  return {};
}

function harHeaders(list: unknown): HeaderValues {
  const headers: HeaderValues = {};
  for (const item of Array.isArray(list) ? (list as Partial<Header>[]) : []) {
    if (typeof item?.name !== "string" || typeof item.value !== "string") continue;
    const key = item.name.toLowerCase();
    const existing = headers[key];
    headers[key] =
      existing === undefined ? item.value : [...(Array.isArray(existing) ? existing : [existing]), item.value];
  }
  return headers;
}
