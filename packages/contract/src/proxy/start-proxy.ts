/**
 * startProxy: a reverse proxy on 127.0.0.1 that forwards every request to the target, judges each
 * exchange against the contract as it completes (one contract session: verdicts to the reporters
 * at once, coverage filling as traffic passes), and optionally records it into a redacted HAR
 * file. Bodies stream through; only what the checks need is kept (see body-tap.ts). This file is
 * the proxy's life: its options checked, its parts made, listening, and closing in order (no new
 * requests, the ones in flight let end, then the recording and the session).
 */
import { createServer, Agent as HttpAgent, type Server } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { ContractSession } from "../report/session.js";
import { TOOL } from "../report/tool-info.js";
import type { SessionResult } from "../report/verdict.js";
import { Redactor } from "../validator/redact.js";
import { ExchangeHandler } from "./exchange-handler.js";
import { HarWriter } from "./har-writer.js";
import { checkProxyOptions, type ProxyOptions, type ProxyServer } from "./proxy-options.js";
import { Spool } from "./spool.js";

export type { ProxyOptions, ProxyServer } from "./proxy-options.js";

/** Starts the proxy; resolves once it listens. Throws an Error saying what to fix for bad options or a busy port. */
export async function startProxy(options: ProxyOptions): Promise<ProxyServer> {
  const checked = checkProxyOptions(options);
  const redactor = options.redactor ?? new Redactor();
  redactor.add(...(options.secrets ?? []));
  const recordPath = options.record === undefined ? undefined : resolve(options.record);
  const har = recordPath === undefined ? undefined : await HarWriter.open(recordPath, TOOL);
  const spool = har && options.recordBodies ? await Spool.create(options.tempDir) : undefined;
  const agent = new (checked.target.protocol === "https:" ? HttpsAgent : HttpAgent)({ keepAlive: true });
  const handler = new ExchangeHandler({
    target: { url: checked.target, agent },
    redactor,
    maxJsonBytes: checked.maxJsonBytes,
    har,
    spool,
  });
  // No time limit on a request: an upload of a large file over a slow line may take minutes.
  const server = createServer({ requestTimeout: 0 }, handler.handle);
  let port: number;
  try {
    port = await listen(server, checked.port);
  } catch (error) {
    agent.destroy();
    await har?.close().catch(() => {});
    await spool?.remove();
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  const target = checked.target.toString().replace(/\/+$/, "");
  const session = new ContractSession(
    {
      command: "proxy",
      title: `Proxy ${url} → ${target}: each exchange is checked against the contract as it passes${recordPath ? `, and recorded to ${recordPath}` : ""}`,
      startedAt: new Date(),
      tool: TOOL,
    },
    {
      reporters: options.reporters ?? [],
      redactor,
      ...(options.validator ? { validator: options.validator } : {}),
      ...(options.filter ? { filter: options.filter } : {}),
    },
  );
  handler.session = session;

  let closed: Promise<SessionResult> | undefined;
  const close = async (finish: { minCoverage?: number }): Promise<SessionResult> => {
    handler.closing = true;
    const stopped = new Promise<void>((done) => server.close(() => done()));
    server.closeIdleConnections();
    await within(handler.inFlight, checked.closeGraceMs);
    // What is still running after the grace is cut off; it still gets its verdict and entry.
    server.closeAllConnections();
    await handler.inFlight;
    await stopped;
    agent.destroy();
    try {
      await har?.close();
    } finally {
      await spool?.remove();
    }
    return session.finish(finish);
  };
  return {
    url,
    port,
    target,
    session,
    get recording() {
      return har ? { path: har.path, entries: har.entries } : undefined;
    },
    close: (finish = {}) => {
      closed ??= close(finish);
      return closed;
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const why =
        error.code === "EADDRINUSE"
          ? `port ${port} on 127.0.0.1 is in use: stop what holds it, or pick another port (0 picks a free one)`
          : `cannot listen on 127.0.0.1:${port}: ${error.code ?? error.message}`;
      fail(new Error(why));
    });
    server.listen(port, "127.0.0.1", () => done((server.address() as AddressInfo).port));
  });
}

/** Waits for `work`, or `ms` milliseconds, whichever comes first. */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((done) => (timer = setTimeout(done, ms)))]);
  clearTimeout(timer);
}
