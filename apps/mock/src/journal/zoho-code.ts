/**
 * The Zoho code of an answer, for the request journal: the `code` of Zoho's error body
 * (`{code, details, message, status: "error"}`), else of the first error item of a multi-item
 * answer (a 207 bulk delete, a duplicate link's 200), else the accounts server's `error`
 * (`{"error": "invalid_client"}`). Success answers have none. A cheap byte search comes first, so
 * a list of 200 attachments is never parsed only to find that it holds no error.
 */
import { isRecord } from "../prism/example-catalog.js";

// The journal keeps a code, not a body: a body this long is no error anyone reads a code from.
const MAX_PARSED_BYTES = 256 * 1024;

/** The Zoho (or accounts) error code in a JSON body, or null when it holds none. */
export function zohoCodeOf(json: Buffer | undefined): string | null {
  if (json === undefined || json.length > MAX_PARSED_BYTES) return null;
  const zohoError = json.includes('"error"');
  if (!zohoError) return null;
  let value: unknown;
  try {
    value = JSON.parse(json.toString("utf8"));
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  if (value.status === "error" && typeof value.code === "string") return value.code;
  if (Array.isArray(value.data)) {
    for (const item of value.data) {
      if (isRecord(item) && item.status === "error" && typeof item.code === "string") return item.code;
    }
  }
  return typeof value.error === "string" ? value.error : null;
}
