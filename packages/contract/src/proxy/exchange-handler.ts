/**
 * What happens to each request the proxy takes: it is forwarded with a tap on each body (JSON and
 * text kept up to their caps, multipart scanned, kept bodies spooled), and when both sides are done
 * its secrets are learnt, its HAR entry is queued, and the session judges it, all before the next
 * request's verdict. The accounts server's paths are recorded but not judged. Exchanges in flight
 * are tracked so that closing can wait for them.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { basename } from "node:path";
import type { ContractSession, EntryPlace } from "../report/session.js";
import { headerValue } from "../validator/exchange.js";
import { isJsonMediaType } from "../validator/media-type.js";
import { multipartBoundary } from "../validator/multipart-scan.js";
import type { Redactor } from "../validator/redact.js";
import { BodyTap } from "./body-tap.js";
import { type ForwardTarget, forward, type HeaderPairs, type ProxiedExchange, type TapMaker } from "./forward.js";
import { harRecord } from "./har-record.js";
import type { HarWriter } from "./har-writer.js";
import { exchangeOf, exchangeSecrets, headerRecord } from "./proxied-exchange.js";
import type { Spool, SpoolFile } from "./spool.js";

/** Request bodies that are text (a form, JSON) are kept up to this size for the recording. */
const MAX_REQUEST_TEXT = 64 * 1024;
/** Paths of an OAuth accounts server (`/oauth/v2/token`): forwarded and recorded, never judged. */
const ACCOUNTS_PATH = /^\/oauth\//;

/** What the handler works with. */
export interface HandlerParts {
  target: ForwardTarget;
  redactor: Redactor;
  maxJsonBytes: number;
  har?: HarWriter | undefined;
  spool?: Spool | undefined;
}

interface Bodies {
  response: SpoolFile;
  parts: SpoolFile;
}

/** Forwards, records and judges the proxy's requests. */
export class ExchangeHandler {
  /** Set once the proxy listens; exchanges that end before are only recorded. */
  session: ContractSession | undefined;
  /** Refuses new requests (the proxy is closing). */
  closing = false;
  readonly #parts: HandlerParts;
  readonly #inFlight = new Set<Promise<void>>();
  #count = 0;

  constructor(parts: HandlerParts) {
    this.#parts = parts;
  }

  /** Exchanges that have not ended yet. */
  get inFlight(): Promise<unknown> {
    return Promise.all(this.#inFlight);
  }

  /** The request listener of the proxy's server. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (this.closing) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", connection: "close" });
      res.end("zcrm-contract proxy: closing, no new requests\n");
      return;
    }
    const { spool } = this.#parts;
    const bodies = spool ? { response: spool.file(), parts: spool.file() } : undefined;
    const job = forward(req, res, this.#parts.target, this.#taps(bodies))
      .then((proxied) => this.#settle(proxied, bodies))
      .catch((error: Error) => {
        const path = (req.url ?? "/").split("?")[0];
        this.session?.unreadable(`the proxy failed on ${req.method} ${path}: ${error.message}`, { name: "proxy" });
      })
      .finally(async () => {
        if (bodies && spool) await Promise.all([spool.drop(bodies.response), spool.drop(bodies.parts)]);
        this.#inFlight.delete(job);
      });
    this.#inFlight.add(job);
  };

  #taps(bodies: Bodies | undefined): TapMaker {
    return {
      request: (headers: HeaderPairs) => {
        const type = headerValue(headerRecord(headers), "content-type") ?? "";
        const boundary = multipartBoundary(type);
        if (boundary !== undefined) return new BodyTap({ boundary, ...(bodies ? { spoolParts: bodies.parts } : {}) });
        const text = isJsonMediaType(type) || /^(text\/|application\/x-www-form-urlencoded)/i.test(type);
        return new BodyTap({ keepUpTo: text ? MAX_REQUEST_TEXT : 0 });
      },
      response: (_status: number, headers: HeaderPairs) => {
        if (isJsonMediaType(headerValue(headerRecord(headers), "content-type") ?? ""))
          return new BodyTap({ keepUpTo: this.#parts.maxJsonBytes });
        return new BodyTap(bodies ? { spool: bodies.response } : {});
      },
    };
  }

  async #settle(proxied: ProxiedExchange, bodies: Bodies | undefined): Promise<void> {
    const { har, redactor, target } = this.#parts;
    this.#count += 1;
    const exchange = exchangeOf(proxied, target.url);
    redactor.add(...exchangeSecrets(proxied, exchange));
    const place: EntryPlace = {
      name: `exchange ${this.#count}`,
      source: target.url.origin,
      durationMs: proxied.timings.send + proxied.timings.wait + proxied.timings.receive,
    };
    let written: Promise<void> | undefined;
    if (har) {
      // A spool that failed (a full disk) leaves the entry with the body's size and hash only.
      const kept = bodies && (await bodies.response.close()) ? bodies.response : undefined;
      if (bodies) await bodies.parts.close();
      const responseBody = kept && { path: kept.path, start: 0, length: kept.length };
      const added = har.add(
        harRecord(proxied, { target: target.url, redactor, ...(responseBody ? { responseBody } : {}) }),
      );
      place.name = `${basename(har.path)} entry ${added.number}`;
      written = added.written;
    }
    this.#judge(proxied, exchange, place);
    await written;
  }

  #judge(proxied: ProxiedExchange, exchange: ReturnType<typeof exchangeOf>, place: EntryPlace): void {
    const session = this.session;
    if (!session || ACCOUNTS_PATH.test(exchange.request.path)) return;
    if (proxied.error?.side === "target" && !proxied.response)
      session.unreadable(
        `${proxied.method} ${exchange.request.path}: the target did not answer: ${proxied.error.message}`,
        place,
      );
    else session.judge(exchange, place);
  }
}
