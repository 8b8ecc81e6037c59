import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IHttpOperation } from "@stoplight/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../../src/index.js";
import { loadOperations } from "../../src/prism/operations-cache.js";
import { defaultSpecPath } from "../../src/prism/spec-path.js";
import { loadSeed } from "../../src/seed/load-seed.js";
import { fixture } from "../upload-helpers.js";

// A scenario that cannot be used is refused, naming the file and the record or attachment at fault
// and saying what to write instead; the mock does not start, and nothing is left behind.

let dir: string;
let operations: IHttpOperation[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zcrm-bad-scenario-"));
  writeFileSync(join(dir, "a.txt"), "text");
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "face.png"), fixture("photo.png"));
  operations = await loadOperations(defaultSpecPath());
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The message a scenario (written to scenario.json) is refused with. */
async function refusal(scenario: unknown): Promise<string> {
  const file = join(dir, "scenario.json");
  writeFileSync(file, typeof scenario === "string" ? scenario : JSON.stringify(scenario));
  try {
    await loadSeed(file, operations, 0);
  } catch (error) {
    return (error as Error).message.replace(`${file}: `, "");
  }
  throw new Error("the scenario was taken");
}

const lead = (attachments: unknown[], extra: Record<string, unknown> = {}) => ({
  records: [{ module: "Leads", id: "1000000231009", attachments, ...extra }],
});

describe("a scenario that cannot be used", () => {
  it.each([
    ["not JSON", "{ records: [", /^seed file .*scenario\.json is not JSON: /],
    ["no records", {}, 'the scenario needs "records".'],
    [
      "a misspelt key",
      { records: [{ module: "Leads", id: "1", atachments: [] }] },
      /^records\[0\] has an unknown key "atachments"; the keys are module, id, attachments, photo\.$/,
    ],
    ["records not a list", { records: {} }, "records must be an array."],
    [
      "a bad module",
      { records: [{ module: "Not-A-Module", id: "1" }] },
      /^records\[0\]\.module must be a module API name: a letter, .* \(got "Not-A-Module"\)\.$/,
    ],
    [
      "a bad record id",
      { records: [{ module: "Leads", id: "abc" }] },
      'records[0].id must be an id of the form ^[0-9]{1,19}$, as a string (got "abc").',
    ],
    ["a numeric id", { records: [{ module: "Leads", id: 12 }] }, "records[0].id must be a string."],
    [
      "a record twice",
      {
        records: [
          { module: "Leads", id: "1" },
          { module: "Leads", id: "1" },
        ],
      },
      "records[1] repeats Leads/1 of records[0]; give each record once.",
    ],
    [
      "neither file nor link",
      lead([{ name: "x" }]),
      'records[0].attachments[0] needs either "file" (a path) or "link" (a URL), and has neither.',
    ],
    [
      "both",
      lead([{ file: "a.txt", link: "https://a.example" }]),
      'records[0].attachments[0] needs either "file" (a path) or "link" (a URL), not both.',
    ],
    [
      "a missing file",
      lead([{ file: "./nope.pdf" }]),
      /^records\[0\]\.attachments\[0\]\.file \.\/nope\.pdf does not exist \(looked for .*nope\.pdf\)\.$/,
    ],
    [
      "an empty file",
      lead([{ file: "empty.txt" }]),
      "records[0].attachments[0].file empty.txt is empty; Zoho takes no empty file.",
    ],
    [
      "an .exe",
      lead([{ file: "a.txt", name: "setup.EXE" }]),
      "records[0].attachments[0] is named setup.EXE; Zoho refuses files ending in .exe.",
    ],
    ["a folder", lead([{ file: "." }]), /^records\[0\]\.attachments\[0\]\.file \. \(.*\) is not a file\.$/],
    [
      "a bad link",
      lead([{ link: "javascript:alert(1)" }]),
      'records[0].attachments[0].link must be an absolute http(s) URL of at most 3000 characters (got "javascript:alert(1)").',
    ],
    [
      "a link twice",
      lead([{ link: "https://a.example" }, { link: "https://a.example" }]),
      "records[0].attachments[1] links https://a.example again; Zoho keeps a link once per record.",
    ],
    [
      "a title on a file",
      lead([{ file: "a.txt", title: "T" }]),
      'records[0].attachments[0] is a file: "title" goes with "link" (a file has "name").',
    ],
    [
      "a name on a link",
      lead([{ link: "https://a.example", name: "n" }]),
      'records[0].attachments[0] is a link: "name" and "contentType" go with "file" (a link has "title").',
    ],
    [
      "a long title",
      lead([{ link: "https://a.example", title: "t".repeat(256) }]),
      /^records\[0\]\.attachments\[0\]\.title must be 1 to 255 characters \(got "t+"\)\.$/,
    ],
    [
      "an id twice",
      lead([
        { file: "a.txt", id: "7" },
        { link: "https://a.example", id: "7" },
      ]),
      "records[0].attachments[1] has the id 7 of records[0].attachments[0]; an attachment id is used once.",
    ],
    [
      "a bad time",
      lead([{ file: "a.txt", createdTime: "yesterday" }]),
      'records[0].attachments[0].createdTime must be an ISO 8601 time such as 2026-01-31T09:30:00Z (got "yesterday").',
    ],
    [
      "a photo that is no image",
      lead([], { photo: "a.txt" }),
      "records[0].photo a.txt is not a PNG, JPEG, GIF or BMP image (by its first bytes).",
    ],
    [
      "a photo on Deals",
      { records: [{ module: "Deals", id: "1", photo: "face.png" }] },
      /^records\[0\]\.photo is set on Deals, which has no photos in Zoho \(photos are for Leads, Contacts, Accounts, Products, Vendors and custom modules\)\.$/,
    ],
  ])("%s", async (_name, scenario, message) => {
    const got = await refusal(scenario);
    if (typeof message === "string") expect(got).toBe(message);
    else expect(got).toMatch(message);
  });

  it("fails start-up, leaving no store folder, and a seed without the stateful mode is a usage error", async () => {
    const parent = mkdtempSync(join(tmpdir(), "zcrm-bad-scenario-start-"));
    try {
      writeFileSync(join(dir, "broken.json"), JSON.stringify(lead([{ file: "a.txt" }, { file: "missing.bin" }])));
      await expect(
        startMock({ port: 0, stateful: { tempDir: parent }, seed: join(dir, "broken.json") }),
      ).rejects.toThrow(`${join(dir, "broken.json")}: records[0].attachments[1].file missing.bin does not exist`);
      expect(readdirSync(parent)).toStrictEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
    await expect(startMock({ port: 0, seed: join(dir, "broken.json") })).rejects.toThrow(
      "seed needs the stateful mode: startMock({ stateful: true, seed }), or zcrm-mock --stateful --seed FILE.",
    );
    await expect(startMock({ port: 0, stateful: true, seed: join(dir, "nope.json") })).rejects.toThrow(
      `seed file ${join(dir, "nope.json")} cannot be read (ENOENT).`,
    );
  });
});
