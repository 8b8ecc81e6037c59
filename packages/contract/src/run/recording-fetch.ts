/**
 * A fetch that records every exchange it carries, so the contract suite can validate exactly what
 * went over the wire while the typed client handles the same response. Credentials are redacted
 * in the record (the Authorization header keeps only its scheme word), so a saved recording of a
 * live org never holds its token.
 *
 * Nothing large is held: JSON answers are buffered (they are small), but any other body (a file
 * download, even of a text file) reaches the client as an untouched stream that is counted and
 * hashed on its way through, and a streamed upload is counted (and its multipart part headers
 * read) as it is sent.
 */

import type { RequestTweak } from "../suite/tweaks.js";
import { meterRequestStream, meterStream, sha256 } from "../validator/body-meter.js";
import {
  type Exchange,
  type HeaderValues,
  queryRecord,
  type ReceivedBody,
  type RequestBody,
} from "../validator/exchange.js";
import { isJsonMediaType } from "../validator/media-type.js";
import { multipartBoundary } from "../validator/multipart-scan.js";
import { Redactor, redactHeaders } from "../validator/redact.js";
import { describeBody, isStreamBody } from "../validator/request-body.js";

export type { RequestTweak } from "../suite/tweaks.js";
export { withHeader } from "../suite/tweaks.js";

/** A fetch that records exchanges, and the list it records into. */
export interface RecordingFetch {
  fetch: typeof fetch;
  exchanges: Exchange[];
}

/** Wraps `base` so that each exchange is recorded; `tweak` changes each request before it is sent. */
export function recordingFetch(base: typeof fetch = globalThis.fetch, tweak?: RequestTweak): RecordingFetch {
  const exchanges: Exchange[] = [];
  // Tokens seen in requests, scrubbed from what a server sends back too (an echo would leak them).
  const redactor = new Redactor();
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let request = input instanceof Request && init === undefined ? input : new Request(input, init);
    if (tweak) request = tweak(request);
    redactor.add(credential(request.headers.get("authorization")));
    let body: RequestBody | null = null;
    if (request.body !== null) {
      const given = init?.body;
      if (given !== undefined && given !== null && !isStreamBody(given)) {
        // Read from the caller's object, so the request keeps its length and framing.
        body = await describeBody(given, request.headers.get("content-type"));
      } else {
        // A stream (or a Request built elsewhere): count it on its way out. It then goes out chunked.
        body = { complete: false };
        const metered = meterRequestStream(request.body, multipartBoundary(request.headers.get("content-type")), body);
        request = new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: metered,
          signal: request.signal,
          redirect: request.redirect,
          duplex: "half",
        } as RequestInit);
      }
    }
    const url = new URL(request.url);
    const original = await base(request);
    const exchange: Exchange = {
      request: {
        method: request.method,
        path: url.pathname,
        origin: url.origin,
        query: queryRecord(url),
        headers: redactHeaders(toRecord(request.headers)),
        body,
      },
      response: { status: original.status, headers: redactHeaders(toRecord(original.headers, redactor)) },
    };
    exchanges.push(exchange);
    if (original.body === null) return original;
    if (isJsonMediaType(original.headers.get("content-type") ?? "")) {
      const bytes = new Uint8Array(await original.clone().arrayBuffer());
      exchange.response.received = { bytes: bytes.byteLength, sha256: sha256(bytes), complete: true };
      if (bytes.byteLength > 0) exchange.response.body = redactor.scrub(new TextDecoder().decode(bytes));
      return original;
    }
    const received: ReceivedBody = { bytes: 0, complete: false };
    exchange.response.received = received;
    const passed = new Response(meterStream(original.body, received), {
      status: original.status,
      statusText: original.statusText,
      headers: original.headers,
    });
    // A constructed Response has no URL; the client may quote it in its errors.
    Object.defineProperties(passed, { url: { value: original.url }, redirected: { value: original.redirected } });
    return passed;
  };
  return { fetch: wrapped as typeof fetch, exchanges };
}

function toRecord(headers: Headers, redactor?: Redactor): HeaderValues {
  const out: HeaderValues = {};
  headers.forEach((value, key) => {
    out[key] = redactor ? redactor.scrub(value) : value;
  });
  return out;
}

/** The credential of an Authorization header, without its scheme word. */
function credential(header: string | null): string | undefined {
  return header?.replace(/^\S+\s+/, "");
}
