// The client's cost per list call, next to raw fetch and bare openapi-fetch, against one local
// server. Contenders alternate in rounds so that drift on the machine hits them alike; the figure
// per contender is the median of its rounds.
import createClient from "openapi-fetch";
import { createAttachmentsClient } from "@zcrm-attachments/client";
import { startChild } from "./children.mjs";

const CALLS_PER_ROUND = 2_000;
const ROUNDS = 7;
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
    };
    for (const fn of Object.values(contenders)) for (let i = 0; i < 500; i++) await fn(); // warm-up
    const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, fn] of Object.entries(contenders)) {
        const start = process.hrtime.bigint();
        for (let i = 0; i < CALLS_PER_ROUND; i++) await fn();
        samples[name].push(Number(process.hrtime.bigint() - start) / 1e6 / CALLS_PER_ROUND);
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const perCall = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
    return { perCall, calls: CALLS_PER_ROUND * ROUNDS };
  } finally {
    await server.stop();
  }
}
