/**
 * The request pipeline every operation goes through: concurrency slot → token → fetch (with timeout)
 * → retry / token refresh → result. Contract for operations built on it:
 *
 * - `send(ctx, request)` resolves with the final response once auth, retries and limits are done.
 *   Non-2xx responses are returned, not thrown: each operation decides what it accepts and maps the
 *   rest with `apiErrorFromResponse` (src/errors/from-response.ts). It throws ZohoNetworkError
 *   (kind network / aborted / timeout), ZohoAuthError (the token provider could not refresh) and
 *   ZohoInputError (a provider returned a malformed token).
 * - `request.url` is a path with its query ("/crm/v8/Leads/1/Attachments?fields=id"), joined to the
 *   client's API domain here (that domain may only be known after the first token, from `api_domain`),
 *   or an absolute URL, used as it is.
 * - `request.headers` never holds Authorization: it is added per attempt, with that attempt's token.
 * - `request.body` is a factory called once per attempt, so a retry or replay sends a fresh body;
 *   `duplex: "half"` is set when it returns a stream. `replayable: false` (a one-shot stream) means the
 *   request is never sent twice: no retry, no replay after a token refresh.
 * - `idempotent` (GET, DELETE) requests retry on 429, 502, 503, 504 and connection errors; others only
 *   on 429. Failures no retry can mend (a redirect loop, a redirect away from http(s), oversized
 *   headers, a refused redirect) fail at once, with a message that says why. Delays: Retry-After when given, else exponential backoff with jitter, never above
 *   `maxDelayMs` (a longer Retry-After returns the 429 at once; its meta carries retryAfterMs).
 * - On 401 INVALID_TOKEN the token is invalidated and the request replayed once with a new one.
 * - `redirect` is passed to fetch as it is (fetch drops Authorization on a redirect to another origin).
 * - `stream: true`: a 2xx body is handed over unread (`text` undefined); the caller's signal stays
 *   attached to it and the concurrency slot is held until it is read to the end or cancelled. Every
 *   other body (all of them without `stream`) is read here, inside the timeout, into `result.text`:
 *   within the body idle timeout, a 2xx within `maxJsonBytes` (past it: ZohoBodyTooLargeError, not
 *   retried; a stall is a timeout), any other status cut to its first 64 KiB.
 */

import { authorizationHeader } from "../auth.js";
import type { NetworkFailureKind } from "../errors/errors.js";
import { redact } from "../errors/redact.js";
import { zohoErrorCode } from "../errors/zoho-body.js";
import { emit } from "../events.js";
import { parseResponseMeta } from "../response-meta.js";
import { AttemptFailure, type AttemptOutcome, runAttempt } from "./attempt.js";
import { BodyLimitExceeded } from "./body-watch.js";
import { bodyLimitError, failureReason, hopelessFailure, toNetworkError } from "./network-error.js";
import { bodyIdleTimeoutFor } from "./pipeline-options.js";
import { backoffDelay, mayRetryStatus } from "./retry-policy.js";
import type { PipelineContext, PipelineRequest, PipelineResult } from "./types.js";

const SLASH = 47;

function adoptApiDomain(ctx: PipelineContext): string {
  ctx.baseUrl = ctx.tokens.apiDomain?.() ?? ctx.fallbackBaseUrl;
  return ctx.baseUrl;
}

function buildInit(request: PipelineRequest, token: string): RequestInit {
  const authorization = authorizationHeader(token);
  const headers =
    request.headers === undefined
      ? { Authorization: authorization }
      : { ...request.headers, Authorization: authorization };
  const init: RequestInit = { method: request.method, headers };
  if (request.redirect !== undefined) init.redirect = request.redirect;
  if (request.body !== undefined) {
    const body = request.body();
    init.body = body;
    // Streams must say so (fetch refuses them otherwise); nothing else may.
    if (body instanceof ReadableStream || (typeof body === "object" && body !== null && Symbol.asyncIterator in body)) {
      (init as RequestInit & { duplex: "half" }).duplex = "half";
    }
  }
  return init;
}

/** Sends a request through slot, token, timeout, retries and refresh; see the file header. */
export async function send(ctx: PipelineContext, request: PipelineRequest): Promise<PipelineResult> {
  const { limiter, logger, retry, clock } = ctx;
  const secrets: string[] = [];
  const timeout =
    request.timeoutMs === undefined ? ctx.timeoutMs : request.timeoutMs === false ? undefined : request.timeoutMs;
  const bodyIdleMs = bodyIdleTimeoutFor(ctx.bodyIdleTimeoutMs, request.bodyIdleTimeoutMs);
  const canResend = request.body === undefined || request.replayable;
  const release = limiter?.release;
  const stream = request.stream === true;
  let retries = 0;
  let renewed = false;
  for (let attempt = 1; ; attempt++) {
    let url = request.url;
    const waiting = limiter?.acquire(request.signal);
    if (waiting !== undefined) await waiting.catch((reason: unknown) => aborted(reason));
    let token: string;
    let init: RequestInit;
    try {
      const pending = ctx.tokens.get();
      token = typeof pending === "string" ? pending : await pending;
      if (!secrets.includes(token)) secrets.push(token);
      init = buildInit(request, token);
    } catch (error) {
      // No attempt started (the token or the body could not be had): the slot goes back at once.
      release?.();
      throw error;
    }
    if (url.charCodeAt(0) === SLASH) url = (ctx.baseUrl ?? adoptApiDomain(ctx)) + url;
    const started = logger === undefined ? 0 : clock.now();
    if (logger !== undefined)
      emit(logger, { type: "request", method: request.method, url: redact(url, secrets), attempt });

    let outcome: AttemptOutcome;
    try {
      const limits = {
        callerSignal: request.signal,
        timeoutMs: timeout,
        signals: ctx.signals,
        stream,
        release,
        bodyIdleMs,
        maxJsonBytes: ctx.maxJsonBytes,
        clock,
      };
      outcome = await runAttempt(ctx.fetch, url, init, limits);
    } catch (failure) {
      if (!(failure instanceof AttemptFailure)) throw failure;
      const { kind, error } = failure;
      // A body over its cap or stalled: the same server would do the same again.
      if (error instanceof BodyLimitExceeded) {
        if (logger !== undefined) emitResponse(url, attempt, undefined, "network", clock.now() - started);
        throw bodyLimitError(error, "json", request.method, redact(url, secrets), retries);
      }
      if (logger !== undefined) emitResponse(url, attempt, undefined, kind, clock.now() - started);
      const hopeless = kind === "network" ? hopelessFailure(error, request.redirect) : undefined;
      if (
        kind === "network" &&
        hopeless === undefined &&
        retry !== undefined &&
        retries < retry.maxRetries &&
        request.idempotent &&
        canResend
      ) {
        await pause(url, attempt, backoffDelay(retry, retries, clock.random), failureReason(kind, error), undefined);
        retries++;
        continue;
      }
      throw toNetworkError(kind, error, request.method, url, secrets, retries, hopeless);
    }

    const { response } = outcome;
    const status = response.status;
    const receivedAt = clock.now();
    if (logger !== undefined) emitResponse(url, attempt, status, undefined, receivedAt - started);
    const meta = parseResponseMeta(response.headers, receivedAt);
    if (status >= 400) {
      if (
        status === 401 &&
        !renewed &&
        canResend &&
        ctx.tokens.renew !== undefined &&
        zohoErrorCode(outcome.text) === "INVALID_TOKEN"
      ) {
        renewed = true;
        if (await ctx.tokens.renew(token)) {
          if (logger !== undefined)
            emitRetry(url, attempt, 0, "INVALID_TOKEN: refreshing the token and replaying", status);
          continue;
        }
      }
      if (
        retry !== undefined &&
        retries < retry.maxRetries &&
        canResend &&
        mayRetryStatus(status, request.idempotent)
      ) {
        const delay = meta.retryAfterMs ?? backoffDelay(retry, retries, clock.random);
        if (delay <= retry.maxDelayMs) {
          await pause(
            url,
            attempt,
            delay,
            `HTTP ${status}${meta.retryAfterMs === undefined ? "" : " (Retry-After)"}`,
            status,
          );
          retries++;
          continue;
        }
      }
    }
    return { response, text: outcome.text, url, retries, meta, redact: (text) => redact(text, secrets) };
  }

  async function pause(
    url: string,
    attempt: number,
    delayMs: number,
    reason: string,
    status: number | undefined,
  ): Promise<void> {
    emitRetry(url, attempt, delayMs, reason, status);
    await clock.sleep(delayMs, request.signal).catch((cause: unknown) => aborted(cause));
  }

  function emitResponse(
    url: string,
    attempt: number,
    status: number | undefined,
    failure: NetworkFailureKind | undefined,
    durationMs: number,
  ): void {
    emit(logger, {
      type: "response",
      method: request.method,
      url: redact(url, secrets),
      attempt,
      status,
      failure,
      durationMs,
    });
  }

  function emitRetry(url: string, attempt: number, delayMs: number, reason: string, status: number | undefined): void {
    emit(logger, {
      type: "retry",
      method: request.method,
      url: redact(url, secrets),
      attempt,
      delayMs,
      reason,
      status,
    });
  }

  // The caller's signal ended a wait (queue or backoff): report it like an aborted attempt.
  function aborted(reason: unknown): never {
    const kind = (reason as { name?: unknown } | undefined)?.name === "TimeoutError" ? "timeout" : "aborted";
    const url = request.url.charCodeAt(0) === SLASH ? (ctx.baseUrl ?? ctx.fallbackBaseUrl) + request.url : request.url;
    throw toNetworkError(kind, reason, request.method, url, secrets, retries);
  }
}
