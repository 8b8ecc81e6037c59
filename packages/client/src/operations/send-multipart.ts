/**
 * Sends a POST whose body is a streaming multipart form (a file upload or a link form). Each attempt
 * gets a fresh stream from the body; it is replayable (retried on 429, replayed after a token
 * refresh) only when every file in it can be read again. Content-Type carries the boundary, and
 * Content-Length goes with it whenever every part's size is known, so the upload is not chunked.
 *
 * `redirect: "error"` is not a detail: with the default "follow", Node's fetch (undici) tees a stream
 * body to be able to re-send it after a redirect, and the unread branch keeps every chunk, so a
 * 300 MiB upload grew RSS by 316 MiB; with "error" it stays flat. Zoho does not redirect uploads.
 */
import { ZohoError } from "../errors/errors.js";
import type { UploadKind } from "../files/file-checks.js";
import { type FileInput, resolveFileSource } from "../files/file-source.js";
import { createMultipartBody, type MultipartBody, multipartHeaders } from "../files/multipart-body.js";
import { type CheckedOptions, optionalString } from "../input/call-options.js";
import { send } from "../pipeline/send.js";
import type { PipelineResult } from "../pipeline/types.js";
import type { OperationContext } from "./operation-context.js";

const MAX_CAUSE_DEPTH = 5;

/**
 * A failed upload may have failed because its body did (a stream passing the size limit, a file
 * that changed while it was read): fetch then reports "fetch failed" with that error as a cause.
 * The client's own error says more than a network error, so it wins.
 */
function bodyError(error: unknown): ZohoError | undefined {
  let current = (error as { cause?: unknown } | null)?.cause;
  for (let depth = 0; current !== undefined && current !== null && depth < MAX_CAUSE_DEPTH; depth++) {
    if (current instanceof ZohoError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** POSTs `body` to `url` (path and query) through the pipeline; returns the final response. */
export async function sendMultipart(
  context: OperationContext,
  url: string,
  body: MultipartBody,
  options: CheckedOptions,
): Promise<PipelineResult> {
  try {
    return await send(context.pipeline, {
      method: "POST",
      url,
      headers: multipartHeaders(body),
      body: () => body.stream(),
      replayable: body.replayable,
      idempotent: false,
      redirect: "error",
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      bodyIdleTimeoutMs: options.bodyIdleTimeoutMs,
    });
  } catch (error) {
    throw bodyError(error) ?? error;
  }
}

/** The one-part form of a file upload (`file`), checked against the limit before anything is sent. */
export async function fileUploadBody(
  file: FileInput,
  options: CheckedOptions,
  maxBytes: number,
  kind: UploadKind,
): Promise<MultipartBody> {
  const source = await resolveFileSource(file, {
    fileName: optionalString(options.values, "fileName"),
    contentType: optionalString(options.values, "contentType"),
    maxBytes,
    kind,
  });
  return createMultipartBody([{ name: "file", file: source }]);
}
