// The client's cost per list call, next to raw fetch and bare openapi-fetch, against one local
// server. Contenders alternate in rounds so that drift on the machine hits them alike; the figure
// per contender is the median of its rounds, and the order rotates from round to round.
//
// "zcrm client" runs with the defaults (retries, maxConcurrency 5 and a 60 s timeout are on); "layers
// off" turns them off; "layers on" adds a refresh-token provider (its token cached after the first
// call) and a per-client timeout, logger off: what a production setup pays per call.

import { createAttachmentsClient, createRefreshTokenProvider } from "@zcrm-attachments/client";
import createClient from "openapi-fetch";
import { startChild } from "./children.mjs";

const CALLS_PER_ROUND = 1_000;
const ROUNDS = 15;
const TOKEN = "1000.bench-token";

export async function clientOverhead() {
  const server = await startChild(process.execPath, [new URL("./fixed-server.mjs", import.meta.url).pathname], (out) =>
    out.includes("\n") ? Number(out.trim()) : undefined,
  );
  try {
    const origin = `http://127.0.0.1:${server.value}`;
    const url = `${origin}/crm/v8/Leads/1000000231009/Attachments?fields=id%2CFile_Name`;
    const headers = { Authorization: `Zoho-oauthtoken ${TOKEN}` };
    const client = createAttachmentsClient({ apiDomain: origin, apiVersion: "v8", accessToken: TOKEN });
    const bare = createClient({ baseUrl: origin, headers });
    const layersOff = createAttachmentsClient({
      apiDomain: origin,
      accessToken: TOKEN,
      retry: false,
      maxConcurrency: false,
      timeoutMs: false,
    });
    // The fixed server answers every path with the list sample, so the token endpoint is served here.
    const tokens = createRefreshTokenProvider({
      clientId: "1000.BENCH",
      clientSecret: "bench-secret",
      refreshToken: "1000.bench-refresh",
      accountsServer: origin,
      fetch: async () => Response.json({ access_token: TOKEN, api_domain: origin, expires_in: 3600 }),
    });
    const layersOn = createAttachmentsClient({
      apiDomain: origin,
      accessToken: tokens,
      retry: { maxRetries: 2 },
      maxConcurrency: 10,
      timeoutMs: 30_000,
    });
    const contenders = {
      "raw fetch": async () => {
        const res = await fetch(url, { headers });
        await res.json();
      },
      "bare openapi-fetch": async () => {
        await bare.GET("/crm/v8/{module}/{record_id}/Attachments", {
          params: { path: { module: "Leads", record_id: "1000000231009" }, query: { fields: "id,File_Name" } },
        });
      },
      "zcrm client": async () => {
        await client.listAttachments("Leads", "1000000231009", { fields: ["id", "File_Name"] });
      },
      "zcrm client, layers off": async () => {
        await layersOff.listAttachments("Leads", "1000000231009", { fields: ["id", "File_Name"] });
      },
      "zcrm client, auth+retry+limit layers on": async () => {
        await layersOn.listAttachments("Leads", "1000000231009", { fields: ["id", "File_Name"] });
      },
    };
    for (const fn of Object.values(contenders)) for (let i = 0; i < 500; i++) await fn(); // warm-up
    const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
    const cpuSamples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
    const entries = Object.entries(contenders);
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts with the next contender: whoever runs right after an allocation-heavy
      // contender pays for its garbage, so no contender may keep one place in the order.
      for (let turn = 0; turn < entries.length; turn++) {
        const [name, fn] = entries[(round + turn) % entries.length];
        const start = process.hrtime.bigint();
        const cpuStart = process.cpuUsage();
        for (let i = 0; i < CALLS_PER_ROUND; i++) await fn();
        const cpu = process.cpuUsage(cpuStart);
        samples[name].push(Number(process.hrtime.bigint() - start) / 1e6 / CALLS_PER_ROUND);
        cpuSamples[name].push((cpu.user + cpu.system) / 1e3 / CALLS_PER_ROUND);
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const perCall = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
    // CPU time of this process alone (the server is another process), for a second view beside wall time.
    const cpuPerCall = Object.fromEntries(Object.entries(cpuSamples).map(([k, v]) => [k, median(v)]));
    return { perCall, cpuPerCall, calls: CALLS_PER_ROUND * ROUNDS };
  } finally {
    await server.stop();
  }
}
