/**
 * Reads the JSON body of a success response. The pipeline has read it already (`result.text`); a
 * body that is not the envelope the contract promises becomes a ZohoApiError with code
 * INVALID_RESPONSE, so callers never get `undefined` where the types say an object.
 */

import { ZohoApiError } from "../errors/errors.js";
import { cleanHeaders } from "../errors/from-response.js";
import type { PipelineResult } from "../pipeline/send.js";

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The error for a success response whose body is not what the contract describes. */
export function invalidResponse(method: string, result: PipelineResult, expected: string): ZohoApiError {
  return new ZohoApiError({
    status: result.response.status,
    code: "INVALID_RESPONSE",
    zohoMessage: `a ${result.response.status} response must be JSON of the form ${expected}`,
    details: {},
    method,
    url: result.redact(result.url),
    headers: cleanHeaders(result.response.headers, result.redact),
    retries: result.retries,
    meta: result.meta,
  });
}

/** Parses the body as JSON and checks its shape; throws INVALID_RESPONSE when either fails. */
export function readJsonBody<T>(
  method: string,
  result: PipelineResult,
  isValid: (body: unknown) => boolean,
  expected: string,
): T {
  let body: unknown;
  try {
    body = result.text === undefined || result.text === "" ? undefined : JSON.parse(result.text);
  } catch {
    body = undefined;
  }
  if (!isValid(body)) throw invalidResponse(method, result, expected);
  return body as T;
}

/** True for Zoho's write envelope: `{data: [{...}, ...]}` with at least one item. */
export function isDataEnvelope(body: unknown): boolean {
  return isRecord(body) && Array.isArray(body.data) && body.data.length > 0 && body.data.every(isRecord);
}
