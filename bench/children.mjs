// Starting and stopping the child processes a benchmark measures against.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A port free on 127.0.0.1 right now. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Spawns a process and resolves once `ready` says so: either a function of its stdout so far that
 * returns a value, or a URL polled until it answers. Rejects if it exits first or takes over 30 s.
 */
export async function startChild(command, args, ready) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (err += chunk));
  const deadline = Date.now() + 30_000;
  let value;
  while (value === undefined) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(" ")} exited with ${child.exitCode}\n${err}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${command} ${args.join(" ")} did not start in 30 s\n${err}`);
    }
    if (typeof ready === "function") value = ready(out);
    else
      value = await fetch(ready).then(
        () => ready,
        () => undefined,
      );
    if (value === undefined) await sleep(50);
  }
  return {
    value,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await once(child, "exit");
      clearTimeout(timer);
    },
  };
}
