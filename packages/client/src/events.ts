/**
 * What the client tells a `logger`: one plain object per event, built only from facts that carry no
 * secret (method, URL, status, timings, reasons). URLs never hold tokens, which travel in headers,
 * but they still pass through the request's redaction in case a server or a caller put one there.
 */
import type { DataCenter } from "./data-centres.js";
import type { NetworkFailureKind } from "./errors/errors.js";

/** A request attempt is about to be sent. */
export interface RequestLogEvent {
  type: "request";
  method: string;
  url: string;
  /** 1 for the first attempt, 2 for the first retry or replay, ... */
  attempt: number;
}

/** An attempt ended: with a status, or with a network failure. */
export interface ResponseLogEvent {
  type: "response";
  method: string;
  url: string;
  attempt: number;
  /** HTTP status, or undefined when no response arrived. */
  status: number | undefined;
  /** Why no response arrived (network, aborted, timeout), when none did. */
  failure: NetworkFailureKind | undefined;
  /** From sending to the response headers (or to the body, when the client read it). */
  durationMs: number;
}

/** The client will try again after `delayMs`. */
export interface RetryLogEvent {
  type: "retry";
  method: string;
  url: string;
  /** The attempt that failed. */
  attempt: number;
  delayMs: number;
  /** e.g. "HTTP 503", "HTTP 429 (Retry-After)", "network: ECONNRESET", "INVALID_TOKEN: token refreshed". */
  reason: string;
  status: number | undefined;
}

/** A token provider asked Zoho's accounts server for a new access token. */
export interface RefreshLogEvent {
  type: "refresh";
  outcome: "success" | "failure";
  /** Why: no token yet, the cached one is about to expire, or Zoho rejected it. */
  trigger: "missing" | "expiring" | "invalidated";
  accountsServer: string;
  dataCenter: DataCenter | undefined;
  durationMs: number;
  /** The OAuth error code on failure (invalid_client, ...), if the server sent one. */
  oauthError: string | undefined;
  /** The failure message (never holds a secret). */
  error: string | undefined;
}

/** A token store failed; the token in memory is used meanwhile. */
export interface TokenStoreLogEvent {
  type: "token-store";
  operation: "get" | "set" | "delete";
  error: string;
}

/** Every event a logger receives; switch on `type`. */
export type ZohoLogEvent = RequestLogEvent | ResponseLogEvent | RetryLogEvent | RefreshLogEvent | TokenStoreLogEvent;

/** Receives the client's events (request, response, retry, refresh, token-store). */
export type ZohoLogger = (event: ZohoLogEvent) => void;

/** Hands an event to the logger; a logger that throws never breaks a request. */
export function emit(logger: ZohoLogger | undefined, event: ZohoLogEvent): void {
  if (logger === undefined) return;
  try {
    logger(event);
  } catch {
    // A broken logger must not turn a successful call into a failure.
  }
}
