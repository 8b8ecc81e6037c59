/**
 * A loopback HTTP hop between a Zoho SDK and the mock that forwards every request unchanged and
 * writes down its method, path and query. The SDKs make calls of their own (user lookup, module
 * metadata, token refresh); the tests read this list to prove which requests an operation really
 * sent, instead of trusting what the SDK's code seems to do.
 */
import { createServer, request as forward, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the SDK sent. */
export interface SeenRequest {
  method: string;
  /** Path and query string, as the SDK sent them (`/crm/v8/Leads/1/Attachments?fields=id`). */
  target: string;
  /** The request's Content-Type header, or "" when there was none. */
  contentType: string;
}

/** A running forwarder. */
export interface RecordingProxy {
  /** Base URL to give the SDK, without a trailing slash. */
  url: string;
  /** Every request forwarded so far, oldest first. */
  readonly seen: SeenRequest[];
  /** Returns what was seen since the last call, and starts a new list. */
  take(): SeenRequest[];
  /** Stops listening. */
  close(): Promise<void>;
}

/** Starts a forwarder on 127.0.0.1 (any free port) in front of `targetUrl`. */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const seen: SeenRequest[] = [];
  let taken = 0;
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    seen.push({ method: req.method ?? "GET", target: path, contentType: req.headers["content-type"] ?? "" });
    const headers: IncomingHttpHeaders = { ...req.headers, host: target.host };
    const out = forward(
      { host: target.hostname, port: target.port, method: req.method, path: path, headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on("error", (error) => {
      // The mock is in the same process; an error here is a broken test set-up, so say so loudly.
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`recording proxy could not reach the mock: ${error.message}`);
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    take: () => {
      const fresh = seen.slice(taken);
      taken = seen.length;
      return fresh;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
