import { createHash } from "node:crypto";

// HAR 1.2 entries written the way the contract's recording proxy (`zcrm-contract proxy --record`)
// writes them: request method, URL, headers, queryString and postData; response status, headers and
// content {size, mimeType, text?, encoding?}, with `_sha256` on content whose bytes were not kept.

/** A recorded header. */
export type Header = { name: string; value: string };

/** What one entry's response content holds. */
export type Content =
  | { json: unknown }
  | { bytes: Buffer; mimeType: string }
  | { text: string; mimeType: string }
  | { sizeOnly: Buffer; mimeType: string }
  | { empty: true };

/** One entry to write. */
export interface EntrySpec {
  method: string;
  url: string;
  status: number;
  content?: Content;
  responseHeaders?: Header[];
  requestHeaders?: Header[];
  postData?: unknown;
  startedDateTime?: string;
}

const ORIGIN = "https://www.zohoapis.com";

/** A HAR log of these entries (`url` may be a path: it is put under Zoho's API domain). */
export function har(entries: readonly EntrySpec[]): { log: Record<string, unknown> } {
  return {
    log: {
      version: "1.2",
      creator: { name: "zcrm-contract proxy", version: "0.0.0" },
      entries: entries.map(entry),
    },
  };
}

function entry(spec: EntrySpec): Record<string, unknown> {
  const url = spec.url.startsWith("/") ? `${ORIGIN}${spec.url}` : spec.url;
  const query = [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  return {
    startedDateTime: spec.startedDateTime ?? "2026-02-20T08:00:00.000Z",
    time: 12,
    request: {
      method: spec.method,
      url,
      httpVersion: "HTTP/1.1",
      headers: [{ name: "Authorization", value: "Zoho-oauthtoken [redacted]" }, ...(spec.requestHeaders ?? [])],
      queryString: query,
      ...(spec.postData === undefined ? {} : { postData: spec.postData }),
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: spec.status,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: [...contentHeaders(spec.content), ...(spec.responseHeaders ?? [])],
      content: content(spec.content ?? { empty: true }),
      redirectURL: "",
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
  };
}

function contentHeaders(spec: Content | undefined): Header[] {
  if (spec === undefined || "empty" in spec) return [];
  return [{ name: "Content-Type", value: "json" in spec ? "application/json;charset=UTF-8" : spec.mimeType }];
}

function content(spec: Content): Record<string, unknown> {
  if ("empty" in spec) return { size: 0, mimeType: "" };
  if ("json" in spec) {
    const text = JSON.stringify(spec.json);
    return { size: Buffer.byteLength(text), mimeType: "application/json;charset=UTF-8", text };
  }
  if ("text" in spec) return { size: Buffer.byteLength(spec.text), mimeType: spec.mimeType, text: spec.text };
  if ("bytes" in spec) {
    return {
      size: spec.bytes.length,
      mimeType: spec.mimeType,
      text: spec.bytes.toString("base64"),
      encoding: "base64",
    };
  }
  return {
    size: spec.sizeOnly.length,
    mimeType: spec.mimeType,
    _sha256: createHash("sha256").update(spec.sizeOnly).digest("hex"),
  };
}

/** Zoho's success item of a write, as the upload and delete answers carry it. */
export function success(details: Record<string, unknown>): Record<string, unknown> {
  return { code: "SUCCESS", details, message: "success", status: "success" };
}
