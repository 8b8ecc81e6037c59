/**
 * What the journal keeps of a request's query and text, with the secrets taken out. No header is
 * kept at all (Authorization, cookies), and no body (the token endpoint's client secret and refresh
 * token); what is left that could carry one is the query, where Zoho's accounts server takes the
 * same parameters, and Prism's messages, which might quote a value. Keys that carry credentials
 * keep their name with the value replaced, so a test still sees that one was sent.
 */
import type { IncomingMessage } from "node:http";
import type { IHttpNameValues } from "@stoplight/prism-http";
import { isCredentialName } from "@zcrm-attachments/types";

/** What stands in for a secret value. */
export const REDACTED = "[redacted]";

// Beside Zoho's OAuth credential names, a query may carry a grant's `code` and the usual names of
// other keys; `page_token` is no secret.
const OTHER_SECRET_KEY = /^(code|api_?key|secret|token)$/i;
const isSecretKey = (key: string) => isCredentialName(key) || OTHER_SECRET_KEY.test(key);
// A value shorter than this is not scrubbed from text: it would blank ordinary words.
const MIN_SECRET_LENGTH = 6;
// The journal is bounded in entries; these bound each entry.
const MAX_TEXT = 2048;
const MAX_QUERY_KEYS = 50;

/**
 * The query as the journal keeps it: the values of credential keys redacted, any of `secrets`
 * blanked out of the others, at most 50 keys, each value cut to 2,048 characters.
 */
export function redactQuery(query: IHttpNameValues, secrets: readonly string[]): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  let keys = 0;
  for (const key of Object.keys(query)) {
    if (++keys > MAX_QUERY_KEYS) break;
    const value = query[key];
    if (value === undefined) continue;
    const secret = isSecretKey(key);
    const keep = (v: string) => (secret ? REDACTED : scrub(v, secrets));
    kept[cut(key)] = Array.isArray(value) ? value.map(keep) : keep(value);
  }
  return kept;
}

/** The secrets a request carries in its Authorization header and its query, for {@link scrub}. */
export function secretsOf(req: IncomingMessage, query: IHttpNameValues): string[] {
  const found: string[] = [];
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    // The credential and the whole header: "Basic <b64>", "Zoho-oauthtoken <token>".
    const credential = authorization.trim().split(/\s+/).at(-1) ?? "";
    found.push(authorization.trim(), credential);
  }
  for (const key of Object.keys(query)) {
    if (!isSecretKey(key)) continue;
    const value = query[key];
    found.push(...(Array.isArray(value) ? value : value === undefined ? [] : [value]));
  }
  return found.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
}

/** `text` cut to the journal's length, with every one of `secrets` replaced by {@link REDACTED}. */
export function scrub(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
  return cut(clean);
}

/** A value cut to the journal's length; a request line may be far longer than anyone reads. */
export function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
