/**
 * Finds the file behind an upload path (or file: URL) and checks it can be read, so a missing file
 * or a directory fails before the request with the absolute path the client looked at.
 */
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ZohoInputError } from "../errors/errors.js";

/** A regular file found on disk. */
export interface UploadPath {
  /** Absolute path. */
  path: string;
  /** Last segment of the path: the default upload name. */
  baseName: string;
  /** Size in bytes when checked. */
  size: number;
}

function toPath(input: string | URL): string {
  const url = input instanceof URL ? input : input.startsWith("file://") ? new URL(input) : undefined;
  if (url === undefined) return input as string;
  if (url.protocol !== "file:") {
    throw new ZohoInputError(
      "file",
      `Only file: URLs name files to upload (got a ${url.protocol} URL). To attach a web link, use the link upload instead.`,
    );
  }
  return fileURLToPath(url);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Resolves and stats an upload path; throws ZohoInputError for an empty path, a missing file, a directory or an unreadable file. */
export async function statUploadPath(input: string | URL): Promise<UploadPath> {
  if (typeof input === "string" && input.trim() === "") {
    throw new ZohoInputError("file", "file is an empty path: pass the path of the file to upload.");
  }
  const path = resolve(toPath(input));
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new ZohoInputError(
        "file",
        `No file at ${path}: check the path (relative paths start at ${process.cwd()}).`,
      );
    }
    throw new ZohoInputError("file", `Cannot read ${path} (${code ?? String(error)}).`);
  }
  if (info.isDirectory()) {
    throw new ZohoInputError("file", `${path} is a directory: upload one file at a time, or zip the directory first.`);
  }
  if (!info.isFile()) {
    throw new ZohoInputError(
      "file",
      `${path} is not a regular file (a device, socket or pipe): pass it as a stream instead.`,
    );
  }
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new ZohoInputError("file", `${path} exists but this process may not read it: check its permissions.`);
  }
  return { path, baseName: basename(path), size: info.size };
}
