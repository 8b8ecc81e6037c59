/**
 * The manifest on its own: the last line per key wins, a torn last line (a crash mid-write) is
 * ignored while a bad line in the middle is an error naming it, and compaction leaves one line per
 * key in the order keys first appeared.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AttachmentEntry, Manifest } from "../../src/export/manifest.js";
import { scratch } from "../helpers/scratch.js";

const entry = (id: string, status: AttachmentEntry["status"]): AttachmentEntry => ({
  kind: "attachment",
  module: "Leads",
  record: "1",
  attachmentId: id,
  fileName: `${id}.txt`,
  path: `Leads/1/${id}.txt`,
  size: 3,
  sha256: status === "complete" ? "ab" : null,
  status,
});

const temp = () => join(scratch("zcrm-cli-manifest-"), "manifest.jsonl");

describe("Manifest", () => {
  it("keeps the last line per key and ignores a torn last line", async () => {
    const path = temp();
    const lines = [entry("10", "pending"), entry("11", "pending"), entry("10", "complete")].map((e) =>
      JSON.stringify(e),
    );
    await writeFile(path, `${lines.join("\n")}\n{"kind":"attach`);
    const manifest = await Manifest.read(path);
    expect(manifest.attachmentsOf("Leads", "1").map((e) => [e.attachmentId, e.status])).toEqual([
      ["10", "complete"],
      ["11", "pending"],
    ]);
  });

  it("refuses a bad line that is not the last, naming its number", async () => {
    const path = temp();
    await writeFile(
      path,
      `${JSON.stringify(entry("10", "pending"))}\nnot json\n${JSON.stringify(entry("11", "pending"))}\n`,
    );
    await expect(Manifest.read(path)).rejects.toThrow(/manifest\.jsonl: line 2 is not JSON/);
  });

  it("appends every write, then compacts to one line per key", async () => {
    const path = temp();
    const manifest = await Manifest.read(path);
    await manifest.write(entry("10", "pending"));
    await manifest.write(entry("11", "pending"));
    await manifest.write({ kind: "record", module: "Leads", record: "1", status: "listed", attachments: 2 });
    await manifest.write(entry("10", "complete"));
    expect((await readFile(path, "utf8")).trim().split("\n")).toHaveLength(4);
    await manifest.compact();
    const lines = (await readFile(path, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.kind, line.attachmentId ?? null, line.status])).toEqual([
      ["attachment", "10", "complete"],
      ["attachment", "11", "pending"],
      ["record", null, "listed"],
    ]);
    expect((await Manifest.read(path)).record("Leads", "1")).toMatchObject({ status: "listed", attachments: 2 });
  });
});
