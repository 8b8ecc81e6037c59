/**
 * What Prism sees of an upload. Prism reads request bodies as text (10 MB at most) and would parse
 * a multipart upload itself, so it never sees a real upload body. It routes and validates the
 * request with this small one-file form instead, which satisfies every upload operation's body
 * schema; the mock reads the real body afterwards, once the route, the token and the path and
 * query have passed.
 */
import type { IHttpRequest } from "@stoplight/prism-http";

const BOUNDARY = "zcrm-mock-stand-in";
const STAND_IN_BODY =
  `--${BOUNDARY}\r\n` +
  `Content-Disposition: form-data; name="file"; filename="stand-in.png"\r\n` +
  `Content-Type: image/png\r\n\r\nx\r\n--${BOUNDARY}--\r\n`;

const UPLOAD_PATH = /^\/crm\/v[0-9.]+\/[^/]+\/[^/]+\/(?:Attachments|photo)$/;

/** Whether a request is an upload whose body the mock reads itself (a POST to …/Attachments or …/photo). */
export function isUploadRequest(method: string | undefined, path: string): boolean {
  return method === "POST" && UPLOAD_PATH.test(path);
}

/** Prism's view of an upload: the stand-in body, and no `attachmentUrl` (the mock checks it, as Zoho words it). */
export function withStandInBody<T extends IHttpRequest>(input: T): T {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (name === "content-type" || name === "content-length" || name === "transfer-encoding") continue;
    if (value !== undefined) headers[name] = value;
  }
  headers["content-type"] = `multipart/form-data; boundary=${BOUNDARY}`;
  const query = { ...input.url.query };
  delete query.attachmentUrl;
  return { ...input, headers, url: { ...input.url, query }, body: STAND_IN_BODY };
}
