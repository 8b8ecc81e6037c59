// Memory of the stateful mock holding files: for 100 MiB (one file) and 300 MiB (three files of
// 100 MiB, the largest the mock takes), each in a fresh mock process, upload everything, then
// download everything. RSS growth is the mock's peak during the transfers over its RSS just before
// (after a warm-up transfer of 1 MiB, so code paths and buffers are in place): peak RSS (VmHWM) is
// reset through /proc/<pid>/clear_refs, and sampled as well in case the reset is not allowed.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { openAsBlob } from "node:fs";
import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const MIB = 1024 * 1024;
const AUTH = { Authorization: "Zoho-oauthtoken 1000.bench-token" };
const RECORD = "/crm/v8/Leads/1000000231009/Attachments";

async function makeFile(path, mib) {
  const handle = await open(path, "w");
  const chunk = Buffer.alloc(MIB, "stateful bytes ");
  for (let i = 0; i < mib; i++) await handle.write(chunk);
  await handle.close();
}

async function status(pid, field) {
  const line = (await readFile(`/proc/${pid}/status`, "utf8")).split("\n").find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) * 1024;
}

async function transfer(origin, path, copies) {
  const ids = [];
  for (let i = 0; i < copies; i++) {
    const form = new FormData();
    form.append("file", await openAsBlob(path), `file-${i}.bin`);
    const res = await fetch(origin + RECORD, { method: "POST", headers: AUTH, body: form });
    if (res.status !== 200) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
    ids.push((await res.json()).data[0].details.id);
  }
  let bytes = 0;
  for (const id of ids) {
    const res = await fetch(`${origin}${RECORD}/${id}`, { headers: AUTH });
    for await (const chunk of res.body) bytes += chunk.length;
  }
  return bytes;
}

/** Starts bench/stateful-mock.mjs and resolves with its pid, its port and a stop function. */
async function startStatefulMock() {
  const child = spawn(process.execPath, [new URL("./stateful-mock.mjs", import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const port = await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(Number(out.trim()));
    });
    child.once("exit", (code) => reject(new Error(`the stateful mock exited with ${code}`)));
  });
  return {
    pid: child.pid,
    port,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

async function measure(files, mib, copies) {
  const mock = await startStatefulMock();
  const pid = mock.pid;
  try {
    const origin = `http://127.0.0.1:${mock.port}`;
    await transfer(origin, files[1], 1);
    await writeFile(`/proc/${pid}/clear_refs`, "5").catch(() => undefined);
    const before = await status(pid, "VmRSS");
    let sampled = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        sampled = Math.max(sampled, await status(pid, "VmRSS"));
        await sleep(5);
      }
    })();
    const bytes = await transfer(origin, files[mib], copies);
    sampling = false;
    await sampler;
    if (bytes !== copies * mib * MIB) throw new Error(`downloaded ${bytes} bytes, expected ${copies * mib * MIB}`);
    const peak = Math.max(await status(pid, "VmHWM"), sampled);
    return (peak - before) / MIB;
  } finally {
    await mock.stop();
  }
}

/** RSS growth of the stateful mock (MiB) for 100 and 300 MiB stored then downloaded, best of two runs each. */
export async function statefulMemory() {
  const dir = await mkdtemp(join(tmpdir(), "zcrm-bench-stateful-"));
  try {
    const files = { 1: join(dir, "1.bin"), 100: join(dir, "100.bin") };
    await makeFile(files[1], 1);
    await makeFile(files[100], 100);
    const results = {};
    for (const [total, copies] of [
      [100, 1],
      [300, 3],
    ]) {
      const a = await measure(files, 100, copies);
      const b = await measure(files, 100, copies);
      results[total] = Math.min(a, b);
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
