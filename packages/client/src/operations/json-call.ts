/**
 * The call every bodiless JSON operation makes: list, delete one or several, delete a photo, attach
 * a link in the query. It has no body, so it is always safe to send again (after a 429, or a token
 * refresh); GET and DELETE also retry on 502-504 and connection errors, a POST does not. A status
 * the operation does not accept becomes the request's ZohoApiError here, in one place.
 */
import { apiErrorFromResponse } from "../errors/from-response.js";
import { send } from "../pipeline/send.js";
import type { HttpMethod, PipelineContext, PipelineResult } from "../pipeline/types.js";

/** Per-call settings of a JSON call. */
export interface JsonCallOptions {
  /** The caller's signal (aborts the queue wait, attempts and backoff). */
  readonly signal: AbortSignal | undefined;
  /** The call's timeout; undefined uses the client's, false none. */
  readonly timeoutMs: number | false | undefined;
  /** The call's body idle timeout; undefined uses the client's, false none. */
  readonly bodyIdleTimeoutMs: number | false | undefined;
  /** Extra request headers (If-Modified-Since). */
  readonly headers?: Record<string, string> | undefined;
}

const OK: readonly number[] = [200];

/** Sends a bodiless call and returns its response when its status is in `accept`; throws its ZohoApiError otherwise. */
export async function sendJsonCall(
  context: { readonly pipeline: PipelineContext },
  method: HttpMethod,
  url: string,
  options: JsonCallOptions,
  accept: readonly number[] = OK,
): Promise<PipelineResult> {
  const result = await send(context.pipeline, {
    method,
    url,
    headers: options.headers,
    replayable: true,
    // GET and DELETE: the same call twice does no more than once. A POST (a link) would attach twice.
    idempotent: method !== "POST",
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    bodyIdleTimeoutMs: options.bodyIdleTimeoutMs,
  });
  if (!accept.includes(result.response.status)) throw apiErrorFromResponse(method, result);
  return result;
}
