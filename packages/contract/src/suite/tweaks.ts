/**
 * Request tweaks: the one change a provoked case makes to the client's request on the wire (drop
 * the token, rename the module, add Prism's Prefer header). Bodies are handed on as streams, never
 * read, so a tweak costs nothing on a 15 MB upload.
 */

/** Changes an outgoing request before it is sent. */
export type RequestTweak = (request: Request) => Request;

/** Rebuilds a request with some parts changed, moving (not copying) its body. */
function rebuild(request: Request, change: { url?: string | URL; method?: string; headers?: Headers }): Request {
  const init: RequestInit & { duplex?: "half" } = {
    method: change.method ?? request.method,
    headers: change.headers ?? request.headers,
    signal: request.signal,
    redirect: request.redirect,
  };
  if (request.body !== null && init.method !== "GET" && init.method !== "HEAD") {
    init.body = request.body;
    init.duplex = "half";
  }
  return new Request(change.url ?? request.url, init);
}

/** Sets (or, with null, removes) one request header. */
export function withHeader(name: string, value: string | null): RequestTweak {
  return (request) => {
    const headers = new Headers(request.headers);
    if (value === null) headers.delete(name);
    else headers.set(name, value);
    return rebuild(request, { headers });
  };
}

/** Replaces the first match of `from` in the URL. */
export function rewriteUrl(from: RegExp, to: string): RequestTweak {
  return (request) => rebuild(request, { url: request.url.replace(from, to) });
}

/** Sets one query parameter. */
export function setQuery(name: string, value: string): RequestTweak {
  return (request) => {
    const url = new URL(request.url);
    url.searchParams.set(name, value);
    return rebuild(request, { url });
  };
}

/** Removes one query parameter. */
export function dropQuery(name: string): RequestTweak {
  return (request) => {
    const url = new URL(request.url);
    url.searchParams.delete(name);
    return rebuild(request, { url });
  };
}

/** Sends the request with another method (a GET or DELETE without body stays without one). */
export function withMethod(method: string): RequestTweak {
  return (request) => rebuild(request, { method });
}
