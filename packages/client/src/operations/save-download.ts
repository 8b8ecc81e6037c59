/**
 * Download one attachment into a file: `downloadAttachmentTo`. The destination is checked before the
 * request (its directory exists and is writable; an existing file needs `overwrite`). When it is an
 * existing directory, the file goes inside it under the server's name, made safe (safeFileName).
 *
 * Bytes go to a temp file beside the destination, which is checked against Content-Length and
 * renamed into place (files/atomic-file.ts): a reset, an abort, a stall, a body over `maxBytes` or
 * a short body leaves no file, partial or otherwise, and an existing file untouched. `durable` also
 * fsyncs the file and its directory, for a power cut; off by default.
 */
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { limits } from "@zcrm-attachments/types";
import { ZohoApiError, ZohoError, ZohoInputError } from "../errors/errors.js";
import { cleanHeaders } from "../errors/from-response.js";
import { writeAtomically } from "../files/atomic-file.js";
import { safeFileName } from "../files/content-disposition.js";
import { checkDestination } from "../files/destination.js";
import { checkCallOptions } from "../input/call-options.js";
import type { ZohoResponseMeta } from "../response-meta.js";
import { checkMaxBytes, type DownloadOptions, requestDownload } from "./download.js";
import { attachmentPath, checkAttachmentTarget, type OperationContext } from "./operation-context.js";
import { bodyReadError } from "./typed-body.js";

/** Options of downloadAttachmentTo. */
export interface DownloadToOptions extends DownloadOptions {
  /** Replace an existing file (default false: an existing file is a ZohoInputError, before any request). */
  overwrite?: boolean;
  /** fsync the file before the rename and its directory after, so it survives a power cut too, at the cost of two fsyncs (default false). */
  durable?: boolean;
}

/** A download saved in full. */
export interface SavedDownload {
  /** Absolute path of the file written. */
  path: string;
  /** Bytes written. */
  bytes: number;
  /** The file name the server gave (Content-Disposition), decoded. */
  fileName: string | undefined;
  /** The Content-Type header, as sent. */
  contentType: string | undefined;
  headers: Headers;
  /** Zoho's token and limit headers, parsed. */
  meta: ZohoResponseMeta;
}

const METHOD = "GET";

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Checks the destination; returns the directory to save in, or undefined for a file path. */
async function checkTarget(destination: unknown, overwrite: boolean): Promise<string | undefined> {
  if (typeof destination === "string" && destination.trim() !== "" && (await isDirectory(destination))) {
    const directory = resolve(destination);
    await access(directory, constants.W_OK).catch(() => {
      throw new ZohoInputError(
        "destination",
        `This process may not create files in ${directory}: check its permissions.`,
      );
    });
    return directory;
  }
  await checkDestination(destination as string, overwrite);
  return undefined;
}

/** Downloads one attachment into `destination` atomically; see the file header. */
export async function downloadAttachmentTo(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  attachmentId: unknown,
  destination: unknown,
  input: unknown,
): Promise<SavedDownload> {
  const target = checkAttachmentTarget(context, module, recordId, attachmentId);
  const options = checkCallOptions(input, ["overwrite", "durable", "maxBytes"]);
  const maxBytes = checkMaxBytes(options.values.maxBytes, limits.attachment.fileBytes);
  const { overwrite = false, durable = false } = options.values;
  if (typeof overwrite !== "boolean") throw new ZohoInputError("overwrite", "overwrite must be true or false.");
  if (typeof durable !== "boolean") throw new ZohoInputError("durable", "durable must be true or false.");
  const directory = await checkTarget(destination, overwrite);
  const url = attachmentPath(context, target);
  const { download, result } = await requestDownload(context, url, options, maxBytes);
  if (download.status === 204) {
    throw new ZohoApiError({
      status: 204,
      code: "NO_CONTENT",
      zohoMessage: "Zoho answered 204 (no content): there is no file to save (the attachment id may be unknown)",
      details: {},
      method: METHOD,
      url: result.redact(result.url),
      headers: cleanHeaders(download.headers, result.redact),
      retries: result.retries,
      meta: download.meta,
    });
  }
  const path =
    directory === undefined
      ? (destination as string)
      : join(directory, safeFileName(download.fileName, `attachment-${target.attachmentId}`));
  try {
    const written = await writeAtomically(download.body, path, {
      signal: options.signal,
      expectedBytes: download.contentLength,
      overwrite,
      durable,
    });
    const { fileName, contentType, headers, meta } = download;
    return { path: written.path, bytes: written.bytes, fileName, contentType, headers, meta };
  } catch (error) {
    // Not read (e.g. the destination appeared meanwhile): cancel the body to free its slot.
    if (!download.body.locked) await download.body.cancel().catch(() => {});
    if (error instanceof ZohoError || options.signal?.aborted !== true) throw error;
    throw bodyReadError(error, METHOD, result, options.signal);
  }
}
