/**
 * Ctrl-C and SIGTERM: the first one aborts the run's signal, so requests stop, files being written
 * are dropped (never left partial) and the export writes where it stopped; a second one quits at
 * once. Temp files still open then are removed synchronously on the way out, so even that path
 * leaves no partial file behind.
 */
import { rmSync } from "node:fs";

/** Why a run stopped early. */
export class StopRequested extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`stopped by ${signal}`);
    this.name = "StopRequested";
  }
}

const openTempFiles = new Set<string>();

/** Remembers a temp file to remove if the process quits before it is renamed or removed. */
export function trackTempFile(path: string): () => void {
  openTempFiles.add(path);
  return () => openTempFiles.delete(path);
}

function removeTempFiles(): void {
  for (const path of openTempFiles) rmSync(path, { force: true });
  openTempFiles.clear();
}

/** Aborts `controller` on the first SIGINT or SIGTERM, exits on the second; returns a function that stops listening. */
export function stopOnSignals(controller: AbortController, onFirst: (signal: NodeJS.Signals) => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      removeTempFiles();
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
    onFirst(signal);
    controller.abort(new StopRequested(signal));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  process.on("exit", removeTempFiles);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
    process.off("exit", removeTempFiles);
  };
}
