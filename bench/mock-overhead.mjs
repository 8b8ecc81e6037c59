// The mock's latency and throughput next to bare Prism serving the same bundled spec, each in its
// own child process, loaded in turn by autocannon for a fixed time.

import { Agent, get } from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort, startChild } from "./children.mjs";

const require = createRequire(import.meta.url);
const SPEC = require.resolve("@zcrm-attachments/spec/openapi.json");
const PRISM = require.resolve("@stoplight/prism-cli/dist/index.js");
const MOCK_BIN = fileURLToPath(new URL("../apps/mock/bin/zcrm-mock.js", import.meta.url));
const PATH = "/crm/v2/Leads/1000000231009/Attachments";
const SECONDS = 5;
const ROUNDS = 2;

function load(url, authorization) {
  return autocannon({ url: url + PATH, connections: 10, duration: SECONDS, headers: { authorization } });
}

const LATENCY_REQUESTS = 3_000;

/** Latency of one request at a time over a kept-alive connection, in microseconds. */
async function sequentialLatency(url, authorization) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise((resolve, reject) => {
      const start = process.hrtime.bigint();
      get(url + PATH, { agent, headers: { authorization } }, (res) => {
        res.resume();
        res.on("end", () => resolve(Number(process.hrtime.bigint() - start) / 1e3));
      }).on("error", reject);
    });
  for (let i = 0; i < 300; i++) await once();
  const samples = [];
  for (let i = 0; i < LATENCY_REQUESTS; i++) samples.push(await once());
  agent.destroy();
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length * 0.5)], p99: samples[Math.floor(samples.length * 0.99)] };
}

async function check(url, authorization) {
  const res = await fetch(url + PATH, { headers: { authorization } });
  const body = await res.json();
  if (res.status !== 200 || body.data?.[0]?.id !== "4150868000002728012") {
    throw new Error(`${url} did not serve the seed sample (status ${res.status})`);
  }
}

export async function mockOverhead() {
  const prismPort = await freePort();
  const mockPort = await freePort();
  // Both log nothing per request: Prism at its silent level, the mock by default.
  const prism = await startChild(
    process.execPath,
    [PRISM, "mock", SPEC, "-h", "127.0.0.1", "-p", String(prismPort), "-v", "silent"],
    `http://127.0.0.1:${prismPort}/`,
  );
  const mock = await startChild(
    process.execPath,
    [MOCK_BIN, "--port", String(mockPort)],
    `http://127.0.0.1:${mockPort}/`,
  );
  try {
    // Prism checks oauth2 as Bearer; the mock checks Zoho's own scheme. Each gets the header it accepts.
    const contenders = {
      "bare Prism": { url: `http://127.0.0.1:${prismPort}`, auth: "Bearer 1000.bench" },
      "zcrm mock": { url: `http://127.0.0.1:${mockPort}`, auth: "Zoho-oauthtoken 1000.bench" },
    };
    for (const { url, auth } of Object.values(contenders)) await check(url, auth);
    const results = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, { url, auth }] of Object.entries(contenders)) {
        const r = await load(url, auth);
        if (r.non2xx > 0 || r.errors > 0)
          throw new Error(`${name}: ${r.non2xx} non-2xx and ${r.errors} errors under load`);
        const latency = await sequentialLatency(url, auth);
        results[name].push({ ...latency, rps: r.requests.average, total: r.requests.total });
      }
    }
    // Best round per contender: the one least disturbed by the rest of the machine.
    const best = (rs) => ({
      p50: Math.min(...rs.map((r) => r.p50)),
      p99: Math.min(...rs.map((r) => r.p99)),
      rps: Math.max(...rs.map((r) => r.rps)),
    });
    return Object.fromEntries(Object.entries(results).map(([k, v]) => [k, best(v)]));
  } finally {
    await Promise.all([prism.stop(), mock.stop()]);
  }
}
