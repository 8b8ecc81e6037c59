/**
 * Media types and media ranges (RFC 9110 §8.3.1, §12.5.1): the spec documents ranges such as
 * `*\/*` and `image/*`, while a response must name one concrete type.
 */

/** A parsed `type/subtype`, lower-cased, parameters dropped. */
export interface MediaType {
  type: string;
  subtype: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** Parses the `type/subtype` part of a Content-Type or a documented media key, or returns undefined. */
export function parseMediaType(value: string): MediaType | undefined {
  const essence = (value.split(";")[0] ?? "").trim().toLowerCase();
  const slash = essence.indexOf("/");
  if (slash <= 0) return undefined;
  const type = essence.slice(0, slash);
  const subtype = essence.slice(slash + 1);
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  return { type, subtype };
}

/** The outcome of matching a response's Content-Type against the documented media keys. */
export type MediaMatch = { key: string } | { problem: string };

/**
 * Picks the documented media key that a concrete Content-Type falls under, the most specific one
 * first (exact type, then `type/*`, then `*\/*`), or says why none does.
 */
export function matchMediaRange(documented: readonly string[], contentType: string | undefined): MediaMatch {
  const listed = documented.join(", ");
  if (contentType === undefined || contentType.trim() === "")
    return { problem: `the response has no Content-Type (documented: ${listed})` };
  const actual = parseMediaType(contentType);
  if (!actual) return { problem: `Content-Type ${contentType} is not a media type (documented: ${listed})` };
  if (actual.type === "*" || actual.subtype === "*") {
    return {
      problem: `Content-Type ${contentType} is a media range; a response must name one type (documented: ${listed})`,
    };
  }
  let best: { key: string; rank: number } | undefined;
  for (const key of documented) {
    const range = parseMediaType(key);
    if (!range) continue;
    const rank =
      range.type === actual.type && range.subtype === actual.subtype
        ? 3
        : range.type === actual.type && range.subtype === "*"
          ? 2
          : range.type === "*" && range.subtype === "*"
            ? 1
            : 0;
    if (rank > (best?.rank ?? 0)) best = { key, rank };
  }
  return best
    ? { key: best.key }
    : { problem: `content type ${contentType} is not documented (documented: ${listed})` };
}

/** Whether a media type is JSON (`application/json` or any `+json` type). */
export function isJsonMediaType(value: string): boolean {
  const media = parseMediaType(value);
  return (
    media !== undefined && media.type === "application" && (media.subtype === "json" || media.subtype.endsWith("+json"))
  );
}
