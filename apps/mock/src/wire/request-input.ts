/**
 * The one place the mock splits a request target. The dispatcher, the handler and the mock's own
 * answers all need the path, the query or both; splitting `req.url` once and keeping the result
 * beside the request means none of them parses it again, and all of them agree on what was asked.
 * The path is percent-decoded here, once: Prism routes and checks the decoded segments (sent to it
 * re-encoded, so its own decoding gives back exactly these) and the store keys on the same ones.
 */
import type { IncomingMessage } from "node:http";
import { MIMEType } from "node:util";
import type { IHttpNameValue, IHttpNameValues, IHttpRequest } from "@stoplight/prism-http";
import type { HttpMethod } from "@stoplight/types";
import { type ApiVersion, specPathFor, versionOfPath } from "@zcrm-attachments/types";

/** A request target, split once. */
export interface RequestTarget {
  /**
   * The path as sent (an absolute-form target is reduced to its path). A target that is no path at
   * all (`*`, a broken absolute URL) is kept as sent; it starts without `/` and matches nothing.
   */
  path: string;
  /** The query string without its `?`; empty when there is none. */
  search: string;
  /** The query as prism-http-server reads it: one value as a string, a repeated key as an array. */
  query: IHttpNameValues;
  /** The API version in the path (`v2`, `v5`, ...), or undefined when it names none the contract serves. */
  version: ApiVersion | undefined;
  /**
   * The path Prism routes: the decoded segments, re-encoded, with the version swapped for its
   * line's (`/crm/v5/%4Ceads/...` → `/crm/v8/Leads/...`). A path with an unknown version (v1, v9,
   * v2.2) is left alone and matches no operation; a target that is no path stays as sent.
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
    target = splitRequestTarget(req.url);
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
    headers: prismHeaders(req),
    body,
  };
}

/**
 * The headers Prism sees. Node joins repeated headers into one string (except set-cookie), which is
 * what Prism reads. Two are left out. Accept: Zoho answers JSON whatever it says, while Prism would
 * refuse `Accept: text/html` with a 406 of its own. And a Content-Type that is no media type
 * (`\xff\xfe`): Prism parses it on every request, body or not, and throws; Zoho reads no body on
 * these routes (uploads are read by the mock from the real header), so it is dropped instead.
 */
function prismHeaders(req: IncomingMessage): IHttpNameValue {
  const headers = req.headers as IHttpNameValue;
  const type = headers["content-type"];
  const badType = type !== undefined && !isMediaType(type);
  if (headers.accept === undefined && !badType) return headers;
  const kept: IHttpNameValue = { ...headers };
  delete kept.accept;
  if (badType) delete kept["content-type"];
  return kept;
}

/** Whether a Content-Type value parses as a media type (the WHATWG algorithm, as Prism's parser). */
function isMediaType(value: string): boolean {
  try {
    new MIMEType(value);
    return true;
  } catch {
    return false;
  }
}

/** Splits a request target (origin form, or an absolute URL as proxies and recordings have it) as the mock reads it. */
export function splitRequestTarget(url: string | undefined): RequestTarget {
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
  const query = parseQuery(search);
  if (!path.startsWith("/")) {
    // `*` (OPTIONS *) or an absolute URL that does not parse: no path, so no route.
    return { path, search, query, version: undefined, specPath: path, segments: [path] };
  }
  const escaped = path.includes("%");
  // A segment that does not decode (`%zz`, `%c3%28`) is kept as sent: it then fails the check of
  // the parameter it stands for (an invalid module, an invalid record id), as Zoho refuses it.
  const segments = escaped ? path.split("/").map((segment) => decodeSegment(segment) ?? segment) : path.split("/");
  // Re-encoded for Prism, which decodes path parameters itself (and throws on a bad escape).
  const normalised = escaped ? segments.map(encodeURIComponent).join("/") : path;
  return {
    path,
    search,
    query,
    version: versionOfPath(normalised),
    specPath: specPathFor(normalised) ?? normalised,
    segments,
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
