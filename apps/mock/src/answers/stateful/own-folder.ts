/**
 * The temp folder a stateful mock keeps its file bytes in: made when the mock starts, removed when
 * it closes and, failing that, when the process exits. A process that dies without exiting
 * (SIGKILL, a crash of Node itself, a signal nobody handles) leaves its folder behind, so the
 * folder's name carries the owner's host and pid, and every stateful start first removes the
 * folders of owners on this host that are gone: leftovers live until the next start, never
 * longer. The host tag keeps a start from judging pids of another machine or container that
 * shares the temp folder, where the same number means another process.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/** How every such folder's name starts; the host tag, the owner's pid and a random suffix follow. */
export const OWN_FOLDER_PREFIX = "zcrm-mock-store-";

const HOST_TAG = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);
const LEFTOVER = new RegExp(`^${OWN_FOLDER_PREFIX}${HOST_TAG}-(\\d+)-`);
const open = new Set<string>();
let exitHooked = false;

/** Makes a new folder under `parent` for this process, after removing those of dead owners there. */
export function makeOwnFolder(parent: string): string {
  removeLeftovers(parent);
  const folder = mkdtempSync(join(parent, ownFolderStem(process.pid)));
  open.add(folder);
  if (!exitHooked) {
    exitHooked = true;
    // One listener for every folder of the process, however many mocks it starts.
    process.once("exit", () => {
      for (const dir of open) removeQuietly(dir);
    });
  }
  return folder;
}

/** How the folder of the process `pid` on this host is named, up to its random suffix. */
export function ownFolderStem(pid: number): string {
  return `${OWN_FOLDER_PREFIX}${HOST_TAG}-${pid}-`;
}

/** Removes a folder made by {@link makeOwnFolder}, with everything in it. */
export function removeOwnFolder(folder: string): void {
  open.delete(folder);
  removeQuietly(folder);
}

/** Removes the folders under `parent` whose owning process no longer runs; returns their names. */
export function removeLeftovers(parent: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const owner = LEFTOVER.exec(name)?.[1];
    if (owner === undefined) continue;
    const pid = Number(owner);
    if (pid === process.pid || isRunning(pid)) continue;
    removeQuietly(join(parent, name));
    removed.push(name);
  }
  return removed;
}

/** Whether a process with this pid runs (one of another user counts: it may not be touched). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeQuietly(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // Nothing to do about a folder that cannot go; the next start tries again.
  }
}
