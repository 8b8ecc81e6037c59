/**
 * The progress display, seen from a real terminal (a pseudo-terminal) and from a pipe: in the
 * terminal the bars render, update as bytes arrive and end with the cursor restored; piped output
 * holds no control characters at all; --quiet draws nothing; NO_COLOR turns colour off. The delete
 * question is answered in the terminal too.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MockServer } from "@zcrm-attachments/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordIds, type SeededFile, seedFiles, startTarget, target } from "./helpers/mock-target.js";
import { runInPty } from "./helpers/pty-run.js";
import { runBin } from "./helpers/run-bin.js";
import { scratch } from "./helpers/scratch.js";

const [RECORD, EXPORT_RECORD, DELETE_RECORD] = recordIds(3) as [string, string, string];
const HIDE_CURSOR = "\x1b[?25l";
const SHOW_CURSOR = "\x1b[?25h";
// Any ESC, CR, backspace or other C0 control but tab and newline.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

let mock: MockServer;
let flags: string[];
let env: Record<string, string>;
let file: SeededFile;

/** Makes the next download of `id` dribble in (about 1.5 s for 192 KiB), so the bars get to update. */
function slowDown(record: string, id: string): void {
  mock.faults.arm(`slow;body-delay=25;chunk=4096;method=GET;path=/crm/v8/Leads/${record}/Attachments/${id}`);
}

beforeAll(async () => {
  mock = await startTarget();
  ({ flags, env } = target(mock.url));
  [file] = (await seedFiles(mock.url, "Leads", [RECORD], 1, 1)) as [SeededFile];
});

afterAll(async () => {
  await mock?.close();
});

/** Uploads a 192 KiB file named big-scan.pdf to `record` through the bin, for the bars to move on. */
async function bigFile(record: string): Promise<SeededFile> {
  await seedFiles(mock.url, "Leads", [record], 1, 1); // and a small one beside it
  const dir = scratch("zcrm-cli-big-");
  await writeFile(join(dir, "big-scan.pdf"), Buffer.alloc(192 * 1024, 7));
  const up = await runBin([...flags, "upload", "Leads", record, join(dir, "big-scan.pdf"), "--json"], { env });
  const id = JSON.parse(up.stdout).files[0].attachmentId as string;
  return { module: "Leads", record, id, name: "big-scan.pdf", bytes: Buffer.alloc(192 * 1024, 7), sha256: "" };
}

describe("progress in a terminal", () => {
  it("draws a bar with bytes, rate and ETA, updates it, and ends with the cursor restored", async () => {
    const big = await bigFile(RECORD);
    slowDown(RECORD, big.id);
    const out = scratch("zcrm-cli-pty-");
    const { code, screen } = await runInPty([...flags, "download", "Leads", RECORD, big.id, "--out", out], env);
    expect(code, screen).toBe(0);
    // Frames of the bar: the label, then bytes done of the total, a rate and the time left.
    const frames = [
      ...screen.matchAll(new RegExp(`${big.id} +[█░]{20} ([0-9.]+ k?B)/197 kB ([0-9.]+ k?B)/s ETA (\\S+)`, "g")),
    ];
    expect(frames.length, screen).toBeGreaterThanOrEqual(2);
    expect(new Set(frames.map((frame) => frame[1])).size).toBeGreaterThanOrEqual(2); // it moved
    expect(screen.indexOf(HIDE_CURSOR)).toBeGreaterThanOrEqual(0);
    expect(screen.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(screen.lastIndexOf(HIDE_CURSOR));
    expect(screen).toMatch(/downloaded \d+ → .*big-scan\.pdf \(197 kB in \d+s\)/);
    expect(screen).toMatch(/1 downloaded, 0 failed; API calls: 1\r?\n$/);
  });

  it("export adds an overall bar: files and bytes done of the total", async () => {
    const big = await bigFile(EXPORT_RECORD);
    slowDown(EXPORT_RECORD, big.id);
    const dir = scratch("zcrm-cli-pty-export-");
    await writeFile(join(dir, "records.txt"), EXPORT_RECORD);
    const args = [
      ...flags,
      "export",
      "--module",
      "Leads",
      "--records",
      join(dir, "records.txt"),
      "--out",
      join(dir, "out"),
    ];
    const { code, screen } = await runInPty(args, env);
    expect(code, screen).toBe(0);
    expect(screen).toMatch(/total +[█░]{20} [0-9.]+ k?B\/[0-9.]+ kB [0-9.]+ k?B\/s ETA \S+ files [0-2]\/2/);
    expect(screen).toMatch(/total +[█░]{20} [0-9.]+ kB\/[0-9.]+ kB .* files 2\/2/);
    expect(screen.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(screen.lastIndexOf(HIDE_CURSOR));
    expect(screen).toMatch(/2 downloaded/);
  });

  it("--quiet draws nothing but the result", async () => {
    const out = scratch("zcrm-cli-quiet-");
    const { code, screen } = await runInPty(
      [...flags, "--quiet", "download", "Leads", RECORD, file.id, "--out", out],
      env,
    );
    expect(code, screen).toBe(0);
    expect(screen).toBe("");
  });

  it("colours errors in a terminal unless NO_COLOR is set", async () => {
    const coloured = await runInPty([...flags, "list", "Leads", "4150868000099999999", "--nope"], env);
    expect(coloured.code).toBe(2);
    const failing = await runInPty([...flags, "download", "Leads", RECORD, "4150868000000000001"], env);
    expect(coloured.screen).toMatch(/unknown option '--nope'/);
    expect(failing.code).toBe(1);
    expect(failing.screen).toMatch(/\x1b\[31mfailed\x1b\[39m 4150868000000000001: NO_CONTENT/);
    const plain = await runInPty([...flags, "download", "Leads", RECORD, "4150868000000000001"], {
      ...env,
      NO_COLOR: "1",
    });
    expect(plain.screen).toMatch(/failed 4150868000000000001: NO_CONTENT/);
    expect(plain.screen).not.toMatch(/\x1b\[3\dm/);
  });

  it("asks before deleting, and deletes only on yes", async () => {
    const [one] = (await seedFiles(mock.url, "Leads", [DELETE_RECORD], 1)) as [SeededFile];
    const prompt = /Delete 1 attachment of Leads \d+\? \[y\/N\] /;
    const no = await runInPty([...flags, "delete", "Leads", DELETE_RECORD, one.id], env, { prompt, answer: "n\r" });
    expect(no.code).toBe(1);
    expect(no.screen).toMatch(/Nothing deleted\./);
    const yes = await runInPty([...flags, "delete", "Leads", DELETE_RECORD, one.id], env, { prompt, answer: "y\r" });
    expect(yes.code, yes.screen).toBe(0);
    expect(yes.screen).toMatch(new RegExp(`deleted ${one.id}`));
  });
});

describe("progress when piped", () => {
  it("prints plain lines with no control characters (download and export)", async () => {
    const big = await bigFile(RECORD);
    slowDown(RECORD, big.id);
    const out = scratch("zcrm-cli-pipe-");
    const download = await runBin([...flags, "download", "Leads", RECORD, big.id, "--out", out], { env });
    expect(download.code, download.stderr).toBe(0);
    expect(download.stderr).toMatch(
      /^downloaded \d+ → .*big-scan\.pdf \(197 kB in \d+s\)\n1 downloaded, 0 failed; API calls: 1\n$/,
    );
    const exported = await runBin(
      [...flags, "export", "--module", "Leads", "--records", "-", "--out", join(out, "export")],
      { env, input: `${RECORD}\n` },
    );
    expect(exported.code, exported.stderr).toBe(0);
    for (const text of [download.stdout, download.stderr, exported.stdout, exported.stderr]) {
      expect(text).not.toMatch(CONTROL);
    }
    const count = Number(/^(\d+) downloaded/m.exec(exported.stdout)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(exported.stderr.split("\n").filter((line) => line.startsWith("downloaded "))).toHaveLength(count);
  });
});
