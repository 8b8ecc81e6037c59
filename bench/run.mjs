// pnpm bench: every benchmark of the project, side by side in one run. Prints ratios; asserts nothing.
import { clientOverhead } from "./client-overhead.mjs";
import { mockOverhead } from "./mock-overhead.mjs";

const fmt = (n, digits = 3) => n.toFixed(digits);

console.log("zcrm-attachments benchmarks (Node %s, %s)\n", process.version, process.platform);

const client = await clientOverhead();
const raw = client.perCall["raw fetch"];
console.log(`Client cost per list call against a local server (${client.calls} calls each, median of rounds):`);
for (const [name, ms] of Object.entries(client.perCall)) {
  console.log(`  ${name.padEnd(20)} ${fmt(ms)} ms/call   ratio to raw fetch ${fmt(ms / raw, 2)}`);
}
console.log(`  goal: zcrm client ≤ 1.15 × raw fetch → ${fmt(client.perCall["zcrm client"] / raw, 2)}\n`);

const mock = await mockOverhead();
const prism = mock["bare Prism"];
const ours = mock["zcrm mock"];
console.log("Mock next to bare Prism on the same spec (best of 2 rounds: 3,000 sequential requests for latency, 5 s of autocannon at 10 connections for req/s):");
for (const [name, r] of Object.entries(mock)) {
  console.log(`  ${name.padEnd(12)} p50 ${fmt(r.p50 / 1000)} ms   p99 ${fmt(r.p99 / 1000)} ms   ${fmt(r.rps, 0)} req/s`);
}
console.log(
  `  ratio mock / Prism: p50 ${fmt(ours.p50 / prism.p50, 2)}   p99 ${fmt(ours.p99 / prism.p99, 2)}   req/s ${fmt(ours.rps / prism.rps, 2)}   (goal: latency ratios ≤ 1.10, req/s ratio ≥ 0.90)`,
);
