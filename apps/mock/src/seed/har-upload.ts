/**
 * What a recorded upload carried, as far as the recording shows it: the link (in the query, as
 * Zoho's SDKs send it, or as a form field) with its title, or the file's name and, when the
 * recorder kept them, its bytes. A recorder may list the form's params or keep its text (multipart,
 * read with busboy as live uploads are); it may also keep neither, or cut a large body short.
 * None of that is an error: what cannot be read is left unknown, and the list and download answers
 * of the same recording usually tell the rest.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import busboy from "busboy";
import { isRecord } from "../prism/example-catalog.js";
import { headerOf, type RecordedCall } from "./har-entries.js";

/** What one recorded upload shows. */
export interface RecordedUpload {
  link: { url: string; title: string | undefined } | undefined;
  /** `size` is the recorder's `_size` of the part, when it wrote one. */
  file: { fileName: string | undefined; bytes: Buffer | undefined; size?: number } | undefined;
}

/** Reads the upload a recorded call made. */
export async function recordedUpload(call: RecordedCall): Promise<RecordedUpload> {
  const fields = new Map<string, string>();
  let file: RecordedUpload["file"];
  const postData = isRecord(call.postData) ? call.postData : {};
  if (Array.isArray(postData.params)) {
    for (const param of postData.params) {
      if (!isRecord(param) || typeof param.name !== "string") continue;
      const value = typeof param.value === "string" ? param.value : undefined;
      if (param.name === "file") {
        const fileName = typeof param.fileName === "string" ? param.fileName : undefined;
        const size =
          Number.isSafeInteger(param._size) && (param._size as number) >= 0 ? (param._size as number) : undefined;
        file = { fileName, bytes: paramBytes(param, value), ...(size === undefined ? {} : { size }) };
      } else if (value !== undefined) fields.set(param.name, value);
    }
  } else if (typeof postData.text === "string" && postData.text !== "") {
    const type =
      headerOf(call.requestHeaders, "content-type") ?? (typeof postData.mimeType === "string" ? postData.mimeType : "");
    const body = Buffer.from(postData.text, postData.encoding === "base64" ? "base64" : "utf8");
    file = await readForm(body, type, fields);
  }
  const url = first(call.query.attachmentUrl) ?? fields.get("attachmentUrl");
  if (url !== undefined) {
    const title = url === first(call.query.attachmentUrl) ? first(call.query.title) : fields.get("title");
    return { link: { url, title }, file: undefined };
  }
  return { link: undefined, file };
}

/**
 * A file param's bytes. The contract's proxy writes binary parts in base64 with `_encoding:
 * "base64"` and their hash in `_sha256`; a value whose hash disagrees is left unknown, not trusted.
 */
function paramBytes(param: Record<string, unknown>, value: string | undefined): Buffer | undefined {
  if (value === undefined || value === "") return undefined;
  const bytes = Buffer.from(value, param._encoding === "base64" ? "base64" : "utf8");
  if (
    typeof param._sha256 === "string" &&
    createHash("sha256").update(bytes).digest("hex") !== param._sha256.toLowerCase()
  )
    return undefined;
  return bytes;
}

/** The file part of a recorded multipart body, its fields put in `fields`; undefined when it cannot be read. */
function readForm(body: Buffer, type: string, fields: Map<string, string>): Promise<RecordedUpload["file"]> {
  return new Promise((resolve) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers: { "content-type": type }, defParamCharset: "utf8" });
    } catch {
      resolve(undefined);
      return;
    }
    let file: RecordedUpload["file"];
    parser.on("field", (name, value) => fields.set(name, value));
    parser.on("file", (name, stream, info) => {
      if (name !== "file") {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        file = { fileName: info.filename, bytes: chunks.length === 0 ? undefined : Buffer.concat(chunks) };
      });
    });
    parser.on("close", () => resolve(file));
    // A body the recorder cut short: what it shows of the file is not the file.
    parser.on("error", () => resolve(file === undefined ? undefined : { fileName: file.fileName, bytes: undefined }));
    Readable.from([body]).pipe(parser);
  });
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
