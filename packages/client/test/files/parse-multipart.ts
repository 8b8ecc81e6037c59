/**
 * A deliberately tiny multipart/form-data parser for small test bodies: split on the boundary,
 * split each part at the blank line, read Content-Disposition and Content-Type. Names are decoded
 * as UTF-8, which is how browsers, curl and this client send them.
 */

/** One parsed part. */
export interface Part {
  name: string | undefined;
  fileName: string | undefined;
  contentType: string | undefined;
  headers: string[];
  body: Buffer;
}

function param(header: string, key: string): string | undefined {
  return new RegExp(`;\\s*${key}="([^"]*)"`).exec(header)?.[1];
}

/** Parses a whole body; throws if its framing is wrong. */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (boundary === undefined) throw new Error(`no boundary in ${contentType}`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at !== 0) throw new Error("body does not start with the boundary");
  for (;;) {
    const after = at + delimiter.length;
    if (body.subarray(after, after + 2).toString() === "--") break;
    if (body.subarray(after, after + 2).toString() !== "\r\n") throw new Error("boundary not followed by CRLF");
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), after);
    if (next === -1) throw new Error("unterminated part");
    const part = body.subarray(after + 2, next);
    const split = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, split).toString("utf8").split("\r\n");
    const disposition = headers.find((h) => h.toLowerCase().startsWith("content-disposition:")) ?? "";
    const type = headers.find((h) => h.toLowerCase().startsWith("content-type:"));
    parts.push({
      name: param(disposition, "name"),
      fileName: param(disposition, "filename"),
      contentType: type?.slice(type.indexOf(":") + 1).trim(),
      headers,
      body: Buffer.from(part.subarray(split + 4)),
    });
    at = next + 2;
  }
  return parts;
}
