/**
 * `client.raw`: openapi-fetch proper, typed by the contract's `paths`, sending through the client's
 * pipeline (auth, retries, limits, timeouts).
 *
 * The client's own methods do not go through openapi-fetch: they fill their path from the spec's
 * templates (operations/paths.ts) and hand path and query to the pipeline (pipeline/send.ts), which
 * calls `fetch(url, init)` with a plain headers object. Going through openapi-fetch there would
 * build a `Request` that fetch then copies into another one, and merge headers into a `Headers`
 * object that undici copies header by header: measured here, that was most of openapi-fetch's cost
 * over plain fetch.
 *
 * `raw` builds real `Request`s, so users' middleware works unchanged. Its fetch hands each Request
 * to the same pipeline after the middleware ran, so no middleware ever sees the token. Bodies are
 * bounded as the methods' are: in time by the body idle timeout, and in size by `maxJsonBytes` when
 * the pipeline reads them, or by Zoho's largest file when they are handed over as a stream.
 */

import { type ApiVersion, limits, type paths, versionOfPath } from "@zcrm-attachments/types";
import createClient, { type Client, defaultPathSerializer, type PathSerializer } from "openapi-fetch";
import { compileTemplate } from "./operations/paths.js";
import { typedBodyErrors } from "./operations/typed-body.js";
import { send } from "./pipeline/send.js";
import type { HttpMethod, PipelineContext, PipelineResult } from "./pipeline/types.js";

// A path template split at its parameters (literal, name, literal, ...), with the client's version in place.
type CompiledPath = { path: string; parts: readonly string[]; simple: boolean };

function compilePath(url: string, at: number, version: ApiVersion): CompiledPath {
  // openapi-fetch passes baseUrl + spec path, e.g. "https://www.zohoapis.com/crm/v8/{module}/...".
  const base = url.slice(0, at);
  const template = url.slice(at);
  // A path outside the spec's /crm/<version>/ form is sent as written.
  const parts =
    versionOfPath(template) === undefined ? template.split(/\{([^{}]+)\}/) : compileTemplate(template, version);
  const joined = [base + (parts[0] ?? ""), ...parts.slice(1)];
  // Labels, matrix and exploded parameters ({.x}, {;x}, {x*}) are left to openapi-fetch's serializer.
  const simple = joined.every((part, index) => index % 2 === 0 || /^[\w-]+$/.test(part));
  const path = joined.map((part, index) => (index % 2 === 0 ? part : `{${part}}`)).join("");
  return { path, parts: joined, simple };
}

/**
 * Returns a path serializer that puts `version` in place of the spec path's version segment. Each
 * template is compiled once per client (the spec has a few), so a call costs a few concatenations.
 */
export function versionedPathSerializer(baseUrl: string, version: ApiVersion): PathSerializer {
  const at = baseUrl.length;
  const compiled = new Map<string, CompiledPath>();
  return (url, params) => {
    let template = compiled.get(url);
    if (template === undefined) {
      template = compilePath(url, at, version);
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
  if (text === undefined) return boundRawBody(result, method, context, request.signal);
  // The pipeline read this body (a non-2xx); openapi-fetch reads it again from a fresh Response.
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  return new Response(NULL_BODY.has(response.status) ? null : text, init);
}

// A 2xx body handed over unread (openapi-fetch reads it, as JSON or as the caller's stream) gets the
// same bounds as a download: the body idle timeout, and the largest file Zoho holds.
function boundRawBody(result: PipelineResult, method: string, context: PipelineContext, signal: AbortSignal): Response {
  const { response } = result;
  if (response.body === null) return response;
  const bounds = { maxBytes: limits.attachment.fileBytes, idleMs: context.bodyIdleTimeoutMs, clock: context.clock };
  const body = typedBodyErrors(response.body, method, result, signal, bounds);
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
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
