/**
 * Downloads (an attachment's bytes, a record's photo): a GET whose 200 body is handed over as a
 * stream, never buffered, with the file name from Content-Disposition (RFC 6266 / 5987), the content
 * type and the length. 204 (nothing there) is a result; every other status is a ZohoApiError.
 *
 * The stream holds the request's concurrency slot until it is read to the end or cancelled, so a
 * caller that does not want the bytes must cancel it. A body that breaks off (connection reset,
 * abort) errors the stream with a ZohoNetworkError.
 */
import { apiErrorFromResponse } from "../errors/from-response.js";
import { parseContentDisposition } from "../files/content-disposition.js";
import type { CheckedOptions } from "../input/call-options.js";
import { send } from "../pipeline/send.js";
import type { PipelineResult } from "../pipeline/types.js";
import type { ZohoResponseMeta } from "../response-meta.js";
import type { OperationContext } from "./operation-context.js";
import { typedBodyErrors } from "./typed-body.js";

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

const METHOD = "GET";
const DIGITS = /^[0-9]{1,15}$/;

/** The body length Content-Length promises, unless fetch decodes the body (then the header counts encoded bytes). */
export function bodyLength(headers: Headers): number | undefined {
  const encoding = headers.get("content-encoding");
  if (encoding !== null && encoding.trim().toLowerCase() !== "identity") return undefined;
  const length = headers.get("content-length")?.trim();
  return length !== undefined && DIGITS.test(length) ? Number(length) : undefined;
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
): Promise<DownloadResult> {
  return (await requestDownload(context, url, options)).download;
}

/** Like sendDownload, also returning the pipeline's result. */
export async function requestDownload(
  context: OperationContext,
  url: string,
  options: CheckedOptions,
): Promise<DownloadExchange> {
  const result = await send(context.pipeline, {
    method: METHOD,
    url,
    replayable: true,
    idempotent: true,
    stream: true,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
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
  // Fetch over HTTP always gives a 200 a body; a custom fetch might not.
  const body = response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  const download: DownloadOk = {
    status: 200,
    body: typedBodyErrors(body, METHOD, result, options.signal),
    fileName: parseContentDisposition(headers.get("content-disposition")).fileName,
    contentType: headers.get("content-type") ?? undefined,
    contentLength: bodyLength(headers),
    headers,
    meta,
  };
  return { download, result };
}
