/**
 * URL building shared by the methods and `client.raw`, and `client.raw` itself.
 *
 * The client's own methods build their path and query here (a few string concatenations) and hand
 * them to the request pipeline (src/pipeline/send.ts), which calls `fetch(url, init)` with a plain
 * headers object. Going through openapi-fetch there would build a `Request` that fetch then copies
 * into another one, and merge headers into a `Headers` object that undici copies header by header:
 * measured here, that was most of openapi-fetch's cost over plain fetch.
 *
 * `raw` is openapi-fetch proper, typed by the contract's `paths`: real `Request`s, so users'
 * middleware works unchanged. Its fetch hands each Request to the same pipeline (auth, retries,
 * limits, timeouts), after the middleware ran, so no middleware ever sees the token.
 */

import type { paths } from "@zcrm-attachments/types";
import createClient, { type Client, defaultPathSerializer, type PathSerializer } from "openapi-fetch";
import type { ApiVersion } from "./api-versions.js";
import { type HttpMethod, type PipelineContext, send } from "./pipeline/send.js";

/** A fetch implementation; the client always calls it as `(url, init)`. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

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

const IDEMPOTENT = new Set<string>(["GET", "HEAD", "OPTIONS", "DELETE"]);
// Statuses whose responses must not have a body (the Response constructor refuses one).
const NULL_BODY = new Set([204, 205, 304]);

async function sendRawRequest(request: Request, openapiBaseUrl: string, context: PipelineContext): Promise<Response> {
  // The pipeline joins relative paths to the client's API domain, which may be adopted after creation.
  const url = request.url.startsWith(`${openapiBaseUrl}/`) ? request.url.slice(openapiBaseUrl.length) : request.url;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name !== "authorization") headers[name] = value;
  });
  const method = request.method.toUpperCase() as HttpMethod;
  const body = request.body;
  const result = await send(context, {
    method,
    url,
    headers,
    // A Request body is a one-shot stream: such requests are never sent twice.
    body: body === null ? undefined : () => body,
    replayable: body === null,
    idempotent: IDEMPOTENT.has(method),
    signal: request.signal,
    stream: true,
  });
  const { response, text } = result;
  if (text === undefined) return response;
  // The pipeline read this body (a non-2xx); openapi-fetch reads it again from a fresh Response.
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  return new Response(NULL_BODY.has(response.status) ? null : text, init);
}

/** Creates the openapi-fetch client exposed as `client.raw`; its requests go through the pipeline. */
export function createRawClient(openapiBaseUrl: string, version: ApiVersion, context: PipelineContext): Client<paths> {
  return createClient<paths>({
    baseUrl: openapiBaseUrl,
    fetch: (request) => sendRawRequest(request, openapiBaseUrl, context),
    // Zoho takes lists comma-separated (fields=id,File_Name), not as repeated keys.
    querySerializer: { array: { style: "form", explode: false } },
    pathSerializer: versionedPathSerializer(openapiBaseUrl, version),
  });
}
