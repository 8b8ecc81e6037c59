/**
 * Downloads (an attachment's bytes, a record's photo): a GET whose 200 body is handed over as a
 * stream, never buffered, with the file name from Content-Disposition (RFC 6266 / 5987), the content
 * type and the length. 204 (nothing there) is a result; every other status is a ZohoApiError.
 *
 * The stream holds the request's concurrency slot until it is read to the end or cancelled, so a
 * caller that does not want the bytes must cancel it. A body that breaks off (connection reset,
 * abort) errors the stream with a ZohoNetworkError, and so does one that stalls past the body idle
 * timeout (kind "timeout"). A body past `maxBytes` (by default Zoho's own limit for the kind of file,
 * counted after decoding) errors it with a ZohoBodyTooLargeError, or throws at once when its
 * Content-Length says so. A 200 that carries Zoho's JSON error instead of a file is thrown as a
 * ZohoApiError rather than handed over (refuseErrorIn200).
 */
import { ZohoInputError } from "../errors/errors.js";
import { apiErrorFromResponse } from "../errors/from-response.js";
import { zohoErrorOf } from "../errors/zoho-body.js";
import { parseContentDisposition } from "../files/content-disposition.js";
import type { CallOptions, CheckedOptions } from "../input/call-options.js";
import { parseJsonText } from "../json.js";
import { declaredLength, oversizeByLength } from "../pipeline/body-read.js";
import { bodyIdleTimeoutFor } from "../pipeline/pipeline-options.js";
import { send } from "../pipeline/send.js";
import type { PipelineResult } from "../pipeline/types.js";
import type { ZohoResponseMeta } from "../response-meta.js";
import type { OperationContext } from "./operation-context.js";
import { peekBody } from "./peek-body.js";
import { bodyReadError, typedBodyErrors } from "./typed-body.js";

/** A file came back (200): read or cancel `body`. */
export interface DownloadOk {
  status: 200;
  /** The bytes, as they arrive. */
  body: ReadableStream<Uint8Array>;
  /** The file name from Content-Disposition (decoded; not safe as a path as it is: see safeFileName). */
  fileName: string | undefined;
  /** The Content-Type header, as sent. */
  contentType: string | undefined;
  /** Bytes the body holds (Content-Length), when sent and the body is not content-encoded. */
  contentLength: number | undefined;
  headers: Headers;
  /** Zoho's token and limit headers, parsed. */
  meta: ZohoResponseMeta;
}

/** Nothing to download (204): an unknown attachment id, or a record without a photo. */
export interface DownloadNoContent {
  status: 204;
  body: null;
  fileName: undefined;
  contentType: undefined;
  contentLength: undefined;
  headers: Headers;
  /** Zoho's token and limit headers, parsed. */
  meta: ZohoResponseMeta;
}

/** The result of a download; switch on `status`. */
export type DownloadResult = DownloadOk | DownloadNoContent;

/** Options of the download methods. */
export interface DownloadOptions extends CallOptions {
  /**
   * Most bytes to take, counted after decoding; past it the download fails with a ZohoBodyTooLargeError
   * (default: Zoho's own limit, `limits.attachment.fileBytes`, or `limits.photo.fileBytes` for a photo).
   */
  maxBytes?: number;
}

const METHOD = "GET";

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
// A Zoho error body is far smaller; a JSON file that is larger is passed on without a second look.
const PEEK_BYTES = 64 * 1024;

function isJsonType(type: string | null): boolean {
  return type !== null && JSON_TYPE.test(type.trim());
}

/**
 * A 200 that is JSON and names no file may be Zoho's error in the place of the file (a proxy, or an
 * API that answers errors with 200): when its body is Zoho's error shape, that is thrown as the
 * ZohoApiError it is (status 200, Zoho's code) instead of being saved as the attachment. Anything
 * else, a JSON file included, is handed on whole.
 */
async function refuseErrorIn200(
  body: ReadableStream<Uint8Array>,
  result: PipelineResult,
): Promise<ReadableStream<Uint8Array>> {
  const peeked = await peekBody(body, PEEK_BYTES);
  if (peeked.complete) {
    const text = Buffer.concat(peeked.chunks).toString("utf8");
    const error = zohoErrorOf(parseJsonText(text));
    if (error?.status === "error") throw apiErrorFromResponse(METHOD, result, text);
  }
  return peeked.stream;
}

/** Checks a download's `maxBytes` option; `fallback` is Zoho's limit for the kind of file. */
export function checkMaxBytes(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 1) return value;
  throw new ZohoInputError(
    "maxBytes",
    `maxBytes must be a whole number of bytes, 1 or more (default ${fallback}, Zoho's own limit).`,
  );
}

/** A download's result with the pipeline's (for errors raised after the response). */
export interface DownloadExchange {
  download: DownloadResult;
  result: PipelineResult;
}

/** Sends a download GET for `url` (path and query) and returns its result; see the file header. */
export async function sendDownload(
  context: OperationContext,
  url: string,
  options: CheckedOptions,
  maxBytes: number,
): Promise<DownloadResult> {
  return (await requestDownload(context, url, options, maxBytes)).download;
}

/** Like sendDownload, also returning the pipeline's result. */
export async function requestDownload(
  context: OperationContext,
  url: string,
  options: CheckedOptions,
  maxBytes: number,
): Promise<DownloadExchange> {
  const { pipeline } = context;
  const result = await send(pipeline, {
    method: METHOD,
    url,
    replayable: true,
    idempotent: true,
    stream: true,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    bodyIdleTimeoutMs: options.bodyIdleTimeoutMs,
  });
  const { response, meta } = result;
  const { headers, status } = response;
  if (status === 204) {
    await response.body?.cancel().catch(() => {});
    const download: DownloadNoContent = {
      status,
      body: null,
      fileName: undefined,
      contentType: undefined,
      contentLength: undefined,
      headers,
      meta,
    };
    return { download, result };
  }
  if (status !== 200) {
    // Another 2xx was handed over unread: cancel it to free its slot. Other bodies were read already.
    if (result.text === undefined) await response.body?.cancel().catch(() => {});
    throw apiErrorFromResponse(METHOD, result);
  }
  const oversize = oversizeByLength(headers, maxBytes);
  if (oversize !== undefined) {
    await response.body?.cancel().catch(() => {});
    throw bodyReadError(oversize, METHOD, result, options.signal);
  }
  // Fetch over HTTP always gives a 200 a body; a custom fetch might not.
  const raw = response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  const idleMs = bodyIdleTimeoutFor(pipeline.bodyIdleTimeoutMs, options.bodyIdleTimeoutMs);
  let body = typedBodyErrors(raw, METHOD, result, options.signal, { maxBytes, idleMs, clock: pipeline.clock });
  const disposition = headers.get("content-disposition");
  if (disposition === null && isJsonType(headers.get("content-type"))) {
    body = await refuseErrorIn200(body, result);
  }
  const download: DownloadOk = {
    status: 200,
    body,
    fileName: parseContentDisposition(disposition).fileName,
    contentType: headers.get("content-type") ?? undefined,
    contentLength: declaredLength(headers),
    headers,
    meta,
  };
  return { download, result };
}
