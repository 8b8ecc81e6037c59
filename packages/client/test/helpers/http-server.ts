/**
 * A tiny loopback HTTP server for tests: records every request (with its body) and answers with
 * whatever the current handler returns, once the body has arrived. Bound to 127.0.0.1 on a free port, closed by the test that started it.
 */

import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** A request as the server saw it. */
export interface SeenRequest {
  method: string;
  /** Path and query exactly as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The request body as text ("" when none). */
  body: string;
}

/** What the handler answers: a JSON body (object), raw text, or nothing. */
export interface Reply {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/** Returns the reply for a request; may wait (e.g. until the client aborts). */
export type Handler = (request: SeenRequest) => Reply | Promise<Reply>;

/** A running test server. */
export interface TestServer {
  origin: string;
  requests: SeenRequest[];
  handle(handler: Handler): void;
  reset(): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with a free port. */
export async function startServer(initial: Handler = () => ({ status: 204 })): Promise<TestServer> {
  let handler = initial;
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "/";
    const parsed = new URL(url, "http://127.0.0.1");
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const seen: SeenRequest = {
        method: req.method ?? "",
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(seen);
      Promise.resolve(handler(seen)).then(
        (reply) => {
          const headers: Record<string, string> = { ...reply.headers };
          let body: string | undefined = reply.text;
          if (reply.json !== undefined) {
            body = JSON.stringify(reply.json);
            headers["content-type"] ??= "application/json;charset=UTF-8";
          }
          res.writeHead(reply.status, headers);
          res.end(body);
        },
        () => res.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    reset() {
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** An origin nothing listens on: a port that was free a moment ago. */
export async function refusedOrigin(): Promise<string> {
  const server = await startServer();
  const origin = server.origin;
  await server.close();
  return origin;
}

/**
 * Starts one server for a test file: up before its tests, reset before each, closed after them.
 * Returns a view that forwards to the running server, so tests can keep a `const` to it.
 */
export function useTestServer(): TestServer {
  let running: TestServer | undefined;
  beforeAll(async () => {
    running = await startServer();
  });
  beforeEach(() => running?.reset());
  afterAll(() => running?.close());
  const current = (): TestServer => {
    if (running === undefined) throw new Error("the test server is used before beforeAll started it");
    return running;
  };
  return {
    get origin() {
      return current().origin;
    },
    get requests() {
      return current().requests;
    },
    handle: (handler) => current().handle(handler),
    reset: () => current().reset(),
    close: () => current().close(),
  };
}

/** A running server with a hand-written request handler (for partial bodies, stalls, counting). */
export interface RawServer {
  origin: string;
  close(): Promise<void>;
}

/** Starts a node:http server on 127.0.0.1 whose handler writes the response itself. */
export async function startRawServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<RawServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
