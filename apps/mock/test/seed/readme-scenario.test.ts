import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startMock } from "../../src/index.js";
import { AUTH, fixture } from "../upload-helpers.js";

// The README's scenario example, as written, seeds the mock the way the README says: the docs
// check only parses it, this test runs it (with files of the names it gives).

const README = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "README.md");

function readmeScenario(): string {
  const blocks = [...readFileSync(README, "utf8").matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  const scenario = blocks.find((block) => block.includes('"records"'));
  if (scenario === undefined) throw new Error("the README has no scenario example");
  return scenario;
}

describe("the README's scenario example", () => {
  it("seeds two records, listed in the order written, with the photo", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zcrm-readme-scenario-"));
    try {
      mkdirSync(join(dir, "scans"));
      writeFileSync(join(dir, "scans", "quote.pdf"), fixture("Quote.pdf"));
      writeFileSync(join(dir, "notes.txt"), "notes\n");
      writeFileSync(join(dir, "face.png"), fixture("photo.png"));
      writeFileSync(join(dir, "scenario.json"), readmeScenario());
      const mock = await startMock({ port: 0, stateful: true, seed: join(dir, "scenario.json") });
      try {
        const list = await fetch(`${mock.url}/crm/v8/Leads/1000000231009/Attachments?fields=File_Name,$link_url`, {
          headers: AUTH,
        });
        const names = ((await list.json()) as { data: { File_Name: string }[] }).data.map((item) => item.File_Name);
        expect(names).toStrictEqual(["Quote 2026.pdf", "Zoho Corporation", "notes.txt"]);
        const quote = await fetch(`${mock.url}/crm/v8/Leads/1000000231009/Attachments/1386586000002588005`, {
          headers: AUTH,
        });
        expect(Buffer.from(await quote.arrayBuffer())).toStrictEqual(fixture("Quote.pdf"));
        expect((await fetch(`${mock.url}/crm/v2/Leads/1000000231009/photo`, { headers: AUTH })).status).toBe(200);
        expect(
          (await fetch(`${mock.url}/crm/v8/ServiceCenters/77/Attachments?fields=id`, { headers: AUTH })).status,
        ).toBe(200);
      } finally {
        await mock.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
