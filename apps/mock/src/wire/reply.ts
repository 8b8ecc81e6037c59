/**
 * Every answer the mock writes goes out through here: Zoho's JSON with Zoho's content type, the
 * mock's own failures as RFC 9457 problem documents, empty 204s, and Prism's output. Keeping the
 * header writing in one file keeps the content types, lengths and debugging headers consistent.
 */
import type { ServerResponse } from "node:http";
import type { IHttpResponse } from "@stoplight/prism-http";

/** The content type Zoho sends with its JSON bodies. */
export const ZOHO_JSON = "application/json;charset=UTF-8";

/** Prefix of the problem types of the mock's own failures (not Zoho errors, not Prism's). */
export const MOCK_PROBLEM = "urn:zcrm-attachments:mock:";

// The Zoho JSON a response carried, kept on the response for the request journal (which reads the
// Zoho code out of it only when it records the request): a property set, no copy, no parse here.
const SENT_JSON: unique symbol = Symbol("zcrm-mock.sentJson");
type WithSentJson = ServerResponse & { [SENT_JSON]?: Buffer };

/** The Zoho JSON body written to `res` (by this file's senders), if any. */
export function sentJson(res: ServerResponse): Buffer | undefined {
  return (res as WithSentJson)[SENT_JSON];
}

/**
 * Sets the status and headers of a Zoho JSON answer without sending the body, for an answer that
 * is written now but ended later (see answers/uploads/drain.ts). `violations` fills Prism's
 * `sl-violations` debugging header; it must be Latin-1, as every header value.
 */
export function writeZohoJsonHead(res: ServerResponse, status: number, json: Buffer, violations?: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", ZOHO_JSON);
  res.setHeader("Content-Length", json.length);
  (res as WithSentJson)[SENT_JSON] = json;
  // Prism's convention: what it found wrong with the request, for whoever debugs a client.
  if (violations !== undefined) res.setHeader("sl-violations", violations);
}

/** Sends a ready-serialised Zoho JSON body. */
export function sendZohoJson(res: ServerResponse, status: number, json: Buffer, violations?: string): void {
  writeZohoJsonHead(res, status, json, violations);
  res.end(json);
}

/** Serialises a value and sends it as Zoho JSON (bodies built per request, e.g. from the stateful store). */
export function sendZohoValue(res: ServerResponse, status: number, value: unknown): void {
  sendZohoJson(res, status, Buffer.from(JSON.stringify(value)));
}

/**
 * The body of an answer whose spec example is missing: only a spec other than the bundled one lacks
 * it. Zoho's error shape still, so a client's error handling runs, with a code that says what is up.
 */
export function missingExampleBody(key: string): Buffer {
  const message = `the spec served has no ${key} example for the mock to answer with`;
  return Buffer.from(JSON.stringify({ code: "MOCK_NO_EXAMPLE", details: { example: key }, message, status: "error" }));
}

/** Sends plain `application/json`: the control endpoints' answers, which are the mock's, not Zoho's. */
export function sendMockJson(res: ServerResponse, status: number, value: unknown): void {
  const json = Buffer.from(JSON.stringify(value));
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.setHeader("Content-Length", json.length);
  res.end(json);
}

/** Sends an empty 204 (an empty list, a record without photo, an attachment id Zoho does not know). */
export function sendNoContent(res: ServerResponse): void {
  res.statusCode = 204;
  res.end();
}

/** Sends an RFC 9457 problem document; `type` is a full URI (Prism's errors carry their own). */
export function sendProblem(res: ServerResponse, status: number, type: string, title: string, detail: string): void {
  const json = Buffer.from(JSON.stringify({ type, title, status, detail }));
  res.statusCode = status;
  res.setHeader("Content-Type", "application/problem+json");
  res.setHeader("Content-Length", json.length);
  res.end(json);
}

/** Sends a problem document for one of the mock's own failures: `code` becomes `urn:zcrm-attachments:mock:<code>`. */
export function sendMockProblem(
  res: ServerResponse,
  status: number,
  code: string,
  title: string,
  detail: string,
): void {
  sendProblem(res, status, `${MOCK_PROBLEM}${code}`, title, detail);
}

// Static examples come back from Prism as the same objects every time, so their serialised form is
// kept; dynamic bodies are new objects and simply fall out of the WeakMap.
const serialised = new WeakMap<object, Buffer>();

/** Sends Prism's response as it is, except that plain JSON is labelled the way Zoho labels it. */
export function sendPrismOutput(res: ServerResponse, output: IHttpResponse): void {
  res.statusCode = output.statusCode;
  const body = serialise(output.body);
  const headers = output.headers;
  if (headers !== undefined) {
    for (const name in headers) {
      const value: unknown = headers[name];
      // Prism yields null for a documented header it cannot invent a value for; Node refuses null.
      if (value === undefined || value === null) continue;
      // A header the mock set itself (e.g. the real X-ACCESSTOKEN-RESET) beats Prism's example value.
      if (res.hasHeader(name)) continue;
      if (name.toLowerCase() === "content-type") {
        // Prism labels even empty 204/304 answers text/plain; an empty body needs no type.
        if (body === undefined) continue;
        // Prism spells it "Content-type"; the mock sends the usual spelling.
        res.setHeader("Content-Type", value === "application/json" ? ZOHO_JSON : String(value));
      } else {
        res.setHeader(name, String(value));
      }
    }
  }
  if (body === undefined) {
    res.end();
    return;
  }
  res.setHeader("Content-Length", body.length);
  // Kept whatever its type: the journal looks for a Zoho error in it, which only JSON can hold.
  (res as WithSentJson)[SENT_JSON] = body;
  res.end(body);
}

function serialise(body: unknown): Buffer | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string") return Buffer.from(body);
  if (typeof body !== "object" || body === null) return Buffer.from(JSON.stringify(body));
  let json = serialised.get(body);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(body));
    serialised.set(body, json);
  }
  return json;
}
