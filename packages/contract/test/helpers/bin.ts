/** Runs the built zcrm-contract bin as a user does: a child process, its output and exit status. */
import { execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/zcrm-contract.js", import.meta.url));

/** What a run of the bin printed and how it exited. */
export interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of a run: its folder and the environment on top of a clean one. */
export interface BinOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** The environment the bin gets: this process's, without settings that would point a run elsewhere or colour it. */
export function binEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTRACT_BASE_URL: "" };
  for (const name of [
    "NO_COLOR",
    "FORCE_COLOR",
    "INIT_CWD",
    "GITHUB_STEP_SUMMARY",
    "GITHUB_WORKSPACE",
    "ZOHO_ACCESS_TOKEN",
  ])
    delete env[name];
  return { ...env, ...extra };
}

/** Runs the bin to its end (at most 5 minutes). */
export function runBin(args: string[], options: BinOptions = {}): Promise<BinRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd, env: binEnv(options.env), timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A running bin: what it printed so far, a way to signal it, and its end. */
export interface RunningBin {
  output(): string;
  errors(): string;
  /** Sends the process a signal (SIGINT is what Ctrl-C sends). */
  signal(name: NodeJS.Signals): void;
  done: Promise<BinRun>;
}

/** Starts the bin; its output can be read while it runs, and `done` resolves at its end. */
export function startBin(args: string[], options: BinOptions = {}): RunningBin {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: binEnv(options.env) });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill(), 300_000);
  const done = new Promise<BinRun>((resolve) => {
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
  return { output: () => stdout, errors: () => stderr, signal: (name) => child.kill(name), done };
}
