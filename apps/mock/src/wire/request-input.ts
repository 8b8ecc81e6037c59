import type { IncomingMessage } from "node:http";
import type { IHttpNameValue, IHttpNameValues, IHttpRequest } from "@stoplight/prism-http";
import type { HttpMethod } from "@stoplight/types";
import { toSpecPath } from "../api-version.js";

/** Builds Prism's input from a Node request, with the API version rewritten to the spec's path family. */
export function toPrismRequest(
  req: IncomingMessage,
  body: unknown,
): IHttpRequest & { url: { query: IHttpNameValues } } {
  let target = req.url ?? "/";
  if (!target.startsWith("/")) {
    // Absolute-form targets (sent through proxies) are rare; parse those properly.
    const url = new URL(target);
    target = url.pathname + url.search;
  }
  // Origin-form targets ("/path?query") are split by hand: cheaper than `new URL` on every request.
  const mark = target.indexOf("?");
  const path = mark === -1 ? target : target.slice(0, mark);
  return {
    // Prism matches lower-case method names; one the spec does not know simply matches no operation.
    method: (req.method ?? "GET").toLowerCase() as HttpMethod,
    url: { path: toSpecPath(path), query: mark === -1 ? {} : parseQuery(target.slice(mark + 1)) },
    // Node joins repeated headers into one string (except set-cookie), which is what Prism reads.
    headers: req.headers as IHttpNameValue,
    body,
  };
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
