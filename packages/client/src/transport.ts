/**
 * The two openapi-fetch clients behind an AttachmentsClient. Both rewrite the spec's `/crm/v2/` or
 * `/crm/v8/` path segment to the picked version in their path serializer, once per path template.
 *
 * - `hot` serves the client's own methods. openapi-fetch builds a `Request` per call and `fetch` then
 *   copies it into another one; that pair is most of openapi-fetch's overhead over plain `fetch`.
 *   Here openapi-fetch gets a plain record instead of a `Request`, and the URL goes straight to
 *   `fetch(url, init)`. The headers also bypass openapi-fetch: it merges them into a `Headers`
 *   object, which undici copies header by header (measured here at +15-20% CPU per call), while a
 *   plain object is cheap. They travel as `plainHeaders`, an init key openapi-fetch passes through.
 * - `raw` is the one users get: real `Request`s, so their middleware works unchanged; its fetch
 *   adds the Authorization header after the middleware ran (so no middleware ever sees the token).
 */
import createClient, { type Client, defaultPathSerializer, type PathSerializer } from "openapi-fetch";
import type { paths } from "@zcrm-attachments/types";
import type { ApiVersion } from "./api-versions.js";
import { authorizationHeader, type TokenSource } from "./auth.js";
import { scrubError } from "./redact.js";

/** A fetch implementation: called as `(url, init)` by the client's methods, and with a `Request` by `raw`. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The response of the hot client (its bodies are read as text, so the client parses them itself). */
export interface HotResult {
  data?: string;
  error?: unknown;
  response: Response;
}

/** Per-call init of the hot client. */
export interface HotInit {
  params: { path: { module: string; record_id: string }; query: object };
  /** All request headers, handed to fetch as they are. */
  plainHeaders: Record<string, string>;
  parseAs: "text";
  signal?: AbortSignal;
}

interface PlainInit extends RequestInit {
  plainHeaders: Record<string, string>;
}

/** GET on the hot client, typed for what the list method sends. */
export type HotGet = (path: string, init: HotInit) => Promise<HotResult>;

// What openapi-fetch constructs in place of a Request on the hot path: the URL and the init as given.
class PlainRequest {
  readonly url: string;
  readonly init: PlainInit;
  readonly method: string;

  constructor(url: string, init: PlainInit) {
    this.url = url;
    this.init = init;
    this.method = init.method ?? "GET";
  }
}

/** Serializes a list query; `fields` keeps its commas literal, as in Zoho's own samples. */
export function serializeQuery(query: object): string {
  let search = "";
  for (const name in query) {
    const value: unknown = (query as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const encoded = encodeURIComponent(String(value));
    search += `${search === "" ? "" : "&"}${name}=${name === "fields" ? encoded.replaceAll("%2C", ",") : encoded}`;
  }
  return search;
}

// A path template split at its parameters: literal, name, literal, name, ..., literal.
type CompiledPath = { path: string; parts: string[]; simple: boolean };

function compilePath(url: string, at: number, segment: string): CompiledPath {
  let path = url;
  // openapi-fetch passes baseUrl + spec path, e.g. "https://www.zohoapis.com/crm/v8/{module}/...".
  if (path.startsWith("/crm/v", at)) {
    const end = path.indexOf("/", at + 5);
    if (end !== -1) path = path.slice(0, at) + segment + path.slice(end + 1);
  }
  const parts = path.split(/\{([^{}]+)\}/);
  // Labels, matrix and exploded parameters ({.x}, {;x}, {x*}) are left to openapi-fetch's serializer.
  const simple = parts.every((part, index) => index % 2 === 0 || /^[\w-]+$/.test(part));
  return { path, parts, simple };
}

/**
 * Returns a path serializer that puts `version` in place of the spec path's version segment. Each
 * template is compiled once per client (the spec has two), so a call costs a few concatenations.
 */
export function versionedPathSerializer(baseUrl: string, version: ApiVersion): PathSerializer {
  const at = baseUrl.length;
  const segment = `/crm/${version}/`;
  const compiled = new Map<string, CompiledPath>();
  return (url, params) => {
    let template = compiled.get(url);
    if (template === undefined) {
      template = compilePath(url, at, segment);
      compiled.set(url, template);
    }
    const { parts } = template;
    if (!template.simple) return defaultPathSerializer(template.path, params);
    let result = parts[0] ?? "";
    for (let index = 1; index < parts.length; index += 2) {
      const name = parts[index] ?? "";
      const value = params[name];
      if (value !== null && typeof value === "object") return defaultPathSerializer(template.path, params);
      result += value === undefined || value === null ? `{${name}}` : encodeURIComponent(String(value));
      result += parts[index + 1] ?? "";
    }
    return result;
  };
}

/** Creates the client used by the list method and the paginators. */
export function createHotGet(baseUrl: string, version: ApiVersion, baseFetch: FetchLike): HotGet {
  const client = createClient<paths>({
    baseUrl,
    Request: PlainRequest as unknown as typeof Request,
    fetch: (request) => {
      const { url, init } = request as unknown as PlainRequest;
      const fetchInit: RequestInit = { method: "GET", headers: init.plainHeaders };
      if (init.signal) fetchInit.signal = init.signal;
      return baseFetch(url, fetchInit);
    },
    querySerializer: serializeQuery,
    pathSerializer: versionedPathSerializer(baseUrl, version),
  });
  return client.GET as unknown as HotGet;
}

/** Creates the openapi-fetch client exposed as `client.raw`. */
export function createRawClient(
  baseUrl: string,
  version: ApiVersion,
  baseFetch: FetchLike,
  tokens: TokenSource,
): Client<paths> {
  return createClient<paths>({
    baseUrl,
    fetch: async (request) => {
      const token = await tokens();
      request.headers.set("Authorization", authorizationHeader(token));
      try {
        return await baseFetch(request);
      } catch (error) {
        throw scrubError(error, token);
      }
    },
    // Zoho takes lists comma-separated (fields=id,File_Name), not as repeated keys.
    querySerializer: { array: { style: "form", explode: false } },
    pathSerializer: versionedPathSerializer(baseUrl, version),
  });
}
