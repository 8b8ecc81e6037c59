/**
 * The one mapping from a non-success response to a ZohoApiError, shared by every operation. Zoho's
 * request-level errors are a bare `{code, details, message, status}`; per-item errors come wrapped
 * in `data[]`; gateways and proxies answer with HTML or plain text. Every string that ends up in the
 * error passes through the request's redaction first, in case a server echoed a secret back.
 */

import type { PipelineResult } from "../pipeline/send.js";
import { ZohoApiError, type ZohoErrorCode, type ZohoErrorDetails } from "./errors.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Zoho's error code in a body, if it holds one (bare, or the first item of `data[]`). */
export function zohoErrorOf(body: unknown): Record<string, unknown> | undefined {
  const candidate = isRecord(body) && Array.isArray(body.data) ? (body.data as unknown[])[0] : body;
  return isRecord(candidate) && typeof candidate.code === "string" && candidate.code !== "" ? candidate : undefined;
}

/** Zoho's error code in a response body text, if any (used to spot INVALID_TOKEN). */
export function zohoErrorCode(text: string | undefined): string | undefined {
  const error = zohoErrorOf(parseJson(text));
  return error === undefined ? undefined : (error.code as string);
}

/**
 * `headers`, or a copy with every secret removed when a value holds one: a server or proxy that
 * reflects request headers would otherwise put the token into an error's headers.
 */
export function cleanHeaders(headers: Headers, clean: (text: string) => string): Headers {
  let copy: Headers | undefined;
  headers.forEach((value, name) => {
    const redacted = clean(value);
    if (redacted === value) return;
    copy ??= new Headers(headers);
    copy.set(name, redacted);
  });
  return copy ?? headers;
}

/**
 * Builds the ZohoApiError for a response the operation does not accept. `text` is the body (the
 * pipeline has read it for every non-2xx); `method` is the request's.
 */
export function apiErrorFromResponse(method: string, result: PipelineResult, text = result.text): ZohoApiError {
  const { response } = result;
  const body = parseJson(text);
  const error = zohoErrorOf(body);
  let code: ZohoErrorCode;
  let zohoMessage: string;
  let details: ZohoErrorDetails = {};
  if (error !== undefined) {
    code = error.code as string;
    zohoMessage = typeof error.message === "string" ? error.message : "";
    if (isRecord(error.details)) details = error.details;
  } else {
    // Keep the start of a non-Zoho body (collapsed whitespace) as the message.
    code = `HTTP_${response.status}`;
    const plain = typeof body === "string" ? body.trim().replace(/\s+/g, " ") : "";
    zohoMessage = plain === "" ? response.statusText || "(empty body)" : plain.slice(0, 200);
  }
  const detailsJson = JSON.stringify(details);
  const cleanDetails = result.redact(detailsJson);
  if (cleanDetails !== detailsJson) details = JSON.parse(cleanDetails) as ZohoErrorDetails;
  return new ZohoApiError({
    status: response.status,
    code: result.redact(code),
    zohoMessage: result.redact(zohoMessage),
    details,
    method,
    url: result.redact(result.url),
    headers: cleanHeaders(response.headers, result.redact),
    retries: result.retries,
    meta: result.meta,
  });
}
