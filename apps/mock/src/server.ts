import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import type { IHttpOperation } from "@stoplight/types";
import { createRequestHandler } from "./handler.js";
import { createPrismMock } from "./prism.js";
import { defaultSpecPath } from "./spec-path.js";
import { buildZohoErrorCatalog } from "./zoho-errors.js";

/** Where the mock listens and which spec it serves. */
export interface MockOptions {
  /** TCP port; 0 picks any free port. Default 4010. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Path of a bundled OpenAPI document. Default: `@zcrm-attachments/spec/openapi.json`. */
  specPath?: string;
}

/** A running mock. */
export interface MockServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The port actually bound (useful with `port: 0`). */
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** The port the mock uses unless told otherwise. */
export const DEFAULT_PORT = 4010;
/** The interface the mock binds unless told otherwise. */
export const DEFAULT_HOST = "127.0.0.1";

/** Loads the spec, starts the mock and resolves once it accepts connections. */
export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  return (await startMockServing(options)).server;
}

/** {@link startMock}, also returning the operations served (for the CLI's start-up message). */
export async function startMockServing(
  options: MockOptions = {},
): Promise<{ server: MockServer; operations: readonly IHttpOperation[] }> {
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host ?? DEFAULT_HOST;
  const specPath = options.specPath ?? defaultSpecPath();
  const operations = await getHttpOperationsFromSpec(specPath);
  if (operations.length === 0) throw new Error(`No operations found in ${specPath}.`);

  const handler = createRequestHandler(createPrismMock(operations), buildZohoErrorCatalog(operations));
  const server = createServer(handler);
  await listen(server, port, host);
  const bound = (server.address() as AddressInfo).port;
  const mock: MockServer = {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}`,
    port: bound,
    close: () => close(server),
  };
  return { server: mock, operations };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      if (error.code === "EADDRINUSE") {
        reject(
          new Error(
            `Port ${port} on ${host} is already in use. Pick another port: --port <n> or PORT=<n> ` +
              `on the command line, { port: n } in startMock (0 takes any free port).`,
            { cause: error },
          ),
        );
      } else {
        reject(new Error(`Cannot listen on ${host}:${port}: ${error.message}`, { cause: error }));
      }
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive clients would otherwise hold the server open until they time out.
    server.closeAllConnections();
  });
}
