/**
 * The two JSON helpers every reader of Zoho's bodies needs: telling a plain object from the rest,
 * and parsing a body the pipeline has already read as text. Kept apart from the readers so the
 * pipeline (which sniffs INVALID_TOKEN) and the operations (which read results) share one copy.
 */

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses a body text. An absent or empty body is `undefined`; text that is not JSON gives `invalid`
 * (default undefined), so an error reader can keep a gateway's HTML as its message.
 */
export function parseJsonText(text: string | undefined, invalid: unknown = undefined): unknown {
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return invalid;
  }
}
