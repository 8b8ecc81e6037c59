import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AttachmentStore, DEFAULT_STORE_LIMITS } from "../../src/answers/stateful/attachment-store.js";
import { ByteFolder } from "../../src/answers/stateful/byte-folder.js";
import { applySeed } from "../../src/seed/apply-seed.js";
import type { SeedAttachment, SeedPlan } from "../../src/seed/seed-plan.js";

// Putting a plan into a store: bytes into the store's own folder, the store's bounds, and a write
// that fails half-way leaving nothing once the caller closes the folder (as start-up does).

let parent: string;

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), "zcrm-apply-seed-"));
});

afterAll(() => {
  rmSync(parent, { recursive: true, force: true });
});

const file = (id: string, bytes: SeedAttachment["bytes"]): SeedAttachment => ({
  id,
  kind: "file",
  fileName: `${id}.bin`,
  contentType: "application/octet-stream",
  bytes,
  linkUrl: null,
  createdAt: 0,
});

const plan = (attachments: SeedAttachment[]): SeedPlan => ({
  source: "test.har",
  records: [{ module: "Leads", recordId: "1", attachments, photo: undefined }],
  ignored: 0,
});

describe("applySeed", () => {
  it("writes a stand-in of exactly the recorded size, made of a line that says what it is", async () => {
    const store = new AttachmentStore(DEFAULT_STORE_LIMITS, () => 0);
    const folder = new ByteFolder(parent);
    try {
      const summary = await applySeed(store, folder, plan([file("1", { from: "stand-in", size: 200_000 })]));
      expect(summary).toMatchObject({ records: 1, attachments: 1, standIns: 1, photos: 0 });
      const stored = store.get("Leads", "1", "1");
      expect(stored?.size).toBe(200_000);
      const bytes = readFileSync(stored?.file?.path ?? "");
      expect(bytes.length).toBe(200_000);
      expect(bytes.toString("latin1").split("\n")[0]).toBe(
        "zcrm-mock stand-in: the recording kept this file's size and not its bytes.",
      );
    } finally {
      folder.close();
    }
  });

  it("restores the record oldest first, so the list shows the plan's order", async () => {
    const store = new AttachmentStore(DEFAULT_STORE_LIMITS, () => 0);
    const folder = new ByteFolder(parent);
    try {
      const bytes = { from: "bytes" as const, bytes: Buffer.from("x") };
      await applySeed(store, folder, plan([file("3", bytes), file("2", bytes), file("1", bytes)]));
      expect(store.list("Leads", "1").map((item) => item.id)).toStrictEqual(["3", "2", "1"]);
    } finally {
      folder.close();
    }
  });

  it("rejects on a file that went missing after the plan was read; closing the folder leaves nothing", async () => {
    const store = new AttachmentStore(DEFAULT_STORE_LIMITS, () => 0);
    const folder = new ByteFolder(parent);
    const ok = { from: "bytes" as const, bytes: Buffer.from("kept first") };
    await expect(
      applySeed(
        store,
        folder,
        plan([file("2", { from: "file", path: join(parent, "gone.pdf"), size: 10 }), file("1", ok)]),
      ),
    ).rejects.toThrow(/^test\.har: Leads\/1, attachment 2\.bin: its bytes could not be put in the store \(ENOENT: /);
    // The first file was written before the second failed; closing the mode removes it with the folder.
    expect(readdirSync(folder.path)).toHaveLength(1);
    folder.close();
    expect(readdirSync(parent)).toStrictEqual([]);
  });
});
