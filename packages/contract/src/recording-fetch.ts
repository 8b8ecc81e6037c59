/**
 * A fetch that records every exchange it carries, so the contract suite can validate exactly what
 * went over the wire while the typed client handles the same response.
 */
import type { Exchange, HeaderValues } from "./validator.js";

/** Changes an outgoing request before it is sent (a case uses it to drop auth or add Prefer). */
export type RequestTweak = (request: Request) => Request;

/** A fetch that records exchanges, and the list it records into. */
export interface RecordingFetch {
  fetch: typeof fetch;
  exchanges: Exchange[];
}

/** Wraps `base` so that each exchange is recorded with its full response body. */
export function recordingFetch(base: typeof fetch = globalThis.fetch, tweak?: RequestTweak): RecordingFetch {
  const exchanges: Exchange[] = [];
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let request = input instanceof Request && init === undefined ? input : new Request(input, init);
    if (tweak) request = tweak(request);
    const url = new URL(request.url);
    const response = await base(request);
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    const contentType = response.headers.get("content-type") ?? "";
    exchanges.push({
      request: { method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: toRecord(request.headers) },
      response: {
        status: response.status,
        headers: toRecord(response.headers),
        body: bytes.length === 0 ? undefined : /json|^text\//i.test(contentType) ? new TextDecoder().decode(bytes) : bytes,
      },
    });
    return response;
  };
  return { fetch: wrapped as typeof fetch, exchanges };
}

function toRecord(headers: Headers): HeaderValues {
  const out: HeaderValues = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** Returns a tweak that sets (or, with null, removes) one request header. */
export function withHeader(name: string, value: string | null): RequestTweak {
  return (request) => {
    const headers = new Headers(request.headers);
    if (value === null) headers.delete(name);
    else headers.set(name, value);
    return new Request(request, { headers });
  };
}
