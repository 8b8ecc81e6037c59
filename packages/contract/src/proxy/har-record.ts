/**
 * One proxied exchange as a HAR 1.2 entry, with nothing secret in it: credential headers keep only
 * their scheme word, cookies their names, token-like query parameters, form fields and JSON
 * members are redacted, and every secret seen so far is scrubbed from the rest. JSON answers keep
 * their text; any other body is kept as its size and SHA-256 (`_sha256`, a custom field as HAR
 * allows), or with `recordBodies` as base64 text read back from its spool file when the entry is
 * written. Multipart uploads list their fields as `params`, a file part by name, size and hash.
 */
import { randomUUID } from "node:crypto";
import type { Content, Cookie, Entry, Header, Param, PostData, QueryString } from "har-format";
import { type FormPart, type HeaderValues, headerValue } from "../validator/exchange.js";
import { isJsonMediaType } from "../validator/media-type.js";
import { isSecretName, REDACTED, type Redactor, redactHeader } from "../validator/redact.js";
import { redactField, redactFormText, redactJsonText } from "../validator/redact-body.js";
import type { HeaderPairs, ProxiedExchange } from "./forward.js";
import { headerRecord, keptText, targetUrl } from "./proxied-exchange.js";
import type { SpoolRange } from "./spool.js";

/** An entry, and the kept bodies its placeholders stand for (written as base64 in their place). */
export interface HarRecord {
  entry: Entry;
  bodies: Map<string, SpoolRange>;
}

/** What a record is built with. */
export interface RecordSettings {
  target: URL;
  redactor: Redactor;
  /** The spooled response body, when the recording keeps bodies and it was kept whole. */
  responseBody?: SpoolRange;
}

/** Builds the entry of one exchange. */
export function harRecord(proxied: ProxiedExchange, settings: RecordSettings): HarRecord {
  const { redactor } = settings;
  const bodies = new Map<string, SpoolRange>();
  const placeholder = (range: SpoolRange) => {
    // A word no JSON text can hold by chance: the writer replaces it, quotes included, by the base64.
    const key = `zcrm-spool-${randomUUID()}`;
    bodies.set(key, range);
    return key;
  };
  const url = targetUrl(proxied, settings.target);
  for (const key of [...url.searchParams.keys()]) if (isSecretName(key)) url.searchParams.set(key, REDACTED);
  const requestHeaders = headerRecord(proxied.requestHeaders);
  const { send, wait, receive } = proxied.timings;
  const entry: Entry = {
    startedDateTime: proxied.startedDateTime.toISOString(),
    time: round(send + wait + receive),
    request: {
      method: proxied.method,
      url: redactor.scrub(url.toString()),
      httpVersion: proxied.httpVersion,
      cookies: cookies((headerValue(requestHeaders, "cookie") ?? "").split(/;\s*/)),
      headers: harHeaders(proxied.requestHeaders, redactor),
      queryString: [...url.searchParams].map(([name, value]): QueryString => ({ name, value })),
      headersSize: -1,
      bodySize: proxied.requestTap.bytes,
    },
    response: {
      status: 0,
      statusText: "",
      httpVersion: "",
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: "" },
      redirectURL: "",
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: {
      blocked: -1,
      dns: -1,
      connect: -1,
      ssl: -1,
      send: round(send),
      wait: round(wait),
      receive: round(receive),
    },
  };
  if (proxied.requestHasBody || proxied.requestTap.bytes > 0)
    entry.request.postData = postData(proxied, requestHeaders, redactor, placeholder);
  const answer = proxied.response;
  if (answer) {
    const headers = headerRecord(answer.headers);
    entry.response = {
      status: answer.status,
      statusText: answer.statusText,
      httpVersion: answer.httpVersion,
      cookies: cookies(([] as string[]).concat(headers["set-cookie"] ?? []).map((line) => line.split(";")[0] ?? "")),
      headers: harHeaders(answer.headers, redactor),
      content: content(proxied, headers, settings, placeholder),
      redirectURL: redactor.scrub(headerValue(headers, "location") ?? ""),
      headersSize: -1,
      bodySize: answer.tap.bytes,
    };
  }
  if (proxied.error) (entry as Entry & { _error?: string })._error = redactor.scrub(proxied.error.message);
  return { entry, bodies };
}

function postData(
  proxied: ProxiedExchange,
  headers: HeaderValues,
  redactor: Redactor,
  placeholder: (range: SpoolRange) => string,
): PostData {
  const tap = proxied.requestTap;
  const mimeType = headerValue(headers, "content-type") ?? "";
  const measured = { _size: tap.bytes, ...(tap.sha256 ? { _sha256: tap.sha256 } : {}) };
  const parts = tap.summary.parts;
  if (parts !== undefined) {
    const params = parts.map((part) => param(part, tap.partRanges.get(part), redactor, placeholder));
    const problem = tap.summary.problem === undefined ? {} : { _problem: tap.summary.problem };
    return { mimeType, params, ...measured, ...problem } as PostData;
  }
  const text = keptText(tap, headers);
  if (text === undefined) return { mimeType, text: "", ...measured } as PostData;
  if (/^application\/x-www-form-urlencoded/i.test(mimeType)) {
    const form = redactFormText(text);
    redactor.add(...form.secrets);
    const params = [...new URLSearchParams(form.text)].map(([name, value]): Param => ({ name, value }));
    // HAR 1.2 lists a URL-encoded body as its params, not also as text.
    return { mimeType, params: params.map((p) => ({ ...p, value: redactor.scrub(p.value ?? "") })) };
  }
  const redacted = isJsonMediaType(mimeType) ? redactJsonText(text) : { text, secrets: [] };
  redactor.add(...redacted.secrets);
  return { mimeType, text: redactor.scrub(redacted.text) };
}

function param(
  part: FormPart,
  range: SpoolRange | undefined,
  redactor: Redactor,
  placeholder: (range: SpoolRange) => string,
): Param {
  if (part.fileName === undefined)
    return { name: part.name, value: redactor.scrub(redactField(part.name, part.value ?? "")) };
  const file: Param & Record<string, unknown> = { name: part.name, fileName: part.fileName, value: "" };
  if (part.contentType !== undefined) file.contentType = part.contentType;
  file._size = part.bytes;
  if (part.sha256 !== undefined) file._sha256 = part.sha256;
  if (range !== undefined && range.length === part.bytes) {
    file.value = placeholder(range);
    file._encoding = "base64";
  }
  return file;
}

function content(
  proxied: ProxiedExchange,
  headers: HeaderValues,
  settings: RecordSettings,
  placeholder: (range: SpoolRange) => string,
): Content {
  const tap = (proxied.response as NonNullable<ProxiedExchange["response"]>).tap;
  const mimeType = headerValue(headers, "content-type") ?? "";
  const text = isJsonMediaType(mimeType) ? keptText(tap, headers) : undefined;
  if (text !== undefined) {
    const redacted = redactJsonText(text);
    settings.redactor.add(...redacted.secrets);
    const size = Buffer.byteLength(text);
    const compression = size - tap.bytes;
    return {
      size,
      mimeType,
      text: settings.redactor.scrub(redacted.text),
      ...(compression > 0 ? { compression } : {}),
    };
  }
  const out: Content & { _sha256?: string } = { size: tap.bytes, mimeType };
  if (tap.complete && tap.sha256 !== undefined) out._sha256 = tap.sha256;
  if (settings.responseBody !== undefined && tap.complete && tap.bytes > 0) {
    out.text = placeholder(settings.responseBody);
    out.encoding = "base64";
  }
  return out;
}

function harHeaders(headers: HeaderPairs, redactor: Redactor): Header[] {
  return headers.map(([name, value]) => ({ name, value: redactor.scrub(redactHeader(name, value)) }));
}

/** The names of `name=value` pairs, each with its value redacted. */
function cookies(pairs: string[]): Cookie[] {
  return pairs
    .map((pair) => pair.split("=")[0]?.trim() ?? "")
    .filter((name) => name !== "")
    .map((name) => ({ name, value: REDACTED }));
}

function round(ms: number): number {
  return Math.max(0, Math.round(ms * 1000) / 1000);
}
