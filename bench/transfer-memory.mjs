// Memory and throughput of 100 MiB and 300 MiB transfers through the client, each contender in its
// own child process, with peak RSS growth taken over a baseline process that loads the same modules.
import { execFile } from "node:child_process";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startChild } from "./children.mjs";

const run = promisify(execFile);
const MIB = 1024 * 1024;
const SIZES = [100, 300];
// The client refuses files over Zoho's 100 MB upload limit before sending anything, so its uploads
// are measured at 25 and 100 MiB (flat memory shows as equal growth at both sizes).
const SIZES_FOR = { "client upload": [25, 100] };
const worker = new URL("./transfer-worker.mjs", import.meta.url).pathname;

async function makeFile(path, mib) {
  const handle = await open(path, "w");
  const chunk = Buffer.alloc(MIB, "upload bytes ");
  for (let i = 0; i < mib; i++) await handle.write(chunk);
  await handle.close();
}

async function measure(contender, mib, origin, dir) {
  const { stdout } = await run(process.execPath, [worker, contender, String(mib), origin, dir], { maxBuffer: MIB });
  return JSON.parse(stdout.trim().split("\n").at(-1));
}

export async function transferMemory() {
  const dir = await mkdtemp(join(tmpdir(), "zcrm-bench-"));
  const server = await startChild(
    process.execPath,
    [new URL("./transfer-server.mjs", import.meta.url).pathname],
    (out) => (out.includes("\n") ? Number(out.trim()) : undefined),
  );
  try {
    const origin = `http://127.0.0.1:${server.value}`;
    for (const mib of new Set([...SIZES, ...Object.values(SIZES_FOR).flat()]))
      await makeFile(join(dir, `upload-${mib}.bin`), mib);
    const baseline = (await measure("baseline", 0, origin, dir)).peakRss;
    const results = {};
    for (const contender of ["raw fetch download", "client download", "client upload", "fetch+FormData upload"]) {
      for (const mib of SIZES_FOR[contender] ?? SIZES) {
        // Alternate-free but repeated: the best of two runs, so one hiccup does not decide.
        const a = await measure(contender, mib, origin, dir);
        const b = await measure(contender, mib, origin, dir);
        results[`${contender} ${mib}`] = {
          growthMiB: (Math.min(a.peakRss, b.peakRss) - baseline) / MIB,
          mibPerSecond: mib / Math.min(a.seconds, b.seconds),
        };
      }
    }
    return { baselineMiB: baseline / MIB, results };
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
