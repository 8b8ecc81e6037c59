/**
 * What it takes to reproduce an exchange: its request as a curl line that can be pasted into a
 * shell, and the status and headers it got. Credentials are redacted before anything is written,
 * so the token is never in the line; file parts are named, since their bytes are never recorded.
 */
import type { Exchange, HeaderValues } from "../validator/exchange.js";
import { redactExchange } from "../validator/redact.js";
import type { Repro } from "./verdict.js";

/** Headers fetch or curl set by themselves; repeating them would make the line lie or break. */
const OWN_HEADERS = new Set([
  "host",
  "content-length",
  "connection",
  "transfer-encoding",
  "accept-encoding",
  "user-agent",
  "sec-fetch-mode",
  "keep-alive",
]);

/** The exchange's request as a curl command line, credentials redacted. */
export function curlLine(exchange: Exchange): string {
  const { request } = redactExchange(exchange);
  const parts = ["curl", "-X", request.method.toUpperCase(), url(request)];
  const multipart = request.body?.parts !== undefined;
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const key = name.toLowerCase();
    if (value === undefined || OWN_HEADERS.has(key)) continue;
    // curl writes the multipart Content-Type itself, with the boundary of the body it builds.
    if (multipart && key === "content-type") continue;
    for (const v of Array.isArray(value) ? value : [value]) parts.push("-H", quote(`${name}: ${v}`));
  }
  for (const part of request.body?.parts ?? []) {
    if (part.fileName !== undefined) {
      const type = part.contentType ? `;type=${part.contentType}` : "";
      parts.push("-F", quote(`${part.name}=@${part.fileName || "file"}${type}`));
    } else {
      // --form-string: a value starting with @ or < is text, not a file to read.
      parts.push("--form-string", quote(`${part.name}=${part.value ?? ""}`));
    }
  }
  if (!multipart && (request.body?.bytes ?? 0) > 0) parts.push("--data-binary", quote("@request-body"));
  return parts.join(" ");
}

/** Everything a failure report needs about one exchange. */
export function reproOf(exchange: Exchange): Repro {
  const { response } = redactExchange(exchange);
  return { curl: curlLine(exchange), status: response.status, headers: flatHeaders(response.headers) };
}

function url(request: Exchange["request"]): string {
  const at = request.path.indexOf("?");
  const path = at === -1 ? request.path : request.path.slice(0, at);
  // Commas stay as they are: Zoho's lists (fields, ids) read the same, and the line stays legible.
  const encode = (text: string) => encodeURIComponent(text).replaceAll("%2C", ",");
  const pairs = Object.entries(request.query ?? {}).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `${encode(key)}=${encode(v)}`),
  );
  const search = pairs.length > 0 ? `?${pairs.join("&")}` : at === -1 ? "" : request.path.slice(at);
  const pathOnly = /^https?:\/\//i.test(path) ? new URL(path).pathname : path;
  const origin = request.origin ?? (/^https?:\/\//i.test(path) ? new URL(path).origin : undefined);
  // Without a recorded origin the line asks the shell for it, rather than guessing a data centre.
  return origin === undefined ? `"$ZOHO_API_DOMAIN"${quote(pathOnly + search)}` : quote(origin + pathOnly + search);
}

/** Single-quotes a word for a POSIX shell. */
function quote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

function flatHeaders(headers: HeaderValues | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}
