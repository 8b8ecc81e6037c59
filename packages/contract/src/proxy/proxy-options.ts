/**
 * What `startProxy` takes and hands back, and the checks of what it takes: a mistake (a target
 * that is not an absolute URL, a port out of range) is refused with a sentence saying what to
 * give instead, before anything listens.
 */
import type { ExchangeFilter } from "../report/exchange-filter.js";
import type { ContractSession } from "../report/session.js";
import type { Reporter, SessionResult } from "../report/verdict.js";
import type { Redactor } from "../validator/redact.js";
import type { ContractValidator } from "../validator/validator.js";

/** The port the proxy listens on unless told otherwise. */
export const DEFAULT_PROXY_PORT = 4020;
/** JSON bodies up to this many bytes are kept for the schema checks, unless told otherwise. */
export const DEFAULT_MAX_JSON_BYTES = 1024 * 1024;

/** How the proxy runs. */
export interface ProxyOptions {
  /** Base URL every request is forwarded to: a live org's API domain, or the mock (`http://127.0.0.1:4010`). */
  target: string;
  /** Port on 127.0.0.1; 0 picks a free one. Default 4020. */
  port?: number;
  /** Path of a HAR 1.2 file to record every exchange into (redacted), written as they complete. */
  record?: string;
  /** Keep every body in the recording (non-JSON ones as base64), not only its size and SHA-256. */
  recordBodies?: boolean;
  /** An existing folder under which kept bodies pass through a temp folder of the proxy's own. Default the OS's. */
  tempDir?: string;
  /** Told of every verdict as it is made, and of the result at close. Default: none. */
  reporters?: Reporter[];
  /** Judges the exchanges; the bundled spec's by default. */
  validator?: ContractValidator;
  /** Scrubs secrets from verdicts and the recording; pass the one the reporters' sinks use. */
  redactor?: Redactor;
  /** Leaves exchanges out of the judging (they are still forwarded and recorded). */
  filter?: ExchangeFilter;
  /** Secrets known beforehand, scrubbed from everything written even before a request carries them. */
  secrets?: string[];
  /** JSON answers up to this many bytes are schema-checked; larger ones are judged by size. Default 1 MiB. */
  maxJsonBytes?: number;
  /** How long `close()` lets exchanges in flight finish before cutting them off, in ms. Default 10,000. */
  closeGraceMs?: number;
}

/** A running proxy. */
export interface ProxyServer {
  /** Base URL to point clients at, without a trailing slash (`http://127.0.0.1:4020`). */
  url: string;
  /** The port actually bound (useful with `port: 0`). */
  port: number;
  /** The target, as a URL without a trailing slash. */
  target: string;
  /** The session that judges every exchange (its coverage fills as traffic passes). */
  readonly session: ContractSession;
  /** The recording's absolute path and the entries written into it so far, when recording. */
  readonly recording: { path: string; readonly entries: number } | undefined;
  /** Stops listening, lets exchanges in flight end, closes the recording and the session. */
  close(options?: { minCoverage?: number }): Promise<SessionResult>;
}

/** The options after their checks, with defaults filled in. */
export interface CheckedOptions {
  target: URL;
  port: number;
  maxJsonBytes: number;
  closeGraceMs: number;
}

/** Checks the options; throws an Error saying what to fix. */
export function checkProxyOptions(options: ProxyOptions): CheckedOptions {
  const given = options.target;
  if (typeof given !== "string" || !URL.canParse(given) || !/^https?:$/.test(new URL(given).protocol))
    throw new Error(
      `the target must be an absolute http:// or https:// URL, such as https://www.zohoapis.com or http://127.0.0.1:4010 (got ${JSON.stringify(given)})`,
    );
  const target = new URL(given);
  if (target.search !== "" || target.hash !== "" || target.username !== "" || target.password !== "")
    throw new Error(
      `the target is a base URL: give it without a query, a fragment or credentials (got ${target.origin}${target.pathname}…)`,
    );
  const port = options.port ?? DEFAULT_PROXY_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`the port must be a whole number from 0 (any free port) to 65535 (got ${port})`);
  const maxJsonBytes = options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES;
  if (!Number.isSafeInteger(maxJsonBytes) || maxJsonBytes < 0)
    throw new Error(`maxJsonBytes must be a whole number of bytes (got ${maxJsonBytes})`);
  const closeGraceMs = options.closeGraceMs ?? 10_000;
  if (!Number.isFinite(closeGraceMs) || closeGraceMs < 0)
    throw new Error(`closeGraceMs must be a number of milliseconds, 0 or more (got ${closeGraceMs})`);
  if (options.record !== undefined && options.record.trim() === "")
    throw new Error("the recording needs a file name, such as traffic.har");
  if (options.recordBodies && options.record === undefined)
    throw new Error("recordBodies keeps bodies in the recording: give a recording file too (record)");
  return { target, port, maxJsonBytes, closeGraceMs };
}
