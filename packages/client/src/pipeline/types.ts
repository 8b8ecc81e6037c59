/**
 * The shapes the request pipeline speaks: what an operation hands to `send`, what comes back, and
 * what `send` needs from its client. A leaf, so the raw client, the OAuth code and the error
 * mapping can name these types without importing the pipeline itself.
 */
import type { TokenSource } from "../auth.js";
import type { ZohoLogger } from "../events.js";
import type { ZohoResponseMeta } from "../response-meta.js";
import type { ConcurrencyLimiter } from "./concurrency-limiter.js";
import type { Clock, RetrySettings } from "./retry-policy.js";
import type { TimeoutSignals } from "./timeout-signals.js";

/** A fetch implementation; the client always calls it as `(url, init)`. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A request body fetch accepts (BodyInit, which Node's types only expose through RequestInit). */
export type RequestBody = NonNullable<RequestInit["body"]>;

/** The HTTP methods the pipeline sends. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

/** One request, as an operation hands it to `send`. */
export interface PipelineRequest {
  method: HttpMethod;
  /** Path and query relative to the API domain (starts with "/"), or an absolute URL. */
  url: string;
  /** Extra headers (never Authorization). */
  headers?: Record<string, string> | undefined;
  /** Builds the body for one attempt (called again for a retry or replay). */
  body?: (() => RequestBody) | undefined;
  /** True when `body` can be called again and yields the same bytes. */
  replayable: boolean;
  /** True for GET and DELETE: safe to send twice. */
  idempotent: boolean;
  /** The caller's signal: aborts the queue wait, every attempt, backoff waits and a streamed body. */
  signal?: AbortSignal | undefined;
  /** Per-call timeout; undefined uses the client's, false turns it off. */
  timeoutMs?: number | false | undefined;
  /** Per-call body idle timeout; undefined uses the client's, false turns it off. */
  bodyIdleTimeoutMs?: number | false | undefined;
  /** Hand a 2xx body over unread (downloads). */
  stream?: boolean | undefined;
  /** fetch's redirect mode (default "follow"); "error" suits a streamed upload body, which cannot follow one. */
  redirect?: "follow" | "error" | "manual" | undefined;
}

/** The final response of a request. */
export interface PipelineResult {
  response: Response;
  /** The body text, when the pipeline read it (always unless a 2xx was streamed). */
  text: string | undefined;
  /** The absolute URL of the final attempt. */
  url: string;
  /** Retries made (429/5xx/connection), not counting the one replay after a token refresh. */
  retries: number;
  /** Zoho's token and limit headers of the final response. */
  meta: ZohoResponseMeta;
  /** Removes every token this request used from `text` (for error messages built from bodies). */
  redact(text: string): string;
}

/** What `send` needs from its client; built once per client. */
export interface PipelineContext {
  readonly fetch: FetchLike;
  readonly tokens: TokenSource;
  /** API origin requests go to; undefined until the token provider has named one (`api_domain`). */
  baseUrl: string | undefined;
  /** Used when the provider names no API domain. */
  readonly fallbackBaseUrl: string;
  readonly retry: RetrySettings | undefined;
  readonly limiter: ConcurrencyLimiter | undefined;
  readonly timeoutMs: number | undefined;
  /** Longest wait without progress while reading a body (undefined: none). */
  readonly bodyIdleTimeoutMs: number | undefined;
  /** Most bytes of a JSON answer. */
  readonly maxJsonBytes: number;
  /** Reusable signals for attempt timeouts. */
  readonly signals: TimeoutSignals;
  readonly logger: ZohoLogger | undefined;
  readonly clock: Clock;
}
