/**
 * One attempt: fetch, then either read the body (JSON calls, and every non-2xx so the pipeline can
 * look at it) or hand a 2xx body on as a stream. The timeout covers the attempt up to the response
 * headers and, when the body is read here, the body too; for a streamed body only the caller's
 * signal stays attached. A body read here is bounded as well (body-read.ts): by the idle timeout,
 * and in size by `maxJsonBytes` for a 2xx or ERROR_BODY_BYTES for any other status, whose body is
 * cut there rather than refused. The concurrency slot is given back when the body has been read
 * here, or when the caller's stream ends, errors or is cancelled.
 */
import type { NetworkFailureKind } from "../errors/errors.js";
import { ERROR_BODY_BYTES, readBodyText } from "./body-read.js";
import type { Clock } from "./retry-policy.js";
import type { LentController, TimeoutSignals } from "./timeout-signals.js";
import type { FetchLike } from "./types.js";

/** What one attempt produced. */
export interface AttemptOutcome {
  response: Response;
  /** The body, when it was read here (undefined: a 2xx streamed to the caller). */
  text: string | undefined;
}

/** An attempt that got no (complete) response; `kind` says why. */
export class AttemptFailure {
  constructor(
    readonly kind: NetworkFailureKind,
    readonly error: unknown,
  ) {}
}

const TIMEOUT = "TimeoutError";

function timeoutReason(timeoutMs: number): DOMException {
  return new DOMException(`no response within ${timeoutMs} ms`, TIMEOUT);
}

function failureKind(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  timer: AbortController | undefined,
): NetworkFailureKind {
  if (callerSignal?.aborted) {
    // A caller's AbortSignal.timeout() is a timeout too, whoever set it.
    return (callerSignal.reason as { name?: unknown } | undefined)?.name === TIMEOUT ? "timeout" : "aborted";
  }
  if (timer?.signal.aborted === true) return "timeout";
  const name = (error as { name?: unknown } | null)?.name;
  return name === TIMEOUT ? "timeout" : name === "AbortError" ? "aborted" : "network";
}

// Passes the body through untouched and gives the slot back exactly once, however the stream ends.
function releaseOnBodyEnd(response: Response, release: () => void): Response {
  const source = response.body;
  if (source === null) {
    release();
    return response;
  }
  const reader = source.getReader();
  let released = false;
  const done = (): void => {
    if (released) return;
    released = true;
    release();
  };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = await reader.read();
          if (chunk.done) {
            done();
            controller.close();
          } else {
            controller.enqueue(chunk.value);
          }
        } catch (error) {
          done();
          controller.error(error);
        }
      },
      cancel(reason) {
        done();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** How one attempt is bounded: the caller's signal, a timeout, and where timeout signals come from. */
export interface AttemptLimits {
  callerSignal: AbortSignal | undefined;
  timeoutMs: number | undefined;
  signals: TimeoutSignals;
  stream: boolean;
  /** Gives the concurrency slot back (undefined: no limit). */
  release: (() => void) | undefined;
  /** Longest wait without progress while reading a body here (undefined: none). */
  bodyIdleMs: number | undefined;
  /** Most bytes of a 2xx body read here. */
  maxJsonBytes: number;
  /** Time and timers of the idle timeout. */
  clock: Pick<Clock, "now" | "schedule">;
}

/**
 * Runs one attempt. `release` (the concurrency slot) is always called once: here, or when a streamed
 * body ends. Throws an AttemptFailure when no complete response arrived.
 */
export async function runAttempt(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  limits: AttemptLimits,
): Promise<AttemptOutcome> {
  const { callerSignal, timeoutMs, release } = limits;
  // A streamed body outlives the timeout, so its controller is never lent back to the pool.
  let lent: LentController | undefined;
  if (timeoutMs !== undefined)
    lent = limits.stream ? { controller: new AbortController(), uses: 1 } : limits.signals.take();
  const timer = lent?.controller;
  let handle: ReturnType<typeof setTimeout> | undefined;
  if (timer !== undefined) {
    handle = setTimeout(() => timer.abort(timeoutReason(timeoutMs as number)), timeoutMs);
    init.signal = callerSignal === undefined ? timer.signal : AbortSignal.any([callerSignal, timer.signal]);
  } else if (callerSignal !== undefined) {
    init.signal = callerSignal;
  }
  let handedOff = false;
  try {
    const response = await fetchFn(url, init);
    if (limits.stream && response.ok) {
      clearTimeout(handle);
      handedOff = release !== undefined;
      return { response: release === undefined ? response : releaseOnBodyEnd(response, release), text: undefined };
    }
    const ok = response.ok;
    const bounds = {
      maxBytes: ok ? limits.maxJsonBytes : ERROR_BODY_BYTES,
      idleMs: limits.bodyIdleMs,
      clock: limits.clock,
    };
    return { response, text: await readBodyText(response, bounds, !ok) };
  } catch (error) {
    throw new AttemptFailure(failureKind(error, callerSignal, timer), error);
  } finally {
    clearTimeout(handle);
    if (lent !== undefined && !limits.stream) limits.signals.give(lent);
    if (!handedOff) release?.();
  }
}
