/**
 * What the proxy's tests share: a bare loopback server to stand as the target (each test says how
 * it answers), closing what a test started, a reporter that keeps every verdict and the result, the fake secrets (sentinels)
 * that must never come out the other side, and a reader of the HAR files the proxy writes.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Entry, Har } from "har-format";
import { afterEach } from "vitest";
import type { Reporter, SessionResult, Verdict } from "../../src/report/verdict.js";

/** Fake credentials: each must be absent from every recording, report and output. */
export const SENTINELS = {
  accessToken: "1000.sentinel-access-7f3a91c2e5",
  refreshToken: "1000.sentinel-refresh-b84d0e61aa",
  clientId: "1000.SENTINELCLIENTID42",
  clientSecret: "sentinel-client-secret-5c2e9f",
  cookie: "sentinel-cookie-9d1b7a03",
  queryToken: "sentinel-query-token-e46c",
} as const;

/** Whichever sentinels the text contains (an empty list is what every test wants). */
export function leakedSentinels(text: string): string[] {
  return Object.values(SENTINELS).filter((secret) => text.includes(secret));
}

/** A running stand-in target. */
export interface TestTarget {
  url: string;
  /** The requests it received, oldest first: method, URL and headers. */
  seen: { method: string; url: string; headers: IncomingMessage["headers"]; rawHeaders: string[] }[];
  close(): Promise<void>;
}

/** Starts a loopback server that answers with `handler`. */
export async function startTarget(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<TestTarget> {
  const seen: TestTarget["seen"] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, rawHeaders: req.rawHeaders });
    void handler(req, res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * Registers an afterEach that closes what a test handed to the returned function, the last first
 * (a proxy before its target), so a test that fails half-way leaves no server running.
 */
export function closedAfterEach(): <T extends { close(): Promise<unknown> }>(thing: T) => T {
  let open: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    const closing = open.reverse();
    open = [];
    for (const thing of closing) await thing.close();
  });
  return (thing) => {
    open.push(thing);
    return thing;
  };
}

/** A reporter that keeps what it hears. */
export function keeper(): Reporter & { verdicts: Verdict[]; result?: SessionResult } {
  const self: Reporter & { verdicts: Verdict[]; result?: SessionResult } = {
    verdicts: [],
    verdict: (v) => {
      self.verdicts.push(v);
    },
    finish: (result) => {
      self.result = result;
    },
  };
  return self;
}

/** Reads a HAR file; throws when it is not JSON. */
export function readHar(path: string): Har {
  return JSON.parse(readFileSync(path, "utf8")) as Har;
}

/** The entries of a HAR file whose request path starts with `prefix`. */
export function entriesUnder(har: Har, prefix: string): Entry[] {
  return har.log.entries.filter((entry) => new URL(entry.request.url).pathname.startsWith(prefix));
}

/** Zoho's JSON content type, as the mock and Zoho send it. */
export const JSON_TYPE = "application/json;charset=UTF-8";

/** Answers a JSON body with its length. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
