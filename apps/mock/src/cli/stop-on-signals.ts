/**
 * How `zcrm-mock` stops: the first SIGINT or SIGTERM closes the server, and the command exits 0 by
 * itself a moment later. The moment matters under a package manager: pnpm's script runner passes
 * the terminal's Ctrl+C on to the script as a second SIGINT a few ms after the first, and a signal
 * that reaches Node while it is exiting kills it by that signal (status 130), which pnpm reports as
 * "ELIFECYCLE Command failed". So the command keeps its handlers for {@link REPEAT_WINDOW_MS} after
 * the first signal and ignores repeats in that window; a repeat after it is the user pressing
 * again while the server still has not closed, and exits at once with 130.
 */

/** How long after the first signal a repeat counts as the same Ctrl+C passed on again, in ms. */
export const REPEAT_WINDOW_MS = 300;

/** What stopping needs from the process; tests pass their own. */
export interface StopIo {
  /** Registers a signal handler (`process.on`). */
  on(signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void): void;
  /** Ends the process with a status (`process.exit`). */
  exit(code: number): void;
  /** Prints a line to stdout or, for errors, to stderr. */
  print(line: string, error?: boolean): void;
  /** Milliseconds on a monotonic clock (`performance.now`). */
  now(): number;
  /** Runs `run` after `ms` (`setTimeout`). */
  later(run: () => void, ms: number): void;
}

const processIo: StopIo = {
  on: (signal, handler) => process.on(signal, handler),
  exit: (code) => process.exit(code),
  print: (line, error) => (error ? console.error(line) : console.log(line)),
  now: () => performance.now(),
  later: (run, ms) => setTimeout(run, ms),
};

/** Closes `server` on the first SIGINT or SIGTERM, then exits (0, or 1 if closing failed). */
export function stopOnSignals(server: { close(): Promise<void> }, io: StopIo = processIo): void {
  let firstAt: number | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (firstAt !== undefined) {
      if (io.now() - firstAt > REPEAT_WINDOW_MS) io.exit(130);
      return;
    }
    const at = io.now();
    firstAt = at;
    server.close().then(
      () => {
        io.print(`zcrm-mock stopped (${signal}).`);
        io.later(() => io.exit(0), Math.max(0, REPEAT_WINDOW_MS - (io.now() - at)));
      },
      (error: unknown) => {
        io.print(`zcrm-mock: error while stopping: ${String(error)}`, true);
        io.exit(1);
      },
    );
  };
  io.on("SIGINT", stop);
  io.on("SIGTERM", stop);
}
