/**
 * Keeping secrets out of recordings and reports. A recorded request keeps the shape of its
 * credentials (the scheme word of an Authorization header, so `Zoho-oauthtoken` against `Bearer`
 * can still be told apart) but never the secret itself; and any text a report prints is scrubbed
 * of every secret seen, in case a server echoed a token into a body or an error message.
 */
import { isCredentialName } from "@zcrm-attachments/types";
import type { Exchange, HeaderValues } from "./exchange.js";

/** What stands in for a secret. */
export const REDACTED = "[redacted]";

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);
/** Secrets shorter than this are not scrubbed from text: they would match ordinary words. */
const MIN_SECRET_LENGTH = 6;

/** Whether a query parameter, form field or JSON member of this name holds a credential (Zoho's OAuth names). */
export function isSecretName(name: string): boolean {
  return isCredentialName(name);
}

/** The value of a header as it may be kept: credentials redacted, the scheme word of Authorization kept. */
export function redactHeader(name: string, value: string): string {
  const key = name.toLowerCase();
  if (!SECRET_HEADERS.has(key)) return value;
  const scheme = /^([A-Za-z][\w.-]*)\s+\S/.exec(value)?.[1];
  return key.endsWith("authorization") && scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

/** A copy of the exchange with credentials in headers and the query redacted; bodies are shared. */
export function redactExchange(exchange: Exchange): Exchange {
  const { request, response } = exchange;
  const copy: Exchange = {
    request: { ...request, path: redactPath(request.path) },
    response: { ...response },
  };
  if (request.headers) copy.request.headers = redactHeaders(request.headers);
  if (request.query) {
    copy.request.query = Object.fromEntries(
      Object.entries(request.query).map(([key, value]) => [key, isCredentialName(key) ? REDACTED : value]),
    );
  }
  if (response.headers) copy.response.headers = redactHeaders(response.headers);
  return copy;
}

/** Redacts every credential header of a header set. */
export function redactHeaders(headers: HeaderValues): HeaderValues {
  const out: HeaderValues = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = Array.isArray(value) ? value.map((v) => redactHeader(name, v)) : value && redactHeader(name, value);
  }
  return out;
}

function redactPath(path: string): string {
  const q = path.indexOf("?");
  if (q === -1) return path;
  const params = new URLSearchParams(path.slice(q + 1));
  for (const key of [...params.keys()]) if (isCredentialName(key)) params.set(key, REDACTED);
  return `${path.slice(0, q)}?${params.toString()}`;
}

/** The secrets an exchange carries: the credentials of its headers and query, before redaction. */
export function secretsOf(exchange: Exchange): string[] {
  const found: string[] = [];
  for (const headers of [exchange.request.headers, exchange.response.headers]) {
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (!SECRET_HEADERS.has(name.toLowerCase()) || value === undefined) continue;
      // The credential after the scheme word; a cookie, which has none, whole.
      for (const v of Array.isArray(value) ? value : [value]) found.push(v.replace(/^[A-Za-z][\w.-]*\s+/, ""));
    }
  }
  for (const [key, value] of Object.entries(exchange.request.query ?? {})) {
    if (isCredentialName(key)) found.push(...(Array.isArray(value) ? value : [value]));
  }
  return found.filter((secret) => secret !== REDACTED && !secret.endsWith(` ${REDACTED}`));
}

/** Collects secrets as they are seen and scrubs them out of any text. */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Remembers secrets to scrub (short or empty ones are ignored). */
  add(...secrets: (string | undefined)[]): void {
    for (const secret of secrets)
      if (secret && secret.trim().length >= MIN_SECRET_LENGTH) this.#secrets.add(secret.trim());
  }

  /** Replaces every remembered secret in the text, longest first (a token inside its header line too). */
  scrub(text: string): string {
    let out = text;
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) out = out.replaceAll(secret, REDACTED);
    return out;
  }
}
