/**
 * Checks where a download may be written, so a bad destination fails before any request is made
 * (and again right before writing, since the disk can change in between).
 */
import { constants } from "node:fs";
import { access, lstat, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { ZohoInputError } from "../errors/errors.js";

/** A checked destination. */
export interface CheckedDestination {
  /** Absolute path of the file to write. */
  path: string;
  /** Permission bits of the file it replaces, or undefined when there is none. */
  existingMode: number | undefined;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

async function statOrUndefined(path: string, follow: boolean) {
  try {
    return follow ? await stat(path) : await lstat(path);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw new ZohoInputError("destination", `Cannot inspect ${path} (${errorCode(error) ?? String(error)}).`);
  }
}

/** The error for a destination that exists when overwriting is off. */
export function destinationExistsError(path: string): ZohoInputError {
  return new ZohoInputError(
    "destination",
    `${path} already exists: pass overwrite: true to replace it, or pick another path.`,
  );
}

/**
 * Throws a ZohoInputError for a destination that is a directory, lies in a missing directory, or
 * exists while `overwrite` is false; returns its absolute path.
 */
export async function checkDestination(destination: string, overwrite = false): Promise<CheckedDestination> {
  if (typeof destination !== "string" || destination.trim() === "") {
    throw new ZohoInputError(
      "destination",
      'destination must be the path of the file to write, e.g. "./downloads/report.pdf".',
    );
  }
  const path = resolve(destination);
  const directory = dirname(path);
  const parent = await statOrUndefined(directory, true);
  if (parent === undefined) {
    throw new ZohoInputError("destination", `The directory ${directory} does not exist: create it first (mkdir -p).`);
  }
  if (!parent.isDirectory()) throw new ZohoInputError("destination", `${directory} is not a directory.`);
  // The temp file is created in this directory, so writing into it must be allowed.
  await access(directory, constants.W_OK).catch(() => {
    throw new ZohoInputError(
      "destination",
      `This process may not create files in ${directory}: check its permissions.`,
    );
  });
  if (/[/\\]$/.test(destination)) {
    // "./downloads/" for a folder that is not there yet: the fix is the folder, not a file name.
    if ((await statOrUndefined(path, true)) === undefined) {
      throw new ZohoInputError("destination", `The directory ${path} does not exist: create it first (mkdir -p).`);
    }
    throw new ZohoInputError(
      "destination",
      `${destination} names a directory: add a file name, e.g. join(dir, safeFileName(name)).`,
    );
  }
  const existing = await statOrUndefined(path, true);
  if (existing?.isDirectory() === true) {
    throw new ZohoInputError(
      "destination",
      `${path} is a directory: pass a file path inside it, e.g. join(dir, safeFileName(name)).`,
    );
  }
  // lstat as well: a dangling symlink is "something there" too.
  const entry = existing ?? (await statOrUndefined(path, false));
  if (entry !== undefined && !overwrite) throw destinationExistsError(path);
  if (existing !== undefined && !existing.isFile()) {
    throw new ZohoInputError(
      "destination",
      `${path} is not a regular file (a device, socket or pipe): pick another path.`,
    );
  }
  return { path, existingMode: existing === undefined ? undefined : existing.mode & 0o7777 };
}
