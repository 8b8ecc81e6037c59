/**
 * What Prism sees of an upload. Prism reads request bodies as text (10 MB at most) and would parse
 * a multipart upload itself, so it never sees a real upload body. It routes and validates the
 * request with this small one-file form instead, which satisfies every upload operation's body
 * schema; the mock reads the real body afterwards, once the route, the token and the path and
 * query have passed.
 */
import type { IHttpRequest } from "@stoplight/prism-http";
import { apiOperations } from "@zcrm-attachments/types";

const BOUNDARY = "zcrm-mock-stand-in";
const STAND_IN_BODY =
  `--${BOUNDARY}\r\n` +
  `Content-Disposition: form-data; name="file"; filename="stand-in.png"\r\n` +
  `Content-Type: image/png\r\n\r\nx\r\n--${BOUNDARY}--\r\n`;

// The spec paths of the upload operations, split into segments (`{module}` matches any segment).
const UPLOAD_PATHS: readonly (readonly string[])[] = Object.values(apiOperations)
  .filter((operation) => operation.kind === "uploadAttachment" || operation.kind === "uploadPhoto")
  .map((operation) => operation.path.split("/"));
const VERSION_SEGMENT = 2;

/**
 * Whether a request is an upload whose body the mock reads itself: a POST to the path of an upload
 * operation, whatever version the path names. An unknown version still gets its body left unread
 * (Prism answers INVALID_URL_PATTERN from the path alone), as for a known one.
 */
export function isUploadRequest(method: string | undefined, path: string): boolean {
  if (method !== "POST") return false;
  const segments = path.split("/");
  return UPLOAD_PATHS.some(
    (template) =>
      template.length === segments.length &&
      template.every((part, i) => {
        const segment = segments[i] ?? "";
        if (i === VERSION_SEGMENT || part.startsWith("{")) return segment !== "";
        return part === segment;
      }),
  );
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
