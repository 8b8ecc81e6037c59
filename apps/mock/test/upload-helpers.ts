import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Multipart bodies built by hand (so a test controls every byte, including broken ones), a
// streamed body that never holds its file in memory, and the byte fixtures the mock serves.

/** The header every test request sends. */
export const AUTH = { Authorization: "Zoho-oauthtoken 1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf" };

/** The fixtures folder of the package. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

/** The bytes of one fixture file. */
export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** Hex SHA-256 of some bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** One part of a hand-built form: a field, or a file when `fileName` is given. */
export interface FormPart {
  name: string;
  value: string | Uint8Array;
  fileName?: string;
  contentType?: string;
}

const BOUNDARY = "----zcrm-test-boundary-7MA4YWxkTrZu0gW";

/** A multipart/form-data body and its Content-Type, byte for byte as given. */
export function multipartBody(parts: readonly FormPart[], boundary = BOUNDARY): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.fileName !== undefined) head += `; filename="${part.fileName}"`;
    head += "\r\n";
    if (part.contentType !== undefined) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), Buffer.from(part.value), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A multipart body with one `file` part of `fileBytes` bytes, produced 1 MiB at a time as the
 * reader pulls, so a 101 MiB upload costs one reused chunk of memory. `asField` sends a text
 * field of that size instead of a file (for a body too large without any file).
 */
export function streamedForm(
  size: number,
  options: { asField?: boolean; fileName?: string } = {},
): { body: ReadableStream<Uint8Array>; contentType: string; sent: () => number } {
  const name = options.asField === true ? 'name="note"' : `name="file"; filename="${options.fileName ?? "big.bin"}"`;
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; ${name}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  let left = size;
  let stage: "head" | "body" | "tail" | "done" = "head";
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === "head") {
        controller.enqueue(new Uint8Array(head));
        sent += head.length;
        stage = "body";
      } else if (stage === "body") {
        const n = Math.min(left, chunk.length);
        // The same chunk every time: nothing ever writes to it after the fill.
        controller.enqueue(n === chunk.length ? chunk : chunk.subarray(0, n));
        sent += n;
        left -= n;
        if (left === 0) stage = "tail";
      } else if (stage === "tail") {
        controller.enqueue(new Uint8Array(tail));
        sent += tail.length;
        stage = "done";
      } else {
        controller.close();
      }
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${BOUNDARY}`, sent: () => sent };
}

/** fetch options for a streamed request body (Node's fetch requires `duplex: "half"` for streams). */
export function streamingInit(
  method: string,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string>,
): RequestInit {
  return { method, body, headers, duplex: "half" } as RequestInit;
}

export { example } from "./spec-examples.js";

/** The spec paths of both lines. */
export const PATHS = {
  v2: {
    list: "/crm/v2/{module}/{record_id}/Attachments",
    one: "/crm/v2/{module}/{record_id}/Attachments/{attachment_id}",
    photo: "/crm/v2/{module}/{record_id}/photo",
  },
  v8: {
    list: "/crm/v8/{module}/{record_id}/Attachments",
    one: "/crm/v8/{module}/{record_id}/Attachments/{attachment_id}",
    photo: "/crm/v8/{module}/{record_id}/photo",
  },
} as const;

/** Multipart form with one file, as fetch sends it (FormData with a Blob). */
export function fileForm(name: string, bytes: Uint8Array | string, type?: string): FormData {
  const form = new FormData();
  form.append("file", new Blob([bytes], type === undefined ? {} : { type }), name);
  return form;
}
