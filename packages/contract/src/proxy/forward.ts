/**
 * Forwarding one request to the target and its answer back, both bodies streamed through a tap
 * with backpressure (`pipe` pauses the sender while the receiver is full). Hop-by-hop headers stay
 * on their hop (hop-headers.ts); everything else goes through as the client and the target sent
 * it, the Host header naming the target. A target that cannot be reached gets the client a 502
 * saying so; a side that breaks off mid-body breaks the other side off too, as a direct
 * connection would.
 */
import { type Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
import { performance } from "node:perf_hooks";
import type { Readable, Transform, Writable } from "node:stream";
import type { BodyTap } from "./body-tap.js";
import { dropped, type HeaderPairs, hasBody, pairs } from "./hop-headers.js";

export type { HeaderPairs } from "./hop-headers.js";

/** Where requests go and over which pool of connections. */
export interface ForwardTarget {
  url: URL;
  agent: Agent;
}

/** The answer the target gave, as it was passed on. */
export interface ForwardedResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: HeaderPairs;
  tap: BodyTap;
}

/** One exchange as it went through the proxy. */
export interface ProxiedExchange {
  startedDateTime: Date;
  method: string;
  /** The path and query the client asked for (relative to the target's base path). */
  target: string;
  httpVersion: string;
  /** The request's headers as forwarded: hop-by-hop ones left out, Host naming the target. */
  requestHeaders: HeaderPairs;
  /** Whether the request had a body at all (a length above zero, or chunked framing). */
  requestHasBody: boolean;
  requestTap: BodyTap;
  response?: ForwardedResponse;
  /** Why the exchange did not complete, and whose side broke off. */
  error?: { side: "target" | "client"; message: string };
  /** Milliseconds sending the request, waiting for the answer's head, and receiving its body. */
  timings: { send: number; wait: number; receive: number };
}

/** Makes the taps of an exchange once each side's headers are known. */
export interface TapMaker {
  request(headers: HeaderPairs): BodyTap;
  response(status: number, headers: HeaderPairs): BodyTap;
}

/** Forwards one request; resolves when both sides are done (or broke off), never rejects. */
export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  target: ForwardTarget,
  taps: TapMaker,
): Promise<ProxiedExchange> {
  const t0 = performance.now();
  let sent: number | undefined;
  let head: number | undefined;
  // What the target gets, and so what is judged and recorded: the client's headers for this hop.
  const requestHeaders = pairs(req.rawHeaders).filter(([name]) => !dropped(name, req.headers.connection));
  requestHeaders.unshift(["Host", target.url.host]);
  const exchange: ProxiedExchange = {
    startedDateTime: new Date(),
    method: req.method ?? "GET",
    target: req.url ?? "/",
    httpVersion: `HTTP/${req.httpVersion}`,
    requestHeaders,
    requestHasBody: hasBody(req),
    requestTap: taps.request(requestHeaders),
    timings: { send: 0, wait: 0, receive: 0 },
  };
  const base = target.url.pathname.replace(/\/+$/, "");
  const send = target.url.protocol === "https:" ? httpsRequest : httpRequest;
  const upstream = send({
    protocol: target.url.protocol,
    hostname: target.url.hostname.replace(/^\[|\]$/g, ""),
    port: target.url.port,
    method: exchange.method,
    path: base + exchange.target,
    headers: requestHeaders.flat(),
    agent: target.agent,
  });

  return new Promise((resolve) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      const end = performance.now();
      const request = exchange.requestTap;
      const sentAt = sent ?? head ?? end;
      exchange.timings = {
        send: sentAt - t0,
        wait: (head ?? end) - sentAt,
        receive: head === undefined ? 0 : end - head,
      };
      // A target that has a Content-Length of body answers on its last byte, which a spooling tap
      // sends on before it has written that byte to disk and ended: the whole request came in, so
      // the exchange waits for its tap to end (or for the hop to break), not to be judged half-read.
      if (request.complete || !req.complete || spooling === undefined) resolve(exchange);
      else {
        // A target that stopped reading holds the tap's stream back for good: not longer than this.
        const timer = setTimeout(() => resolve(exchange), SPOOL_WAIT_MS);
        timer.unref();
        spooling.then(() => {
          clearTimeout(timer);
          resolve(exchange);
        });
      }
    };
    let spooling: Promise<void> | undefined;
    const fail = (side: "target" | "client", error: Error) => {
      exchange.error ??= { side, message: describe(error) };
    };

    upstream.on("finish", () => {
      sent = performance.now();
    });
    upstream.on("error", (error) => {
      if (exchange.response) {
        // The target answered and stopped reading (an upload refused early): the rest of the
        // request is drained, and only an answer that is not out yet is cut short.
        req.unpipe();
        req.resume();
        if (!exchange.response.tap.complete) {
          fail("target", error);
          res.destroy();
        }
        return;
      }
      // A target that refuses a body early and drops the connection while it is still being sent
      // leaves nothing to read: Node's client loses such an answer, and so the proxy says so.
      const code = (error as NodeJS.ErrnoException).code;
      const cutOff =
        exchange.requestHasBody && sent === undefined && (code === "EPIPE" || code === "ECONNRESET")
          ? new Error(
              `it closed the connection while the request body was being sent (${code}); an answer it sent first is lost`,
            )
          : error;
      fail("target", cutOff);
      req.unpipe();
      req.resume();
      if (res.headersSent || res.destroyed) res.destroy();
      else {
        const text = `zcrm-contract proxy: the target ${target.url.origin} did not answer: ${describe(cutOff)}\n`;
        res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text) });
        res.end(text);
      }
    });
    upstream.on("response", (answer) => {
      head = performance.now();
      const headers = pairs(answer.rawHeaders);
      const tap = taps.response(answer.statusCode ?? 0, headers);
      exchange.response = {
        status: answer.statusCode ?? 0,
        statusText: answer.statusMessage ?? "",
        httpVersion: `HTTP/${answer.httpVersion}`,
        headers,
        tap,
      };
      res.writeHead(
        answer.statusCode ?? 502,
        answer.statusMessage,
        headers.filter(([name]) => !dropped(name, answer.headers.connection)).flat(),
      );
      answer.on("close", () => {
        if (!answer.complete) fail("target", new Error("the target closed the connection mid-answer"));
      });
      answer.on("error", (error) => {
        fail("target", error);
        res.destroy();
      });
      passThrough(answer, tap, res);
    });

    req.on("error", (error) => fail("client", error));
    req.on("close", () => {
      if (!req.complete) fail("client", new Error("the client closed the connection mid-request"));
    });
    res.on("close", () => {
      if (!res.writableFinished) {
        fail("client", new Error("the client closed the connection before the answer ended"));
        upstream.destroy();
      }
      settle();
    });
    if (exchange.requestHasBody) {
      const through = passThrough(req, exchange.requestTap, upstream);
      if (through !== undefined) {
        spooling = new Promise((ended) => {
          through.once("finish", ended);
          through.once("close", ended);
          upstream.once("close", ended);
        });
      }
    } else {
      // No body (every GET): nothing to stream, so the request goes out at once.
      upstream.end();
      req.resume();
      exchange.requestTap.end();
    }
  });
}

/** The longest an answered exchange waits for its request's tap to reach the disk. */
const SPOOL_WAIT_MS = 5_000;

/**
 * Pipes `source` into `sink` with the tap taking every chunk: in the stream when it spools (that
 * stream is returned), else listening.
 */
function passThrough(source: Readable, tap: BodyTap, sink: Writable): Transform | undefined {
  if (tap.paced) {
    const through = tap.stream();
    source.pipe(through).pipe(sink);
    return through;
  }
  source.on("data", (chunk: Buffer) => void tap.take(chunk));
  source.on("end", () => tap.end());
  source.pipe(sink);
  return undefined;
}

function describe(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code} (${error.message})` : error.message;
}
