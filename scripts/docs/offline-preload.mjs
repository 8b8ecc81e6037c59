/**
 * Loaded (`--import`) into every Node process a docs example runs in, before the example's own code,
 * so examples written against Zoho run offline as written:
 *   - fetch to a Zoho API host (`*.zohoapis.*`) goes to the mock (ZCRM_DOCS_MOCK_URL), path and query kept;
 *   - fetch to a Zoho accounts server (`accounts.zoho*`) goes to the mock's token endpoint;
 *   - fetch to a loopback port listed in ZCRM_DOCS_PORT_MAP ("4010=53211,…") goes to the port it maps to;
 *   - any other host is refused, for fetch and for every socket (`net.Socket#connect`, which
 *     http, https, tls and fetch all go through), and the refusal is appended to ZCRM_DOCS_REFUSED_LOG
 *     so the check fails the block even when the example swallows the error.
 * Loopback sockets and Unix sockets are left alone: the examples start their own mocks on port 0.
 */
import { appendFileSync } from "node:fs";
import net from "node:net";

const ZOHO_API = /(^|\.)zohoapis\.[a-z.]+$/i;
const ZOHO_ACCOUNTS = /^accounts\.zoho(cloud)?\.[a-z.]+$/i;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\]|::ffff:127\.\d+\.\d+\.\d+)$/i;

// Set by the runner (example-process.mjs) for this example alone; none of them is a build input.
const {
  ZCRM_DOCS_MOCK_URL: mockUrl,
  ZCRM_DOCS_PORT_MAP: portPairs = "",
  ZCRM_DOCS_REFUSED_LOG: refusedLog,
} = process.env;
const portMap = new Map(
  portPairs
    .split(",")
    .filter(Boolean)
    .map((pair) => pair.split("=")),
);

/** Records a refused destination and returns the error the caller throws or emits. */
function refusal(destination) {
  const why = `docs-check: refused ${destination}: the docs check allows no network beyond 127.0.0.1 (Zoho hosts go to the mock)`;
  if (refusedLog) appendFileSync(refusedLog, `${destination}\n`);
  return Object.assign(new Error(why), { code: "ECONNREFUSED" });
}

/** Where a request to `url` really goes: a URL string, or an Error when it may not go anywhere. */
function route(url) {
  const target = new URL(url);
  if (target.protocol === "data:" || target.protocol === "blob:") return url;
  const host = target.hostname;
  if (mockUrl && ZOHO_API.test(host)) return new URL(`${target.pathname}${target.search}`, mockUrl).href;
  if (mockUrl && ZOHO_ACCOUNTS.test(host)) return new URL(`${target.pathname}${target.search}`, mockUrl).href;
  if (LOOPBACK.test(host)) {
    const mapped = portMap.get(target.port || (target.protocol === "https:" ? "443" : "80"));
    if (mapped === undefined) return url;
    target.port = mapped;
    return target.href;
  }
  return refusal(target.host);
}

const realFetch = globalThis.fetch;
globalThis.fetch = async function docsCheckFetch(input, init) {
  const url = input instanceof Request ? input.url : String(input);
  const routed = route(url);
  if (routed instanceof Error) throw new TypeError(routed.message, { cause: routed });
  if (routed === url) return realFetch(input, init);
  return realFetch(input instanceof Request ? new Request(routed, input) : routed, init);
};

/** The host a `connect` call asks for (undefined for a Unix socket), whatever form its arguments take. */
function requestedHost(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === "object") {
    // As net.Socket reads it: a non-empty path is a Unix socket; http and tls pass `path: null` for TCP.
    return first.path ? undefined : (first.host ?? "localhost");
  }
  if (typeof first === "number" || /^\d+$/.test(String(first)))
    return typeof args[1] === "string" ? args[1] : "localhost";
  return undefined; // a path: a Unix socket or a named pipe
}

const realConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function docsCheckConnect(...args) {
  const host = requestedHost(args);
  if (host === undefined || LOOPBACK.test(host)) return realConnect.apply(this, args);
  const error = refusal(host);
  process.nextTick(() => this.destroy(error));
  return this;
};
