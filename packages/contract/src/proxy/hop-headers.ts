/**
 * Which headers stay on their hop (RFC 9110 §7.6.1): those about one connection, those the
 * Connection header names, and Host, which the proxy sets anew for the target. And how headers
 * are carried: as name and value pairs in the order and spelling they came in, so repeated ones
 * (Set-Cookie) and their case survive the trip.
 */
import type { IncomingMessage } from "node:http";

/** Header name and value pairs, in the order and spelling they came in. */
export type HeaderPairs = [string, string][];

/** Headers that belong to one connection, never forwarded. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  // The proxy answered the client's 100-continue itself; the body is on its way already.
  "expect",
]);

/** Whether a request carries a body: a Content-Length above zero, or a Transfer-Encoding. */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length.trim() !== "0");
}

/** Node's flat raw header list as name and value pairs. */
export function pairs(raw: string[]): HeaderPairs {
  const out: HeaderPairs = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

/** A header that stays on its hop: a standard one, one the Connection header names, or Host (set anew). */
export function dropped(name: string, connection: string | undefined): boolean {
  const key = name.toLowerCase();
  if (HOP_BY_HOP.has(key) || key === "host") return true;
  return (connection ?? "").split(",").some((token) => token.trim().toLowerCase() === key);
}
