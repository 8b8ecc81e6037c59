/**
 * Reads recorded exchanges from a file: one exchange as JSON
 * (`{"request":{...},"response":{...}}`), an array of them, or a HAR log with any number of entries.
 */
import { readFile } from "node:fs/promises";
import { scanMultipart } from "./body-meter.js";
import {
  type Exchange,
  type FormPart,
  type HeaderValues,
  headerValue,
  queryRecord,
  type RequestBody,
} from "./exchange.js";
import { multipartBoundary } from "./multipart-scan.js";
import { isObject } from "./spec.js";

/** An exchange with a label saying where in the file it came from. */
export interface LabelledExchange {
  label: string;
  exchange: Exchange;
}

/** Parses the file's exchanges; throws an Error that says what is wrong with the file. */
export async function readExchanges(file: string): Promise<LabelledExchange[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  return parseExchanges(parsed, file);
}

/** Accepts the same shapes as readExchanges, already parsed. */
export function parseExchanges(parsed: unknown, source = "input"): LabelledExchange[] {
  if (isObject(parsed) && isObject(parsed.log) && Array.isArray(parsed.log.entries)) {
    const entries = parsed.log.entries as unknown[];
    if (entries.length === 0) throw new Error(`${source} is a HAR file with no entries`);
    return entries.map((entry, i) => ({
      label: `${source} entry ${i + 1}`,
      exchange: fromHarEntry(entry, `${source} entry ${i + 1}`),
    }));
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((item, i) => {
    const label = Array.isArray(parsed) ? `${source} [${i}]` : source;
    return { label, exchange: checkExchange(item, label) };
  });
}

function checkExchange(value: unknown, label: string): Exchange {
  const problem = (what: string) =>
    new Error(
      `${label}: ${what}. Expected {"request":{"method","path","query","headers"},"response":{"status","headers","body"}} or a HAR file.`,
    );
  if (!isObject(value)) throw problem("not an object");
  const { request, response } = value;
  if (!isObject(request) || typeof request.method !== "string" || typeof request.path !== "string") {
    throw problem("request.method and request.path must be strings");
  }
  if (!isObject(response) || typeof response.status !== "number") throw problem("response.status must be a number");
  return value as unknown as Exchange;
}

interface HarHeader {
  name: string;
  value: string;
}
interface HarPostData {
  mimeType?: string;
  text?: string;
  params?: { name: string; value?: string; fileName?: string; contentType?: string }[];
}
interface HarContent {
  size?: number;
  text?: string;
  encoding?: string;
}

function fromHarEntry(entry: unknown, label: string): Exchange {
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response)) {
    throw new Error(`${label}: a HAR entry needs request and response objects`);
  }
  const request = entry.request as {
    method?: unknown;
    url?: unknown;
    headers?: HarHeader[];
    postData?: HarPostData;
    bodySize?: number;
  };
  const response = entry.response as { status?: unknown; headers?: HarHeader[]; content?: HarContent };
  if (typeof request.method !== "string" || typeof request.url !== "string" || typeof response.status !== "number") {
    throw new Error(`${label}: request.method, request.url and response.status are required`);
  }
  const url = new URL(request.url);
  const headers = harHeaders(request.headers);
  return {
    request: {
      method: request.method,
      path: url.pathname,
      query: queryRecord(url),
      headers,
      body: harRequestBody(request.postData, request.bodySize, headers),
    },
    response: {
      status: response.status,
      headers: harHeaders(response.headers),
      ...harResponseBody(response.content ?? {}),
    },
  };
}

/** A HAR request body: its params when the recorder listed them, else its text (scanned when multipart). */
function harRequestBody(
  postData: HarPostData | undefined,
  bodySize: number | undefined,
  headers: HeaderValues,
): RequestBody | null | undefined {
  if (!postData) return bodySize === 0 ? null : undefined;
  if (postData.params && postData.params.length > 0) {
    const parts = postData.params.map((p) => {
      const part: FormPart = { name: p.name, bytes: Buffer.byteLength(p.value ?? "") };
      if (p.fileName !== undefined) part.fileName = p.fileName;
      else part.value = p.value ?? "";
      if (p.contentType !== undefined) part.contentType = p.contentType;
      return part;
    });
    return { parts, complete: true };
  }
  const bytes = new TextEncoder().encode(postData.text ?? "");
  const body: RequestBody = { bytes: bytes.byteLength, complete: true };
  const boundary = multipartBoundary(headerValue(headers, "content-type") ?? postData.mimeType);
  if (boundary !== undefined && bytes.byteLength > 0) scanMultipart(bytes, boundary, body);
  return body;
}

/** A HAR response body: its text (base64 for binary) when recorded, else only its size. */
function harResponseBody(content: HarContent): Pick<Exchange["response"], "body" | "received"> {
  if (content.text !== undefined && content.text !== "") {
    return { body: content.encoding === "base64" ? new Uint8Array(Buffer.from(content.text, "base64")) : content.text };
  }
  // Recorders often leave file contents out and keep only their size: judge the download by that.
  if (typeof content.size === "number" && content.size > 0)
    return { received: { bytes: content.size, complete: true } };
  return {};
}
function harHeaders(list: HarHeader[] | undefined): HeaderValues {
  const headers: HeaderValues = {};
  for (const { name, value } of list ?? []) {
    const key = name.toLowerCase();
    const existing = headers[key];
    headers[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return headers;
}
