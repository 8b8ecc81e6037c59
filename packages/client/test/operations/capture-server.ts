/**
 * A loopback server for the upload/download tests: keeps every request with its body as bytes (so
 * file contents can be hashed), and lets each test write the response itself, including responses
 * that break off. Bound to 127.0.0.1 on a free port; started before and closed after a test file.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** A request as the server received it. */
export interface Captured {
  method: string;
  /** Path and query as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Writes the response to one request (called once its body has arrived). */
export type Responder = (request: Captured, res: ServerResponse) => unknown;

/** The running server of a test file. */
export interface CaptureServer {
  readonly origin: string;
  readonly requests: Captured[];
  respond(responder: Responder): void;
}

/** Writes a JSON response. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json;charset=UTF-8",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Zoho's upload answer for a new attachment id. */
export function uploaded(id: string): unknown {
  return {
    data: [
      {
        code: "SUCCESS",
        details: { id, Created_Time: "2026-11-22T12:00:00+05:30" },
        message: "attachment uploaded successfully",
        status: "success",
      },
    ],
  };
}

/** Zoho's error body. */
export function zohoError(code: string, message: string, details: Record<string, unknown> = {}): unknown {
  return { code, details, message, status: "error" };
}

/** Starts one server for the test file; requests are cleared before each test. */
export function useCaptureServer(): CaptureServer {
  let server: Server | undefined;
  let origin = "";
  let responder: Responder = (_request, res) => res.writeHead(204).end();
  const requests: Captured[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("error", () => res.destroy());
      req.on("end", () => {
        const url = req.url ?? "/";
        const parsed = new URL(url, "http://127.0.0.1");
        const captured: Captured = {
          method: req.method ?? "",
          url,
          path: parsed.pathname,
          query: parsed.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks),
        };
        requests.push(captured);
        Promise.resolve(responder(captured, res)).catch(() => res.destroy());
      });
    });
    await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    requests.length = 0;
    responder = (_request, res) => res.writeHead(204).end();
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((done) => server?.close(() => done()));
  });
  return {
    get origin() {
      return origin;
    },
    requests,
    respond(next) {
      responder = next;
    },
  };
}
