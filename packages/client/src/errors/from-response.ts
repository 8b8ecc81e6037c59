/**
 * The one mapping from a non-success response to a ZohoApiError, shared by every operation. Zoho's
 * request-level errors are a bare `{code, details, message, status}`; per-item errors come wrapped
 * in `data[]`; gateways and proxies answer with HTML or plain text. Every string that ends up in the
 * error passes through the request's redaction first, in case a server echoed a secret back.
 */

import { isRecord, parseJsonText } from "../json.js";
import type { ZohoResponseMeta } from "../response-meta.js";
import { ZohoApiError, type ZohoErrorCode, type ZohoErrorDetails } from "./errors.js";
import { zohoErrorOf } from "./zoho-body.js";

/**
 * What the mapping reads of a request's final response. The pipeline's PipelineResult is one; the
 * error model names only these facts so that it stays below the pipeline.
 */
export interface AnsweredRequest {
  /** The final response. */
  readonly response: Response;
  /** The body, when it was read. */
  readonly text: string | undefined;
  /** The absolute URL of the final attempt. */
  readonly url: string;
  /** Retries made before this response. */
  readonly retries: number;
  /** Zoho's token and limit headers, parsed. */
  readonly meta: ZohoResponseMeta;
  /** Removes the request's secrets from a text. */
  redact(text: string): string;
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
export function apiErrorFromResponse(method: string, result: AnsweredRequest, text = result.text): ZohoApiError {
  const { response } = result;
  const body = parseJsonText(text, text);
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
