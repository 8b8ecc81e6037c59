// One contender of a transfer benchmark, alone in its own process so its peak RSS is its own:
//   node transfer-worker.mjs <contender> <MiB> <origin> <work dir>
// Every contender loads the same modules first; "baseline" stops there. Prints one JSON line with
// the process's peak RSS (VmHWM) and the seconds the transfer took.
import { createWriteStream, openAsBlob, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createAttachmentsClient } from "@zcrm-attachments/client";

const [contender, mibText, origin, dir] = process.argv.slice(2);
const mib = Number(mibText);
const MIB = 1024 * 1024;
const token = "1000.bench-token";
const base = `${origin}/crm/v8/Leads/1000000231009/Attachments`;
const client = createAttachmentsClient({ apiDomain: origin, apiVersion: "v8", accessToken: token, retry: false });
const headers = { Authorization: `Zoho-oauthtoken ${token}` };
const target = join(dir, `${contender}-${mib}.bin`);
const source = join(dir, `upload-${mib}.bin`);

const contenders = {
  baseline: async () => {},
  "raw fetch download": async () => {
    const res = await fetch(`${base}/${mib}`, { headers });
    await pipeline(Readable.fromWeb(res.body), createWriteStream(target));
  },
  "client download": async () => {
    // 300 MiB is past Zoho's 100 MB file limit, the client's default download cap: raise it.
    await client.downloadAttachmentTo("Leads", "1000000231009", String(mib), target, { maxBytes: mib * MIB });
  },
  "client upload": async () => {
    await client.uploadAttachment("Leads", "1000000231009", source);
  },
  "fetch+FormData upload": async () => {
    const form = new FormData();
    form.append("file", await openAsBlob(source), "upload.bin");
    const res = await fetch(base, { method: "POST", headers, body: form });
    await res.text();
  },
};

function peakRss() {
  const line = readFileSync("/proc/self/status", "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmHWM:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) * 1024;
}

const run = contenders[contender];
if (!run) throw new Error(`unknown contender ${contender}`);
const start = process.hrtime.bigint();
await run();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
if (contender.endsWith("download")) await rm(target, { force: true });
process.stdout.write(`${JSON.stringify({ contender, mib, seconds, peakRss: peakRss() })}\n`);
