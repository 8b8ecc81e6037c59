/**
 * Reads the JSON body of a success response. The pipeline has read it already (`result.text`); a
 * body that is not the envelope the contract promises becomes a ZohoApiError with code
 * INVALID_RESPONSE, so callers never get `undefined` where the types say an object.
 */

import { ZohoApiError } from "../errors/errors.js";
import { cleanHeaders } from "../errors/from-response.js";
import { isRecord, parseJsonText } from "../json.js";
import type { PipelineResult } from "../pipeline/types.js";

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
  const body = parseJsonText(result.text);
  if (!isValid(body)) throw invalidResponse(method, result, expected);
  return body as T;
}

/** True for Zoho's write envelope: `{data: [{...}, ...]}` with at least one item. */
export function isDataEnvelope(body: unknown): boolean {
  return isRecord(body) && Array.isArray(body.data) && body.data.length > 0 && body.data.every(isRecord);
}
