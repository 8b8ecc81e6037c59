// zcrm-contract's proxy alone in a process, for bench/proxy.mjs:
//   node proxy-server.mjs <target> <none|record|bodies> <work dir>
// Prints its port, then serves until SIGTERM; then it closes (the recording is finished) and
// prints one JSON line with its peak RSS (VmHWM) and the session's totals.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startProxy } from "@zcrm-attachments/contract";

const [target, mode, dir] = process.argv.slice(2);
const record =
  mode === "none" ? {} : { record: join(dir, `proxy-${process.pid}.har`), recordBodies: mode === "bodies" };
const proxy = await startProxy({ target, port: 0, ...record, tempDir: dir });
process.stdout.write(`${proxy.port}\n`);

function peakRss() {
  const line = readFileSync("/proc/self/status", "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmHWM:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) * 1024;
}

process.on("SIGTERM", async () => {
  const result = await proxy.close();
  process.stdout.write(`${JSON.stringify({ peakRss: peakRss(), totals: result.totals })}\n`);
  process.exit(0);
});
