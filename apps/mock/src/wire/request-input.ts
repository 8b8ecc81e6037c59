/**
 * The one place the mock splits a request target. The dispatcher, the handler and the mock's own
 * answers all need the path, the query or both; splitting `req.url` once and keeping the result
 * beside the request means none of them parses it again, and all of them agree on what was asked.
 */
import type { IncomingMessage } from "node:http";
import type { IHttpNameValue, IHttpNameValues, IHttpRequest } from "@stoplight/prism-http";
import type { HttpMethod } from "@stoplight/types";
import { type ApiVersion, specPathFor, versionOfPath } from "@zcrm-attachments/types";

/** A request target, split once. */
export interface RequestTarget {
  /** The path as sent (an absolute-form target is reduced to its path). */
  path: string;
  /** The query string without its `?`; empty when there is none. */
  search: string;
  /** The query as prism-http-server reads it: one value as a string, a repeated key as an array. */
  query: IHttpNameValues;
  /** The API version in the path (`v2`, `v5`, ...), or undefined when it names none the contract serves. */
  version: ApiVersion | undefined;
  /**
   * The path Prism routes: the version swapped for its line's (`/crm/v5/...` → `/crm/v8/...`).
   * A path with an unknown version (v1, v9, v2.2) is left alone and matches no operation.
   */
  specPath: string;
  /**
   * The path's segments split at `/` and percent-decoded (`["", "crm", "v8", "Leads", ...]`), so
   * `%4Ceads` names the same module as `Leads`; a segment that does not decode is kept as sent.
   */
  segments: readonly string[];
}

/** Prism's view of one request: method, the spec path, the query, the headers and the body. */
export type PrismRequest = IHttpRequest & { url: { query: IHttpNameValues } };

// Kept on the request itself under a symbol: a WeakMap entry per request made the garbage
// collector's ephemeron work show up in the mock's p99 latency (measured with pnpm bench).
const TARGET: unique symbol = Symbol("zcrm-mock.requestTarget");
type WithTarget = IncomingMessage & { [TARGET]?: RequestTarget };

/** The split target of `req`, computed on the first call and kept for the request's lifetime. */
export function requestTarget(req: IncomingMessage): RequestTarget {
  const holder = req as WithTarget;
  let target = holder[TARGET];
  if (target === undefined) {
    target = splitTarget(req.url);
    holder[TARGET] = target;
  }
  return target;
}

/** Builds Prism's input for a request whose target was split as `target`. */
export function toPrismRequest(req: IncomingMessage, target: RequestTarget, body: unknown): PrismRequest {
  return {
    // Prism matches lower-case method names; one the spec does not know simply matches no operation.
    method: (req.method ?? "GET").toLowerCase() as HttpMethod,
    url: { path: target.specPath, query: target.query },
    // Node joins repeated headers into one string (except set-cookie), which is what Prism reads.
    headers: req.headers as IHttpNameValue,
    body,
  };
}

function splitTarget(url: string | undefined): RequestTarget {
  let target = url ?? "/";
  if (!target.startsWith("/") && URL.canParse(target)) {
    // Absolute-form targets (sent through proxies) are rare; parse those properly.
    const parsed = new URL(target);
    target = parsed.pathname + parsed.search;
  }
  // Origin-form targets ("/path?query") are split by hand: cheaper than `new URL` on every request.
  const mark = target.indexOf("?");
  const path = mark === -1 ? target : target.slice(0, mark);
  const search = mark === -1 ? "" : target.slice(mark + 1);
  const raw = path.split("/");
  const decoded = raw.map(decodeSegment);
  // Prism decodes path parameters and throws on a malformed escape (`%zz`); such a segment is sent
  // to it escaped, so it arrives as the literal text and fails the parameter's own check instead
  // (an invalid module, an invalid record id), where Zoho would refuse it too.
  const routable = decoded.includes(undefined)
    ? raw.map((segment, i) => (decoded[i] === undefined ? encodeURIComponent(segment) : segment)).join("/")
    : path;
  return {
    path,
    search,
    query: parseQuery(search),
    version: versionOfPath(path),
    specPath: specPathFor(routable) ?? routable,
    segments: decoded.map((segment, i) => segment ?? raw[i] ?? ""),
  };
}

function decodeSegment(segment: string): string | undefined {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Parses a query string the way prism-http-server does: one value as a string, repeated keys as an array. */
export function parseQuery(search: string): IHttpNameValues {
  const query: IHttpNameValues = {};
  if (search === "") return query;
  for (const [key, value] of new URLSearchParams(search)) {
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else query[key] = [previous, value];
  }
  return query;
}
