/**
 * Where Zoho puts its error code in a body: bare (`{code, details, message, status}`) or as the
 * first item of `data[]`. A leaf on purpose: the pipeline reads it to spot INVALID_TOKEN before any
 * operation maps the response, and the error mapping (from-response.ts) reads it to build the error.
 */
import { isRecord, parseJsonText } from "../json.js";

/** Zoho's error object in a body, if it holds one (bare, or the first item of `data[]`). */
export function zohoErrorOf(body: unknown): Record<string, unknown> | undefined {
  const candidate = isRecord(body) && Array.isArray(body.data) ? (body.data as unknown[])[0] : body;
  return isRecord(candidate) && typeof candidate.code === "string" && candidate.code !== "" ? candidate : undefined;
}

/** Zoho's error code in a response body text, if any (used to spot INVALID_TOKEN). */
export function zohoErrorCode(text: string | undefined): string | undefined {
  const error = zohoErrorOf(parseJsonText(text));
  return error === undefined ? undefined : (error.code as string);
}
