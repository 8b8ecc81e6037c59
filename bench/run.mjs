// pnpm bench: every benchmark of the project, side by side in one run. Prints ratios; asserts nothing.
import { cliExport } from "./cli-export.mjs";
import { clientOverhead } from "./client-overhead.mjs";
import { coldStarts } from "./cold-start.mjs";
import { mockOverhead } from "./mock-overhead.mjs";
import { proxyMemory, proxyOverhead } from "./proxy.mjs";
import { statefulMemory } from "./stateful-memory.mjs";
import { transferMemory } from "./transfer-memory.mjs";

const fmt = (n, digits = 3) => n.toFixed(digits);

console.log("zcrm-attachments benchmarks (Node %s, %s)\n", process.version, process.platform);

const client = await clientOverhead();
const raw = client.perCall["raw fetch"];
console.log(`Client cost per list call against a local server (${client.calls} calls each, median of rounds):`);
for (const [name, ms] of Object.entries(client.perCall)) {
  console.log(`  ${name.padEnd(40)} ${fmt(ms)} ms/call   ratio to raw fetch ${fmt(ms / raw, 2)}`);
}
for (const name of Object.keys(client.perCall).filter((n) => n.startsWith("zcrm client"))) {
  console.log(`  goal: ${name} ≤ 1.15 × raw fetch → ${fmt(client.perCall[name] / raw, 2)}`);
}
console.log("");

const cold = await coldStarts();
const prismCold = cold.results["bare Prism"].median;
console.log(
  `Cold start, spawn to the first 200 of a v8 list with fields (median of ${cold.runs} fresh processes each, taking turns):`,
);
for (const [name, r] of Object.entries(cold.results)) {
  console.log(
    `  ${name.padEnd(16)} ${fmt(r.median, 0).padStart(5)} ms   (min ${fmt(r.min, 0)}, max ${fmt(r.max, 0)})   ratio to bare Prism ${fmt(r.median / prismCold, 2)}`,
  );
}
console.log(`  goal: zcrm-mock ≤ 800 ms → ${fmt(cold.results["zcrm-mock (CLI)"].median, 0)} ms\n`);

const mock = await mockOverhead();
const prism = mock["bare Prism"];
const ours = mock["zcrm mock"];
console.log(
  "Mock next to bare Prism on the same spec (best of 2 rounds: 3,000 sequential requests for latency, 5 s of autocannon at 10 connections for req/s):",
);
for (const [name, r] of Object.entries(mock)) {
  console.log(
    `  ${name.padEnd(12)} p50 ${fmt(r.p50 / 1000)} ms   p99 ${fmt(r.p99 / 1000)} ms   ${fmt(r.rps, 0)} req/s`,
  );
}
console.log(
  `  ratio mock / Prism: p50 ${fmt(ours.p50 / prism.p50, 2)}   p99 ${fmt(ours.p99 / prism.p99, 2)}   req/s ${fmt(ours.rps / prism.rps, 2)}   (goal: latency ratios ≤ 1.10, req/s ratio ≥ 0.90)`,
);

const transfer = await transferMemory();
const t = (name) => transfer.results[name];
console.log(
  `\nTransfers, each contender in its own process; RSS growth over a baseline process with the same modules (${fmt(transfer.baselineMiB, 0)} MiB):`,
);
for (const [name, r] of Object.entries(transfer.results)) {
  console.log(
    `  ${name.padEnd(28)} RSS +${fmt(r.growthMiB, 1).padStart(6)} MiB   ${fmt(r.mibPerSecond, 0).padStart(5)} MiB/s`,
  );
}
const dl = (mib) => t(`client download ${mib}`);
const rawDl = (mib) => t(`raw fetch download ${mib}`);
const up = (mib) => t(`client upload ${mib}`);
console.log(
  `  download: client − raw fetch at 100 MiB ${fmt(dl(100).growthMiB - rawDl(100).growthMiB, 1)} MiB (goal ≤ 16); ` +
    `300 − 100 MiB ${fmt(dl(300).growthMiB - dl(100).growthMiB, 1)} MiB (goal ≤ 16); ` +
    `throughput ratio ${fmt(dl(100).mibPerSecond / rawDl(100).mibPerSecond, 2)} (goal ≥ 0.80)`,
);
console.log(
  `  upload from a path: growth at 100 MiB ${fmt(up(100).growthMiB, 1)} MiB (goal ≤ 48); ` +
    `100 − 25 MiB ${fmt(up(100).growthMiB - up(25).growthMiB, 1)} MiB (goal ≤ 16; the client refuses files over 100 MB)`,
);

const proxied = await proxyOverhead();
console.log(
  `\nzcrm-contract proxy, each proxy in its own process: cost per list call, one call at a time (${proxied.calls} calls each, median of rounds):`,
);
for (const [target, r] of Object.entries(proxied.results)) {
  const parts = Object.entries(r).map(([name, ms]) => `${name} ${fmt(ms)} ms (${fmt(ms / r.direct, 2)}×)`);
  console.log(`  ${`${target}:`.padEnd(15)} ${parts.join("; ")}`);
}
for (const [target, r] of Object.entries(proxied.results)) {
  console.log(
    `  goal against the ${target}: zcrm-contract proxy ≤ 1.5 × direct → ${fmt(r["zcrm-contract proxy"] / r.direct, 2)}; ` +
      `its checks over a bare hop: +${fmt(r["zcrm-contract proxy"] - r["bare piping proxy"])} ms, with a recording +${fmt(r["zcrm-contract proxy, recording"] - r["bare piping proxy"])} ms`,
  );
}

const proxyRam = await proxyMemory();
const pr = (name) => proxyRam.results[name];
console.log(
  `\nDownloads through the proxy: the proxy's RSS growth over its RSS just before the download; the downloading process's over a baseline process (${fmt(proxyRam.baselineMiB, 0)} MiB):`,
);
for (const [name, r] of Object.entries(proxyRam.results)) {
  const proxy = name.startsWith("direct") ? "".padEnd(15) : `proxy +${fmt(r.proxyMiB, 1).padStart(6)} MiB`;
  console.log(
    `  ${`${name} MiB`.padEnd(46)} client +${fmt(r.clientMiB, 1).padStart(6)} MiB   ${proxy}   ${fmt(r.mibPerSecond, 0).padStart(4)} MiB/s`,
  );
}
const proxy100 = pr("zcrm-contract proxy 100").proxyMiB;
console.log(
  `  goal: the proxy's growth within 16 MiB of a direct download's (100 MiB): +${fmt(proxy100, 1)} vs +${fmt(pr("direct 100").clientMiB, 1)} → ${fmt(proxy100 - pr("direct 100").clientMiB, 1)} MiB; ` +
    `next to a bare piping proxy ${fmt(proxy100 - pr("bare piping proxy 100").proxyMiB, 1)} MiB; ` +
    `300 − 100 MiB ${fmt(pr("zcrm-contract proxy 300").proxyMiB - proxy100, 1)} MiB (flat: nothing held per byte)`,
);

const exported = await cliExport();
console.log(
  `\nCLI export of ${exported.files} files (${fmt(exported.bytes / 1e6, 1)} MB) over ${exported.records} records from the stateful mock, next to the client in a loop (each a fresh process, spawn to exit, median of ${exported.rounds} rounds):`,
);
for (const [name, r] of Object.entries(exported.results)) {
  console.log(
    `  ${name.padEnd(34)} ${fmt(r.seconds, 2)} s   ${fmt(r.filesPerSecond, 0).padStart(4)} files/s   ${fmt(r.mbPerSecond, 1).padStart(5)} MB/s`,
  );
}
const cliRatio = (c) => exported.results[`cli export, ${c}`].seconds / exported.results[`client loop, ${c}`].seconds;
console.log(
  `  CLI overhead (time ratio CLI / client loop): concurrency 1 ${fmt(cliRatio("concurrency 1"), 2)}, default concurrency ${fmt(cliRatio("default concurrency"), 2)}`,
);

const stored = await statefulMemory();
console.log(
  "\nStateful mock holding files (bytes in its temp folder), each size in its own mock process; RSS growth over the mock's RSS before the transfers:",
);
for (const [mib, growth] of Object.entries(stored)) {
  console.log(`  ${`${mib} MiB uploaded, then downloaded`.padEnd(34)} RSS +${fmt(growth, 1).padStart(6)} MiB`);
}
console.log(
  `  300 − 100 MiB ${fmt(stored[300] - stored[100], 1)} MiB (goal ≤ 32); largest growth ${fmt(Math.max(stored[100], stored[300]), 1)} MiB (goal < 64)`,
);
