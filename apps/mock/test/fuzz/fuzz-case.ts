/**
 * What one fuzz case is, and how the generators write raw requests. A case is bytes on a socket
 * plus what the judge may expect of its answer: whether the mock may rightly not answer (a body it
 * was promised never comes), whether the answer is the mock's control API's rather than Zoho's,
 * and whether the request asked for a 5xx on purpose.
 */

/** The access token every fuzz request carries unless a case says otherwise. */
export const FUZZ_TOKEN = "1000.fuzz0token0abcdef0123456789";
/** The Authorization header line of {@link FUZZ_TOKEN}. */
export const AUTH = `Authorization: Zoho-oauthtoken ${FUZZ_TOKEN}`;
/** A record id and an attachment id of the spec's samples. */
export const REC = "1000000231009";
export const ATT = "4150868000002728012";

/** One hostile exchange. */
export interface FuzzCase {
  /** The family it belongs to (path, query, header, ...), for the table. */
  group: string;
  /** What it sends, in a few words. */
  name: string;
  /** The bytes, one socket write each. */
  chunks: readonly (string | Buffer)[];
  /** The request is a HEAD (its answer has no body). */
  head?: boolean;
  /** The mock may rightly not answer: it waits for bytes it was promised, or Node drops the socket. */
  mayNotAnswer?: boolean;
  /** Aimed at the mock's own control API (its documented problem+json and JSON answers). */
  control?: boolean;
  /** Asks for a 5xx on purpose (Prefer: code=500, an unavailable fault). */
  asks5xx?: boolean;
  /** A large body: only the long run sends it. */
  heavy?: boolean;
}

/** Options of {@link rawRequest}. */
export interface RequestParts {
  /** Header lines as sent (default: the fuzz token's Authorization). */
  headers?: readonly string[];
  body?: string | Buffer;
  /** Leave out the Content-Length a body would get (the case sets its own framing). */
  noLength?: boolean;
}

/** A request written byte for byte: request line, Host, the headers, then the body. Latin-1 keeps every byte. */
export function rawRequest(method: string, target: string, parts: RequestParts = {}): Buffer {
  const headers = [...(parts.headers ?? [AUTH])];
  const body =
    parts.body === undefined ? undefined : Buffer.isBuffer(parts.body) ? parts.body : Buffer.from(parts.body, "latin1");
  if (body !== undefined && parts.noLength !== true) headers.push(`Content-Length: ${body.length}`);
  const head = `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers.map((line) => `${line}\r\n`).join("")}\r\n`;
  const bytes = Buffer.from(head, "latin1");
  return body === undefined ? bytes : Buffer.concat([bytes, body]);
}

/** A multipart/form-data body from raw part texts, and its Content-Type line. */
export function form(parts: readonly string[], boundary = "fuzzb"): { body: Buffer; type: string } {
  const text = `${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join("")}--${boundary}--\r\n`;
  return { body: Buffer.from(text, "latin1"), type: `Content-Type: multipart/form-data; boundary=${boundary}` };
}

/** A file part's text. */
export function filePart(fileName: string, content: string, type = "text/plain"): string {
  return `Content-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n${content}`;
}

/** A text field part's text. */
export function fieldPart(name: string, value: string): string {
  return `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;
}
