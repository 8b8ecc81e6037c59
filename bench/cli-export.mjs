// Throughput of `zcrm-attachments export`: 200 files over 20 records from the stateful mock (its
// own process), at concurrency 1 and at the default, next to the same downloads made with the
// client in a loop (cli-export-worker.mjs). Every contender is a fresh process timed from spawn to
// exit, so the CLI's start-up counts; rounds alternate the contenders and each figure is the median.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createAttachmentsClient } from "@zcrm-attachments/client";
import { startChild } from "./children.mjs";

const run = promisify(execFile);
const RECORDS = 20;
const FILES_PER_RECORD = 10;
const ROUNDS = 3;
const root = new URL("..", import.meta.url).pathname;
const cliBin = join(root, "packages/cli/bin/zcrm-attachments.js");
const mockBin = join(root, "apps/mock/bin/zcrm-mock.js");
const worker = new URL("./cli-export-worker.mjs", import.meta.url).pathname;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Sizes from 1 byte to 64 KiB, fixed so every run moves the same bytes. */
const sizeOf = (index) => 1 + ((index * 7919) % 65_536);

async function seed(origin) {
  const client = createAttachmentsClient({ apiDomain: origin, accessToken: "1000.bench-token", maxConcurrency: 8 });
  const records = Array.from({ length: RECORDS }, (_, i) => `41508680000200${String(i + 1).padStart(5, "0")}`);
  let bytes = 0;
  const uploads = [];
  records.forEach((record, r) => {
    for (let f = 0; f < FILES_PER_RECORD; f++) {
      const size = sizeOf(r * FILES_PER_RECORD + f);
      bytes += size;
      uploads.push(
        client.uploadAttachment("Deals", record, new Uint8Array(size).fill(f), { fileName: `scan-${f}.pdf` }),
      );
    }
  });
  await Promise.all(uploads);
  return { records, bytes };
}

async function timed(file, args) {
  const started = process.hrtime.bigint();
  const { stdout } = await run(process.execPath, [file, ...args], { maxBuffer: 16 * 1024 * 1024 });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout };
}

export async function cliExport() {
  const dir = await mkdtemp(join(tmpdir(), "zcrm-bench-cli-"));
  const mock = await startChild(
    process.execPath,
    [mockBin, "--port", "0", "--stateful"],
    (out) => /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0],
  );
  try {
    const origin = mock.value;
    const { records, bytes } = await seed(origin);
    const recordsFile = join(dir, "records.txt");
    await writeFile(recordsFile, `${records.join("\n")}\n`);
    // The bin's arguments for an export of every record into `out`; `globals` go before the command.
    const exportArgs = (out, globals = []) => [
      "--quiet",
      "--api-domain",
      origin,
      "--access-token",
      "1000.bench-token",
      ...globals,
      "export",
      "--module",
      "Deals",
      "--records",
      recordsFile,
      "--out",
      out,
    ];
    const contenders = {
      "cli export, concurrency 1": (out) => timed(cliBin, exportArgs(out, ["--concurrency", "1"])),
      "client loop, concurrency 1": (out) => timed(worker, [origin, recordsFile, out, "1"]),
      "cli export, default concurrency": (out) => timed(cliBin, exportArgs(out)),
      "client loop, default concurrency": (out) => timed(worker, [origin, recordsFile, out, "default"]),
    };
    const seconds = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, go] of Object.entries(contenders)) {
        const out = join(dir, `${round}-${name.replace(/\W+/g, "-")}`);
        const { seconds: s } = await go(out);
        seconds[name].push(s);
        await rm(out, { recursive: true, force: true });
      }
    }
    const files = RECORDS * FILES_PER_RECORD;
    const results = Object.fromEntries(
      Object.entries(seconds).map(([name, list]) => {
        const s = median(list);
        return [name, { seconds: s, filesPerSecond: files / s, mbPerSecond: bytes / 1e6 / s }];
      }),
    );
    return { files, bytes, records: RECORDS, rounds: ROUNDS, results };
  } finally {
    await mock.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
