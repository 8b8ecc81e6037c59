/**
 * The real `zcrm-mock` binary in a child process, for the long fuzz: its port (read from the
 * start-up line), its resident memory (from /proc, Linux), what it wrote to stderr, and whether
 * it is still the same process. Stopped with SIGTERM, as a user stops it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bin", "zcrm-mock.js");

/** A running mock process. */
export interface MockProcess {
  port: number;
  pid: number;
  /** Whether it is still running (no crash, no exit). */
  alive(): boolean;
  /** Resident memory in MiB, from /proc/<pid>/status. */
  rssMiB(): number;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts the binary with `args` on a free port and resolves once it listens (within 60 s). */
export async function startMockProcess(args: readonly string[]): Promise<MockProcess> {
  const child: ChildProcess = spawn(process.execPath, [BIN, "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: "" },
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the mock did not start in 60 s:\n${err}`)), 60_000);
    const look = () => {
      const found = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (found === undefined) return;
      clearTimeout(timer);
      resolve(Number(found));
    };
    child.stdout?.on("data", look);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the mock exited with ${code} before it listened:\n${err}`));
    });
  });
  return {
    port,
    pid: child.pid ?? -1,
    alive: () => child.exitCode === null && child.signalCode === null,
    rssMiB: () => {
      const line = readFileSync(`/proc/${child.pid}/status`, "utf8")
        .split("\n")
        .find((l) => l.startsWith("VmRSS:"));
      return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) / 1024;
    },
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await once(child, "exit");
      clearTimeout(timer);
    },
  };
}
