// zcrm-contract's proxy next to direct calls, in one run, the proxy in a process of its own (as
// `zcrm-contract proxy` runs): its cost per list call (raw fetch, one call at a time, direct,
// through a bare piping proxy, through zcrm-contract's proxy with and without a recording; the
// contenders alternate in rounds and each figure is the median of its rounds) against a bare
// server and against the stateful mock; and its memory on 100 and 300 MiB downloads (the proxy's
// peak RSS over its RSS just before the download, next to the downloading process's own growth
// when it downloads directly).
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { startChild } from "./children.mjs";

const run = promisify(execFile);
const MIB = 1024 * 1024;
const AUTH = { Authorization: "Zoho-oauthtoken 1000.bench-token" };
const CALLS_PER_ROUND = 400;
const ROUNDS = 9;
const here = (name) => new URL(`./${name}`, import.meta.url).pathname;
const portOf = (out) => (out.includes("\n") ? Number(out.split("\n")[0]) : undefined);

/** A proxy process: zcrm-contract's (`mode` none, record or bodies) or the bare piping one ("pipe"). */
async function startProxyProcess(target, mode, dir) {
  const args = mode === "pipe" ? [here("pipe-proxy.mjs"), target] : [here("proxy-server.mjs"), target, mode, dir];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  while (portOf(out) === undefined) {
    if (child.exitCode !== null) throw new Error(`the ${mode} proxy exited with ${child.exitCode}`);
    await sleep(20);
  }
  return {
    pid: child.pid,
    url: `http://127.0.0.1:${portOf(out)}`,
    /** Stops it (once); resolves with the JSON line it printed at its end. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      return JSON.parse(out.trim().split("\n").at(-1));
    },
  };
}

async function status(pid, field) {
  const line = (await readFile(`/proc/${pid}/status`, "utf8")).split("\n").find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) * 1024;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds per call of each contender, alternating in rounds so that drift hits them alike. */
async function perCall(contenders) {
  const entries = Object.entries(contenders);
  for (const [, fn] of entries) for (let i = 0; i < 200; i++) await fn(); // warm-up
  const samples = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let turn = 0; turn < entries.length; turn++) {
      const [name, fn] = entries[(round + turn) % entries.length];
      const start = process.hrtime.bigint();
      for (let i = 0; i < CALLS_PER_ROUND; i++) await fn();
      samples[name].push(Number(process.hrtime.bigint() - start) / 1e6 / CALLS_PER_ROUND);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, median(xs)]));
}

const listCall = (url) => async () => {
  const res = await fetch(url, { headers: AUTH });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  await res.json();
};

/** Per-call cost of a list call, direct and through each proxy, against a bare server and the stateful mock. */
export async function proxyOverhead() {
  const dir = await mkdtemp(join(tmpdir(), "zcrm-bench-proxy-"));
  const bare = await startChild(process.execPath, [here("fixed-server.mjs")], portOf);
  const mock = await startChild(process.execPath, [here("stateful-mock.mjs")], portOf);
  const targets = {
    "bare server": { origin: `http://127.0.0.1:${bare.value}`, path: "/crm/v2/Leads/1000000231009/Attachments" },
    "stateful mock": {
      origin: `http://127.0.0.1:${mock.value}`,
      path: "/crm/v8/Leads/1000000231009/Attachments?fields=id,File_Name,Size",
    },
  };
  // The bare server answers the v2 list sample on every path; the mock lists what is uploaded here.
  for (const name of ["a.txt", "b.txt", "c.txt"]) {
    const form = new FormData();
    form.append("file", new Blob(["bench"]), name);
    const origin = targets["stateful mock"].origin;
    await fetch(`${origin}/crm/v8/Leads/1000000231009/Attachments`, { method: "POST", headers: AUTH, body: form });
  }
  const results = {};
  try {
    for (const [name, { origin, path }] of Object.entries(targets)) {
      const proxies = {
        "bare piping proxy": await startProxyProcess(origin, "pipe", dir),
        "zcrm-contract proxy": await startProxyProcess(origin, "none", dir),
        "zcrm-contract proxy, recording": await startProxyProcess(origin, "record", dir),
      };
      try {
        const contenders = { direct: listCall(origin + path) };
        for (const [label, proxy] of Object.entries(proxies)) contenders[label] = listCall(proxy.url + path);
        results[name] = await perCall(contenders);
        for (const label of ["zcrm-contract proxy", "zcrm-contract proxy, recording"]) {
          const { totals } = await proxies[label].stop();
          if (totals.failed > 0 || totals.passed === 0) throw new Error(`${label} judged ${JSON.stringify(totals)}`);
        }
      } finally {
        for (const proxy of Object.values(proxies)) await proxy.stop();
      }
    }
    return { results, calls: CALLS_PER_ROUND * ROUNDS };
  } finally {
    await bare.stop();
    await mock.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** One download by bench/transfer-worker.mjs in its own process: its peak RSS and seconds. */
async function download(origin, mib, dir) {
  const args = [here("transfer-worker.mjs"), "raw fetch download", String(mib), origin, dir];
  const { stdout } = await run(process.execPath, args, { maxBuffer: MIB });
  return JSON.parse(stdout.trim().split("\n").at(-1));
}

/** A download through a fresh proxy: the proxy's peak RSS over its RSS just before, and the client's peak. */
async function throughProxy(target, mode, mib, dir) {
  const proxy = await startProxyProcess(target, mode, dir);
  try {
    await download(proxy.url, 1, dir); // warm-up: code paths and buffers in place
    await writeFile(`/proc/${proxy.pid}/clear_refs`, "5").catch(() => undefined);
    const before = await status(proxy.pid, "VmRSS");
    let sampled = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        sampled = Math.max(sampled, await status(proxy.pid, "VmRSS").catch(() => 0));
        await sleep(5);
      }
    })();
    const client = await download(proxy.url, mib, dir);
    // Closing writes the last entry (with --record-bodies, its base64 from the spool file): measured too.
    const end = await proxy.stop();
    sampling = false;
    await sampler;
    if (end.totals && end.totals.passed !== 2) throw new Error(`the proxy judged ${JSON.stringify(end.totals)}`);
    return {
      proxyGrowth: (Math.max(end.peakRss, sampled) - before) / MIB,
      clientPeak: client.peakRss,
      seconds: client.seconds,
    };
  } finally {
    await proxy.stop();
  }
}

/** RSS growth (MiB) of downloads made directly and through each proxy; the best of two runs each. */
export async function proxyMemory() {
  const dir = await mkdtemp(join(tmpdir(), "zcrm-bench-proxy-memory-"));
  const server = await startChild(process.execPath, [here("transfer-server.mjs")], portOf);
  const origin = `http://127.0.0.1:${server.value}`;
  try {
    const baseline = (await download(origin, 0, dir)).peakRss;
    const results = {};
    const best = (runs, mib, proxyMiB) => ({
      clientMiB: (Math.min(...runs.map((r) => r.clientPeak ?? r.peakRss)) - baseline) / MIB,
      proxyMiB,
      mibPerSecond: mib / Math.min(...runs.map((r) => r.seconds)),
    });
    for (const mib of [100, 300]) {
      results[`direct ${mib}`] = best([await download(origin, mib, dir), await download(origin, mib, dir)], mib, 0);
    }
    for (const [label, mode, sizes] of [
      ["bare piping proxy", "pipe", [100]],
      ["zcrm-contract proxy", "none", [100, 300]],
      ["zcrm-contract proxy, recording", "record", [100]],
      ["zcrm-contract proxy, recording bodies", "bodies", [100]],
    ]) {
      for (const mib of sizes) {
        const runs = [await throughProxy(origin, mode, mib, dir), await throughProxy(origin, mode, mib, dir)];
        results[`${label} ${mib}`] = best(runs, mib, Math.min(...runs.map((r) => r.proxyGrowth)));
      }
    }
    return { baselineMiB: baseline / MIB, results };
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
