/**
 * Runs the built bin (bin/zcrm-attachments.js → dist/bin.js) as a child process, the way a person
 * or a script runs it: real arguments, real streams, a clean environment (no ZOHO_* variables, a
 * private config folder). Every run is bounded in time and killed if it overruns.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { scratch } from "./scratch.js";

/** The bin as users get it. */
export const BIN = fileURLToPath(new URL("../../bin/zcrm-attachments.js", import.meta.url));

/** What a run printed and how it ended. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of a run. */
export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
  timeoutMs?: number;
}

/** An environment without the caller's Zoho variables, with its own config folder. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("ZOHO_") && key !== "NO_COLOR" && key !== "FORCE_COLOR") env[key] = value;
  }
  env.XDG_CONFIG_HOME = scratch("zcrm-cli-config-");
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Starts the bin; the caller reads or signals the child. */
export function startBin(args: readonly string[], options: RunOptions = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: cleanEnv(options.env),
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Collects a started child's output until it exits. */
export function finish(child: ChildProcess, timeoutMs = 60_000, input?: string): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => (stdout += chunk));
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  if (input !== undefined) child.stdin?.end(input);
  else child.stdin?.end();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the bin ran over ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs the bin to the end. */
export function runBin(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return finish(startBin(args, options), options.timeoutMs, options.input);
}
