/**
 * Requests that Node's HTTP parser turns away before the mock sees them: a method that is no
 * token, a target with bytes no URL has, a header line that breaks the grammar or is too long, a
 * lying Content-Length, a broken chunk. Left to Node they get a bare `400 Bad Request` with no
 * body; here they get the spec's Zoho body instead, so even these answers parse as Zoho's. Which
 * body is chosen by what the parser found: a bad method is INVALID_REQUEST_METHOD, a bad target
 * INVALID_URL_PATTERN, anything else INVALID_DATA naming the part at fault. An `Expect` the mock
 * cannot meet (Node's bare 417) is answered here too.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { ZohoErrorCatalog, ZohoErrorKey } from "../prism/zoho-errors.js";
import { sendZohoJson } from "../wire/reply.js";

/** Node's parser error: an Error with llhttp's code (`HPE_INVALID_METHOD`, ...). */
type ParserError = Error & { code?: string };

interface Refusal {
  status: number;
  reason: string;
  key: ZohoErrorKey;
  /** The part of the request named in `details.param_name` (INVALID_DATA only). */
  paramName?: string;
}

/** Which answer a parser error deserves; undefined when there is nobody to answer (a reset). */
export function refusalFor(code: string | undefined): Refusal | undefined {
  switch (code) {
    case "ECONNRESET":
    case "EPIPE":
      return undefined;
    case "HPE_INVALID_METHOD":
      return { status: 400, reason: "Bad Request", key: "invalidRequestMethod" };
    case "HPE_INVALID_URL":
      return { status: 404, reason: "Not Found", key: "invalidUrlPattern" };
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, reason: "Request Header Fields Too Large", key: "invalidParameter", paramName: "headers" };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, reason: "Request Timeout", key: "invalidParameter", paramName: "request" };
    case "HPE_INVALID_CONTENT_LENGTH":
    case "HPE_UNEXPECTED_CONTENT_LENGTH":
    case "HPE_INVALID_TRANSFER_ENCODING":
    case "HPE_INVALID_CHUNK_SIZE":
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return { status: 400, reason: "Bad Request", key: "invalidParameter", paramName: "body" };
    case "HPE_INVALID_HEADER_TOKEN":
    case "HPE_INVALID_EOF_STATE":
    case "HPE_LF_EXPECTED":
    case "HPE_CR_EXPECTED":
      return { status: 400, reason: "Bad Request", key: "invalidParameter", paramName: "headers" };
    default:
      return { status: 400, reason: "Bad Request", key: "invalidParameter", paramName: "request" };
  }
}

/** Builds the server's `clientError` listener: the Zoho body for what the parser refused, then close. */
export function createClientErrorHandler(errors: ZohoErrorCatalog): (error: ParserError, socket: Socket) => void {
  return (error, socket) => {
    const refusal = refusalFor(error.code);
    if (refusal !== undefined && socket.writable && nothingInFlight(socket)) {
      const body = errors.body(refusal.key, refusal.paramName);
      const head =
        `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\n` +
        "Content-Type: application/json;charset=UTF-8\r\n" +
        `Content-Length: ${body.length}\r\n` +
        "Connection: close\r\n\r\n";
      socket.end(Buffer.concat([Buffer.from(head, "latin1"), body]), () => socket.destroy());
      return;
    }
    socket.destroy();
  };
}

/**
 * Builds the server's `checkExpectation` listener: an `Expect` other than 100-continue, which Node
 * would answer with a bare 417, gets the 417 with Zoho's INVALID_DATA naming the header.
 */
export function createExpectationHandler(
  errors: ZohoErrorCatalog,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    req.resume();
    sendZohoJson(res, 417, errors.body("invalidParameter", "Expect"));
  };
}

/**
 * Whether the connection has no answer on its way out, so a new one cannot interleave with it.
 * Node's own handler only answers a connection that has written nothing; a keep-alive connection
 * whose earlier answers are complete is as safe, and Node marks that with `_httpMessage` = null.
 */
function nothingInFlight(socket: Socket): boolean {
  if (socket.bytesWritten === 0) return true;
  const current = (socket as Socket & { _httpMessage?: unknown })._httpMessage;
  return current === null;
}
