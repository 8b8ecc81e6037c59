/**
 * A proxied exchange in the validator's shape, so the contract session judges it like any recorded
 * exchange: the request's method, path, query, headers and the summary of its body (size, and the
 * parts of a multipart upload); the answer's status, headers, its JSON text when it was small
 * enough to keep (decoded when the target compressed it), and for any other body the count and
 * SHA-256 of the bytes that went through. And the secrets it carries, collected before anything
 * about it is written: those of its headers and query, and those of its bodies, which the accounts
 * server's traffic has (a refresh grant's form fields, the access token in its answer).
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { type Exchange, type HeaderValues, headerValue, queryRecord } from "../validator/exchange.js";
import { isJsonMediaType } from "../validator/media-type.js";
import { secretsOf } from "../validator/redact.js";
import { isSecretField, redactFormText, redactJsonText } from "../validator/redact-body.js";
import type { BodyTap } from "./body-tap.js";
import type { HeaderPairs, ProxiedExchange } from "./forward.js";

/** Decoded JSON answers larger than this are not judged by schema (a compression bomb stops here). */
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

/** The URL the request went to at the target. */
export function targetUrl(exchange: ProxiedExchange, target: URL): URL {
  return new URL(target.pathname.replace(/\/+$/, "") + exchange.target, target.origin);
}

/** Header pairs as a record with lower-case names; a repeated header keeps every value. */
export function headerRecord(headers: HeaderPairs): HeaderValues {
  const out: HeaderValues = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const existing = out[key];
    out[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return out;
}

/** The body's text, if it was kept whole: undone from its content coding, read as UTF-8. */
export function keptText(tap: BodyTap, headers: HeaderValues): string | undefined {
  const bytes = tap.kept();
  if (bytes === undefined) return undefined;
  const coding = (headerValue(headers, "content-encoding") ?? "identity").trim().toLowerCase();
  const options = { maxOutputLength: MAX_DECODED_BYTES };
  try {
    if (coding === "identity" || coding === "") return bytes.toString("utf8");
    if (coding === "gzip" || coding === "x-gzip") return gunzipSync(bytes, options).toString("utf8");
    if (coding === "deflate") return inflateSync(bytes, options).toString("utf8");
    if (coding === "br") return brotliDecompressSync(bytes, options).toString("utf8");
  } catch {
    // A body that does not decode is judged by its size only, like one too large to keep.
  }
  return undefined;
}

/** The exchange as the validator reads it; credentials are still in it (the session redacts). */
export function exchangeOf(proxied: ProxiedExchange, target: URL): Exchange {
  const url = targetUrl(proxied, target);
  const tap = proxied.requestTap;
  const request: Exchange["request"] = {
    method: proxied.method,
    path: url.pathname,
    origin: url.origin,
    query: queryRecord(url),
    headers: headerRecord(proxied.requestHeaders),
    body: !proxied.requestHasBody && tap.bytes === 0 ? null : { ...tap.summary, complete: tap.complete },
  };
  const answer = proxied.response;
  if (!answer) return { request, response: { status: 0 } };
  const headers = headerRecord(answer.headers);
  const response: Exchange["response"] = {
    status: answer.status,
    headers,
    received: {
      bytes: answer.tap.bytes,
      complete: answer.tap.complete,
      ...(answer.tap.sha256 !== undefined ? { sha256: answer.tap.sha256 } : {}),
    },
  };
  const text = keptText(answer.tap, headers);
  if (text !== undefined && text !== "") response.body = text;
  return { request, response };
}

/** Every credential of the exchange, in headers, query, form fields and JSON bodies. */
export function exchangeSecrets(proxied: ProxiedExchange, exchange: Exchange): string[] {
  const found = secretsOf(exchange);
  for (const part of exchange.request.body?.parts ?? [])
    if (part.fileName === undefined && part.value !== undefined && isSecretField(part.name)) found.push(part.value);
  const requestHeaders = headerRecord(proxied.requestHeaders);
  const type = headerValue(requestHeaders, "content-type") ?? "";
  const sent = exchange.request.body?.parts === undefined ? keptText(proxied.requestTap, requestHeaders) : undefined;
  if (sent !== undefined && /^application\/x-www-form-urlencoded/i.test(type))
    found.push(...redactFormText(sent).secrets);
  else if (sent !== undefined && isJsonMediaType(type)) found.push(...redactJsonText(sent).secrets);
  const answer = exchange.response.body;
  if (typeof answer === "string" && isJsonMediaType(headerValue(exchange.response.headers, "content-type") ?? ""))
    found.push(...redactJsonText(answer).secrets);
  return found;
}
