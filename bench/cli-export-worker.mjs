// The baseline for the CLI export benchmark: the same downloads made with the client in a plain
// loop (list each record, save each file with downloadAttachmentTo), in its own process like the
// CLI. Concurrency 1 is one file after another; "default" keeps 16 downloads queued on a client
// left at its default maxConcurrency, as the CLI does.
//
//   node cli-export-worker.mjs <origin> <records-file> <out-dir> <1|default>
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createAttachmentsClient } from "@zcrm-attachments/client";

const [origin, recordsFile, out, concurrency] = process.argv.slice(2);
const module = "Deals";
const records = (await readFile(recordsFile, "utf8")).split("\n").filter(Boolean);
const client = createAttachmentsClient({
  apiDomain: origin,
  accessToken: "1000.bench-token",
  ...(concurrency === "1" ? { maxConcurrency: 1 } : {}),
});
const jobs = [];
for (const record of records) {
  for await (const attachment of client.iterateAttachments(module, record, { fields: ["id", "File_Name", "Size"] })) {
    jobs.push({ record, id: attachment.id });
  }
}
let files = 0;
let bytes = 0;
async function worker() {
  for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) {
    const dir = join(out, module, job.record);
    await mkdir(dir, { recursive: true });
    const saved = await client.downloadAttachmentTo(module, job.record, job.id, dir, { overwrite: true });
    files += 1;
    bytes += saved.bytes;
  }
}
await Promise.all(Array.from({ length: concurrency === "1" ? 1 : 16 }, worker));
console.log(JSON.stringify({ files, bytes }));
