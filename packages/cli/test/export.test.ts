/**
 * The export, run as the real bin against the stateful mock through a recording hop: 200 files
 * over 20 records, interrupted with SIGINT while files are in flight, then resumed. After the
 * resume every sha256 in the manifest matches the bytes the mock served, no temp file is left, and
 * no file went out whole twice (counted by the hop, not by the CLI).
 */

import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MockServer } from "@zcrm-attachments/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordIds, type SeededFile, seedFiles, startTarget, TOKEN } from "./helpers/mock-target.js";
import { type RecordingHop, startRecordingHop } from "./helpers/recording-hop.js";
import { finish, runBin, startBin } from "./helpers/run-bin.js";
import { scratch } from "./helpers/scratch.js";

const MODULE = "Deals";
const RECORDS = recordIds(20);

let mock: MockServer;
let hop: RecordingHop;
let seeded: SeededFile[];
let recordsFile: string;

beforeAll(async () => {
  mock = await startTarget();
  seeded = await seedFiles(mock.url, MODULE, RECORDS, 10);
  hop = await startRecordingHop(mock.url);
  recordsFile = join(scratch("zcrm-cli-records-"), "records.txt");
  await writeFile(recordsFile, `# the records to export\n${RECORDS.join("\n")}\n${RECORDS[0]}\n`);
});

afterAll(async () => {
  await hop?.close();
  await mock?.close();
});

interface Line {
  kind: string;
  record: string;
  attachmentId?: string;
  status: string;
  sha256?: string | null;
  size?: number | null;
  path?: string;
}

async function manifestLines(out: string): Promise<Line[]> {
  const text = await readFile(join(out, "manifest.jsonl"), "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Line);
}

/** Every file under `dir` (relative paths), temp files included. */
async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

function exportArgs(out: string, ...more: string[]): string[] {
  return ["--api-domain", hop.url, "export", "--module", MODULE, "--records", recordsFile, "--out", out, ...more];
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe("export of 200 files over 20 records", () => {
  it("stops cleanly on SIGINT while files are in flight, then resumes without fetching a file twice", async () => {
    const out = scratch("zcrm-cli-export-");
    hop.requested.clear();
    hop.served.clear();
    hop.holdAfter(80);

    const child = startBin(exportArgs(out), { env: { ZOHO_ACCESS_TOKEN: TOKEN } });
    const first = finish(child, 90_000);
    const completeNow = async () => (await manifestLines(out)).filter((line) => line.status === "complete").length;
    await waitFor(async () => hop.held() > 0 && (await completeNow()) >= 80, "80 complete files and one held");
    child.kill("SIGINT");
    const stopped = await first;

    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stdout).toMatch(/80 downloaded/);
    expect(stopped.stderr).toMatch(/Stopped \(interrupted\); run the same command again to resume/);
    const files = await allFiles(out);
    expect(files.filter((file) => file.endsWith(".part"))).toEqual([]);
    const afterStop = await manifestLines(out); // every line parses (JSON.parse above)
    const doneFirst = afterStop.filter((line) => line.kind === "attachment" && line.status === "complete");
    expect(doneFirst).toHaveLength(80);
    expect(afterStop.filter((line) => line.status === "interrupted").length).toBeGreaterThan(0);
    // Compacted: one line per attachment and record listed.
    const keys = afterStop.map((line) => `${line.kind}/${line.record}/${line.attachmentId ?? ""}`);
    expect(new Set(keys).size).toBe(keys.length);
    const servedFirst = new Set(hop.served.keys());
    expect(servedFirst.size).toBe(80);

    hop.holdAfter(undefined);
    const requestedBefore = new Map(hop.requested);
    const resumed = await runBin(exportArgs(out, "--json"), { env: { ZOHO_ACCESS_TOKEN: TOKEN }, timeoutMs: 90_000 });
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary).toMatchObject({ downloaded: 120, alreadyComplete: 80, failed: 0, stopped: null, files: 200 });
    expect(summary.apiCalls.byKind.download).toBe(120);

    const lines = await manifestLines(out);
    const attachments = lines.filter((line) => line.kind === "attachment");
    expect(attachments).toHaveLength(200);
    const byId = new Map(seeded.map((file) => [file.id, file]));
    for (const line of attachments) {
      const file = byId.get(line.attachmentId ?? "");
      expect(line.status).toBe("complete");
      expect(line.sha256).toBe(file?.sha256);
      expect(line.size).toBe(file?.bytes.length);
      expect(await readFile(join(out, line.path ?? ""))).toEqual(file?.bytes);
    }
    expect((await allFiles(out)).filter((file) => file.endsWith(".part"))).toEqual([]);
    // Counted at the hop: each file went out whole exactly once over both runs, and nothing the
    // first run completed was asked for again.
    expect(hop.served.size).toBe(200);
    for (const [id, count] of hop.served) expect(count, id).toBe(1);
    for (const id of servedFirst) expect(hop.requested.get(id), id).toBe(requestedBefore.get(id));
  });

  it("--dry-run lists what would be fetched, with the calls and the bytes from the lists, and writes nothing", async () => {
    const out = join(scratch("zcrm-cli-dry-"), "never-created");
    const result = await runBin(exportArgs(out, "--dry-run", "--json"), { env: { ZOHO_ACCESS_TOKEN: TOKEN } });
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout);
    const bytes = seeded.reduce((sum, file) => sum + file.bytes.length, 0);
    expect(plan).toMatchObject({ dryRun: true, files: 200, bytesKnown: bytes, manifest: null });
    expect(plan.toFetch).toHaveLength(200);
    expect(plan.apiCalls).toMatchObject({ made: 20, byKind: { list: 20 } });
    await expect(readdir(out)).rejects.toThrow();
    const text = await runBin(exportArgs(out, "--dry-run"), { env: { ZOHO_ACCESS_TOKEN: TOKEN } });
    expect(text.stdout).toMatch(/^would fetch Deals\/\d+\/file-000\.bin \(/m);
    expect(text.stdout).toMatch(/The export would make 220 API calls \(20 to list, 200 to download\)/);
  });

  it("--max-calls stops cleanly (exit 3) with a resumable manifest, and never makes more calls", async () => {
    const out = scratch("zcrm-cli-budget-");
    const ids = RECORDS.slice(0, 3);
    const idsFile = join(scratch("zcrm-cli-budget-records-"), "three.txt");
    await writeFile(idsFile, ids.join("\n"));
    const args = ["--api-domain", mock.url, "export", "--module", MODULE, "--records", idsFile, "--out", out];
    const first = await runBin([...args, "--max-calls", "7", "--json"], { env: { ZOHO_ACCESS_TOKEN: TOKEN } });
    expect(first.code, first.stderr).toBe(3);
    const summary = JSON.parse(first.stdout);
    expect(summary.apiCalls.made).toBe(7);
    expect(summary.stopped).toBe("max-calls");
    // Lists and downloads share the budget (the next record is listed while files download).
    const { list, download } = summary.apiCalls.byKind;
    expect(list + download).toBe(7);
    expect(summary.downloaded).toBe(download);
    expect(summary.recordsListed).toBe(list);
    const listedFirst = (await manifestLines(out)).filter((line) => line.kind === "record").length;
    expect(listedFirst).toBe(list);

    const second = await runBin([...args, "--max-calls", "100", "--json"], { env: { ZOHO_ACCESS_TOKEN: TOKEN } });
    expect(second.code, second.stderr).toBe(0);
    const rest = JSON.parse(second.stdout);
    // Records the first run listed come from the manifest (no call); the others are listed now.
    expect(rest).toMatchObject({
      downloaded: 30 - download,
      alreadyComplete: download,
      recordsFromManifest: list,
      recordsListed: 3 - list,
    });
    expect(rest.apiCalls.made).toBe(3 - list + 30 - download);
  });

  it("reports a failed file without stopping the rest, exits 1, and a re-run fetches only that file and a changed one", async () => {
    const out = scratch("zcrm-cli-fail-");
    const record = RECORDS[4] as string;
    const file = seeded.find((entry) => entry.record === record) as SeededFile;
    const idsFile = join(scratch("zcrm-cli-fail-records-"), "one.txt");
    await writeFile(idsFile, record);
    const args = ["--api-domain", mock.url, "export", "--module", MODULE, "--records", idsFile, "--out", out];
    mock.faults.arm(`unavailable;times=3;method=GET;path=/crm/v8/${MODULE}/${record}/Attachments/${file.id}`);
    const first = await runBin(args, { env: { ZOHO_ACCESS_TOKEN: TOKEN } });
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toMatch(/9 downloaded .* 1 failed/);
    expect(first.stderr).toMatch(/failed Deals\/\d+\/file-\d+\.bin: SERVICE_UNAVAILABLE \(HTTP 503\)/);
    expect(first.stderr).toMatch(/fix: try again later/);
    const failedLine = (await manifestLines(out)).find((line) => line.attachmentId === file.id);
    expect(failedLine).toMatchObject({ status: "failed", error: { code: "SERVICE_UNAVAILABLE", status: 503 } });

    const other = (await manifestLines(out)).find((line) => line.status === "complete") as Line;
    await writeFile(join(out, other.path ?? ""), "changed on disk");
    const second = await runBin([...args, "--json"], { env: { ZOHO_ACCESS_TOKEN: TOKEN } });
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ downloaded: 2, alreadyComplete: 8, failed: 0 });
    const fixed = await readFile(join(out, other.path ?? ""));
    expect(fixed).toEqual(seeded.find((entry) => entry.id === other.attachmentId)?.bytes);
  });
});
