/**
 * Runs the bin in a pseudo-terminal (node-pty), so it sees a real TTY on stdin, stdout and stderr,
 * as in a person's terminal. Returns everything the terminal received, control sequences included.
 */
import pty from "@lydell/node-pty";
import { BIN, cleanEnv } from "./run-bin.js";

/** A run in a terminal: what it drew and how it ended. */
export interface PtyResult {
  code: number;
  screen: string;
}

/** Runs the bin in an 120×30 terminal; `answer` is typed once `prompt` appears. */
export function runInPty(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  reply?: { prompt: RegExp; answer: string },
): Promise<PtyResult> {
  const terminal = pty.spawn(process.execPath, [BIN, ...args], {
    name: "xterm-256color",
    cols: 120,
    rows: 30,
    // A person's terminal: CI=true (as .ci/run and most CI services set) makes Node report no colours.
    env: cleanEnv({ TERM: "xterm-256color", CI: undefined, NODE_DISABLE_COLORS: undefined, ...env }) as Record<
      string,
      string
    >,
  });
  let screen = "";
  let replied = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      terminal.kill();
      reject(new Error(`the bin ran over 60 s in the terminal:\n${screen}`));
    }, 60_000);
    terminal.onData((data) => {
      screen += data;
      if (reply !== undefined && !replied && reply.prompt.test(screen)) {
        replied = true;
        terminal.write(reply.answer);
      }
    });
    terminal.onExit(({ exitCode }) => {
      clearTimeout(timer);
      resolve({ code: exitCode, screen });
    });
  });
}
