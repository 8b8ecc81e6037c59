/**
 * The entries of a HAR 1.2 recording (as the contract's recording proxy writes it, or a browser
 * exports it) read as calls of the spec's operations. An entry whose URL and method match no
 * operation is someone else's traffic and is skipped, as is an answer that changed nothing (an
 * error); every other entry must be readable, or the whole seed is refused with a message naming
 * the entry and what is wrong with it. The URL is split the way the mock splits a live request.
 */
import { createHash } from "node:crypto";
import type { IHttpNameValues } from "@stoplight/prism-http";
import { apiOperations, limits, type OperationId, type OperationKind } from "@zcrm-attachments/types";
import { isRecord } from "../prism/example-catalog.js";
import { splitRequestTarget } from "../wire/request-input.js";

/** One header of a recorded request or answer. */
export interface RecordedHeader {
  name: string;
  value: string;
}

/** A recorded answer's body: its bytes when they were kept, else at most their size and hash. */
export interface RecordedContent {
  bytes: Buffer | undefined;
  size: number | undefined;
  sha256: string | undefined;
  mimeType: string | undefined;
}

/** One recorded call of an operation that answered with success. */
export interface RecordedCall {
  /** How messages name it: the file, the entry's place, the request line. */
  where: string;
  /** The entry's place in the file, from 1 (later entries happened later). */
  entry: number;
  kind: OperationKind;
  module: string;
  recordId: string;
  attachmentId: string | undefined;
  query: IHttpNameValues;
  status: number;
  /** `startedDateTime`, epoch ms, when recorded. */
  startedAt: number | undefined;
  requestHeaders: RecordedHeader[];
  /** `request.postData` as recorded (read by har-upload.ts). */
  postData: unknown;
  responseHeaders: RecordedHeader[];
  content: RecordedContent;
}

const MODULE_NAME = new RegExp(limits.moduleName.pattern);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const SHA256 = /^[0-9a-f]{64}$/i;

/** The successful calls of a parsed HAR, in file order, and how many entries were skipped. */
export function readHarCalls(
  har: unknown,
  source: string,
  idPattern: RegExp,
): { calls: RecordedCall[]; ignored: number } {
  const entries = isRecord(har) && isRecord(har.log) ? har.log.entries : undefined;
  if (!Array.isArray(entries)) throw new Error(`${source}: not a HAR file (it has no log.entries list).`);
  const calls: RecordedCall[] = [];
  let ignored = 0;
  for (const [index, entry] of entries.entries()) {
    const call = readEntry(entry, index + 1, source, idPattern);
    if (call === undefined) ignored += 1;
    else calls.push(call);
  }
  return { calls, ignored };
}

/** A recorded answer's body parsed as JSON; throws naming the call when it is missing or no JSON. */
export function recordedJson(call: RecordedCall): unknown {
  const { bytes } = call.content;
  if (bytes === undefined)
    throw new Error(`${call.where}: the answer's body (response.content.text) is not in the recording.`);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new Error(`${call.where}: the answer's body (response.content.text) is not JSON.`);
  }
}

/** The first value of a header in a recorded list, by name in any case. */
export function headerOf(headers: readonly RecordedHeader[], name: string): string | undefined {
  return headers.find((header) => header.name.toLowerCase() === name)?.value;
}

function readEntry(entry: unknown, place: number, source: string, idPattern: RegExp): RecordedCall | undefined {
  const at = `${source} entry ${place}`;
  if (!isRecord(entry) || !isRecord(entry.request) || !isRecord(entry.response)) {
    throw new Error(`${at}: a HAR entry needs request and response objects.`);
  }
  const { request, response } = entry;
  if (typeof request.method !== "string" || typeof request.url !== "string" || typeof response.status !== "number") {
    throw new Error(`${at}: request.method, request.url and response.status are required.`);
  }
  if (!URL.canParse(request.url))
    throw new Error(`${at}: request.url ${JSON.stringify(request.url)} is not an absolute URL.`);
  const target = splitRequestTarget(request.url);
  const operation = operationOf(request.method.toUpperCase(), target.specPath);
  // Another API's traffic, and answers that changed nothing (Zoho's errors, 304).
  if (operation === undefined || response.status < 200 || response.status > 299) return undefined;
  const where = `${at} (${request.method.toUpperCase()} ${target.path})`;
  const [, , , module = "", recordId = "", , attachmentId] = target.segments;
  if (!MODULE_NAME.test(module) || module.length > limits.moduleName.maxLength) {
    throw new Error(`${where}: ${JSON.stringify(module)} is no module API name.`);
  }
  for (const id of [recordId, attachmentId]) {
    if (id !== undefined && !idPattern.test(id))
      throw new Error(`${where}: ${JSON.stringify(id)} is no id of the form ${idPattern.source}.`);
  }
  const started = typeof entry.startedDateTime === "string" ? Date.parse(entry.startedDateTime) : Number.NaN;
  return {
    where,
    entry: place,
    kind: apiOperations[operation].kind,
    module,
    recordId,
    attachmentId,
    query: target.query,
    status: response.status,
    startedAt: Number.isNaN(started) ? undefined : started,
    requestHeaders: headers(request.headers),
    postData: request.postData,
    responseHeaders: headers(response.headers),
    content: contentOf(response.content, where),
  };
}

/** The operation whose method and path template match: `{x}` takes any one segment. */
function operationOf(method: string, specPath: string): OperationId | undefined {
  const segments = specPath.split("/");
  for (const [id, operation] of Object.entries(apiOperations) as [OperationId, (typeof apiOperations)[OperationId]][]) {
    if (operation.method !== method) continue;
    const template = operation.path.split("/");
    if (template.length !== segments.length) continue;
    if (template.every((part, i) => (part.startsWith("{") ? segments[i] !== "" : part === segments[i]))) return id;
  }
  return undefined;
}

function contentOf(content: unknown, where: string): RecordedContent {
  const out: RecordedContent = { bytes: undefined, size: undefined, sha256: undefined, mimeType: undefined };
  if (!isRecord(content)) return out;
  if (typeof content.mimeType === "string") out.mimeType = content.mimeType;
  if (content.size !== undefined && content.size !== -1) {
    if (!Number.isSafeInteger(content.size) || (content.size as number) < 0) {
      throw new Error(
        `${where}: response.content.size must be a number of bytes (got ${JSON.stringify(content.size)}).`,
      );
    }
    out.size = content.size as number;
  }
  if (content._sha256 !== undefined) {
    if (typeof content._sha256 !== "string" || !SHA256.test(content._sha256)) {
      throw new Error(`${where}: response.content._sha256 must be 64 hex digits.`);
    }
    out.sha256 = content._sha256.toLowerCase();
  }
  if (typeof content.text === "string" && content.text !== "") {
    if (content.encoding === "base64") {
      const text = content.text.replace(/\s+/g, "");
      if (!BASE64.test(text) || text.length % 4 === 1)
        throw new Error(`${where}: response.content.text is not base64.`);
      out.bytes = Buffer.from(text, "base64");
    } else {
      out.bytes = Buffer.from(content.text, "utf8");
    }
    if (out.sha256 !== undefined && createHash("sha256").update(out.bytes).digest("hex") !== out.sha256) {
      throw new Error(`${where}: response.content.text does not match response.content._sha256.`);
    }
  }
  return out;
}

function headers(list: unknown): RecordedHeader[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is RecordedHeader => isRecord(item) && typeof item.name === "string" && typeof item.value === "string",
  );
}
