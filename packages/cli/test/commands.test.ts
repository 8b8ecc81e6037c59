/**
 * Every command, run as the real bin against the stateful mock (or the embedded --mock): results
 * parsed from --json and checked against what the mock holds, files compared byte for byte, the
 * help and version, and errors that name the Zoho code, its meaning and the fix with the right
 * exit code.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createAttachmentsClient, DEFAULT_MAX_CONCURRENCY } from "@zcrm-attachments/client";
import type { MockServer } from "@zcrm-attachments/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordIds, type SeededFile, seedFiles, startTarget, TOKEN, target } from "./helpers/mock-target.js";
import { runBin } from "./helpers/run-bin.js";
import { scratch } from "./helpers/scratch.js";

const [RECORD, BIG_RECORD, PHOTO_RECORD] = recordIds(3) as [string, string, string];
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAG0lEQVR4nGNQOvNOqeMdJsmAVVTpzDuGQakDAPo+boFNjZ9PAAAAAElFTkSuQmCC",
  "base64",
);

let mock: MockServer;
let flags: string[];
let env: Record<string, string>;
let big: SeededFile[];

const run = (args: string[], options: { input?: string; cwd?: string } = {}) =>
  runBin([...flags, ...args], { env, ...options });
const json = async (args: string[]) => {
  const result = await run([...args, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  mock = await startTarget();
  ({ flags, env } = target(mock.url));
  big = await seedFiles(mock.url, "Leads", [BIG_RECORD], 205, 64); // more than one page of 200
});

afterAll(async () => {
  await mock?.close();
});

describe("list", () => {
  it("walks every page: --json holds all 205 attachments, --ndjson one per line", async () => {
    const listed = await json(["list", "Leads", BIG_RECORD]);
    expect(listed.count).toBe(205);
    expect(new Set(listed.attachments.map((a: { id: string }) => a.id))).toEqual(new Set(big.map((file) => file.id)));
    expect(listed.apiCalls).toBe(2);
    const lines = await run(["list", "Leads", BIG_RECORD, "--ndjson"]);
    const parsed = lines.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(parsed).toHaveLength(205);
    expect(parsed[0]).toMatchObject({ File_Name: expect.stringMatching(/^file-\d{3}\.bin$/), $type: "Attachment" });
  });

  it("prints a table by default, and says so when a record has none", async () => {
    const table = await run(["list", "Leads", BIG_RECORD]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ id +│ type │ name +│ size \/ url +│ created +│/);
    expect(table.stdout).toMatch(/│ \d{19} │ file │ file-204\.bin +│ \d+ B +│/);
    expect(table.stderr).toMatch(/205 attachments; API calls: 2/);
    const empty = await run(["list", "Leads", "4150868000099999999"]);
    expect(empty.stdout).toBe("Leads 4150868000099999999 has no attachments.\n");
  });
});

describe("upload, link, download, delete", () => {
  it("uploads files and a folder's files, one call each, then downloads them byte for byte", async () => {
    const dir = scratch("zcrm-cli-up-");
    await mkdir(join(dir, "scans"));
    await writeFile(join(dir, "scans", "page-1.txt"), "first page\n");
    await writeFile(join(dir, "scans", "page-2.txt"), "second page\n");
    await writeFile(join(dir, "scans", ".DS_Store"), "hidden");
    await writeFile(join(dir, "résumé 日本.txt"), "non-ASCII name\n");
    const uploaded = await json(["upload", "Contacts", RECORD, join(dir, "scans"), join(dir, "résumé 日本.txt")]);
    expect(uploaded.files.map((f: { status: string }) => f.status)).toEqual(["uploaded", "uploaded", "uploaded"]);
    expect(uploaded.apiCalls).toBe(3);

    const listed = await json(["list", "Contacts", RECORD]);
    expect(listed.attachments.map((a: { File_Name: string }) => a.File_Name).sort()).toEqual(
      ["page-1.txt", "page-2.txt", "résumé 日本.txt"].sort(),
    );

    const out = join(dir, "downloads");
    const all = await json(["download", "Contacts", RECORD, "--all", "--out", out]);
    expect(all.files).toHaveLength(3);
    expect((await readdir(out)).sort()).toEqual(["page-1.txt", "page-2.txt", "résumé 日本.txt"].sort());
    expect(await readFile(join(out, "résumé 日本.txt"), "utf8")).toBe("non-ASCII name\n");
    const one = all.files.find((f: { path: string }) => f.path.endsWith("page-2.txt"));
    expect(one.sha256).toBe(sha(Buffer.from("second page\n")));

    const again = await run(["download", "Contacts", RECORD, one.attachmentId, "--out", out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists \(pass --overwrite to replace it\)/);
    const replaced = await run(["download", "Contacts", RECORD, one.attachmentId, "--out", out, "--overwrite"]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toMatch(/downloaded \d+ → .*page-2\.txt \(12 B in /);
  });

  it("attaches a link with a title; download --all skips it, and downloading it names the Zoho code and the fix", async () => {
    const linked = await json(["link", "Deals", RECORD, "https://example.com/terms.pdf", "--title", "Terms"]);
    expect(linked.attachmentId).toMatch(/^\d{19}$/);
    const listed = await json(["list", "Deals", RECORD]);
    expect(listed.attachments[0]).toMatchObject({
      $type: "Link URL",
      $link_url: "https://example.com/terms.pdf",
      File_Name: "Terms",
    });
    const out = scratch("zcrm-cli-link-");
    const all = await json(["download", "Deals", RECORD, "--all", "--out", out]);
    expect(all.files).toEqual([{ attachmentId: linked.attachmentId, status: "skipped", reason: "link" }]);

    const refused = await run(["download", "Deals", RECORD, linked.attachmentId, "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/DOWNLOAD_NOT_ALLOWED \(HTTP 400\)/);
    expect(refused.stderr).toMatch(/meaning: the attachment is a link: it has no bytes to download/);
    expect(refused.stderr).toMatch(/fix: read its URL with `zcrm-attachments list --json`/);
    expect(refused.stderr).not.toMatch(/\n\s+at /); // no stack trace without --verbose
    const verbose = await run(["download", "Deals", RECORD, linked.attachmentId, "--out", out, "--verbose"]);
    expect(verbose.stderr).toMatch(/ZohoApiError: DOWNLOAD_NOT_ALLOWED[^\n]*\n\s+at /);
  });

  it("delete refuses without --yes off a terminal (exit 2, nothing deleted), and deletes with --yes", async () => {
    const [file] = await seedFiles(mock.url, "Cases", [RECORD], 1);
    const id = (file as SeededFile).id;
    const refused = await run(["delete", "Cases", RECORD, id]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Refusing to delete without confirmation/);
    expect(refused.stderr).toMatch(/fix: pass --yes/);
    expect((await json(["list", "Cases", RECORD])).count).toBe(1);

    const result = await run(["delete", "Cases", RECORD, id, "4150868000000000001", "--yes", "--json"]);
    expect(result.code, result.stderr).toBe(1); // one id was not deleted
    expect(JSON.parse(result.stdout).results).toEqual([
      { attachmentId: id, status: "deleted" },
      { attachmentId: "4150868000000000001", status: "failed", code: "INVALID_DATA", message: "record not deleted" },
    ]);
    expect((await json(["list", "Cases", RECORD])).count).toBe(0);
    const partly = await run(["delete", "Cases", RECORD, id, "--yes"]);
    expect(partly.code).toBe(1);
    expect(partly.stdout).toMatch(/not deleted \d+: INVALID_DATA record not deleted/);
  });
});

describe("photo", () => {
  it("sets, gets (byte for byte) and deletes a record's photo", async () => {
    const dir = scratch("zcrm-cli-photo-");
    await writeFile(join(dir, "face.png"), PNG);
    const set = await json(["photo", "set", "Contacts", PHOTO_RECORD, join(dir, "face.png")]);
    expect(set.result).toMatchObject({ code: "SUCCESS", status: "success" });
    const got = await json(["photo", "get", "Contacts", PHOTO_RECORD, join(dir, "copy.png")]);
    expect(got).toMatchObject({ bytes: PNG.length, sha256: sha(PNG), contentType: "image/png" });
    expect(await readFile(join(dir, "copy.png"))).toEqual(PNG);
    const named = await run(["photo", "get", "Contacts", PHOTO_RECORD], { cwd: dir });
    expect(named.stdout).toMatch(
      new RegExp(`saved the photo of Contacts ${PHOTO_RECORD} to ${PHOTO_RECORD}\\.png \\(84 B\\)`),
    );
    expect(await readFile(join(dir, `${PHOTO_RECORD}.png`))).toEqual(PNG);
    expect((await json(["photo", "delete", "Contacts", PHOTO_RECORD])).result).toMatchObject({ code: "SUCCESS" });
    const none = await run(["photo", "get", "Contacts", PHOTO_RECORD, join(dir, "none.png")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/has no photo/);
  });
});

describe("bad input fails before any request, with exit code 2 and what to fix", () => {
  it.each([
    [["list", "leads", RECORD], /Unknown module "leads" .*Did you mean "Leads"\?/],
    [["list", "Leads", "12ab"], /recordId must be a string of 1 to 19 digits \(got "12ab"\)/],
    [["list", "Leads"], /missing required argument 'recordId'/],
    [["list", "Leads", RECORD, "--nope"], /unknown option '--nope'/],
    [["--dc", "XX", "list", "Leads", RECORD], /Unknown data centre "XX": use one of US, EU/],
    [
      ["--concurrency", "0", "list", "Leads", RECORD],
      /'0' is invalid. --concurrency must be a whole number of at least 1/,
    ],
    [["download", "Leads", RECORD], /Name the attachments to download, or pass --all/],
    [["link", "Leads", RECORD, "ftp://example.com/x"], /url must be an http or https link/],
  ])("%j", async (args, message) => {
    const before = mock.stats.requests;
    const result = await run(args);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(mock.stats.requests).toBe(before);
  });

  it("with --json, an error also comes as JSON on stdout", async () => {
    const result = await run(["list", "leads", RECORD, "--json"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: "INVALID_INPUT", parameter: "module", message: expect.stringMatching(/Did you mean "Leads"/) },
      exitCode: 2,
    });
  });

  it("refuses an .exe upload before sending it, and still uploads the other files (exit 1)", async () => {
    const dir = scratch("zcrm-cli-exe-");
    await writeFile(join(dir, "setup.exe"), "MZ");
    await writeFile(join(dir, "notes.txt"), "fine");
    const result = await run(["upload", "Leads", RECORD, dir, "--json"]);
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout).files;
    expect(files).toMatchObject([
      { path: join(dir, "notes.txt"), status: "uploaded" },
      { path: join(dir, "setup.exe"), status: "failed", error: { code: "INVALID_INPUT", parameter: "file" } },
    ]);
    expect(result.stderr).toMatch(/failed .*setup\.exe: .*\.exe/);
  });

  it("missing credentials name the variables and suggest --mock", async () => {
    const result = await runBin(["--api-domain", mock.url, "list", "Leads", RECORD]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No credentials: set ZOHO_ACCESS_TOKEN, or ZOHO_CLIENT_ID/);
    expect(result.stderr).toMatch(/fix: to try the CLI without an account, add --mock/);
  });
});

describe("--help, --version and --mock", () => {
  it.each([
    ["list"],
    ["upload"],
    ["link"],
    ["download"],
    ["delete"],
    ["export"],
    ["photo"],
    ["photo", "get"],
    ["photo", "set"],
    ["photo", "delete"],
    ["profile", "save"],
    ["profile", "list"],
  ])("%s --help has an example", async (...command) => {
    const result = await runBin([...command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: zcrm-attachments /);
    expect(result.stdout).toMatch(/\nExamples?:\n {2}.*zcrm-attachments /);
  });

  it("the main help names the demo record and the exit codes; --version prints the package's version", async () => {
    const help = await runBin(["--help"]);
    expect(help.stdout).toMatch(/zcrm-attachments --mock list Leads 4150868000002728001/);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 {4}done\n {2}1 /);
    // The concurrency default is the client's own, by number (commander may wrap the line).
    expect(help.stdout.replace(/\s+/g, " ")).toContain(
      `--concurrency <n> most API calls in flight at once (default: ${DEFAULT_MAX_CONCURRENCY}, the client's`,
    );
    const { version } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
    const printed = await runBin(["--version"]);
    expect(printed).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("--mock serves the seeded demo record: two files, a link and a photo", async () => {
    const result = await runBin(["--mock", "list", "Leads", "4150868000002728001", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const names = JSON.parse(result.stdout).attachments.map((a: { File_Name: string }) => a.File_Name);
    expect(names.sort()).toEqual(["Zoho CRM API docs", "quote-2026.csv", "welcome.txt"]);
    const dir = scratch("zcrm-cli-demo-");
    const photo = await runBin(["--mock", "photo", "get", "Leads", "4150868000002728001", join(dir, "p.png")]);
    expect(photo.code, photo.stderr).toBe(0);
    expect(await readFile(join(dir, "p.png"))).toEqual(PNG);
  });

  it("the client checks reach the bin: --api-version v2 refuses a link title (v5 and later)", async () => {
    const client = createAttachmentsClient({ apiDomain: mock.url, accessToken: TOKEN });
    expect(client.apiVersion).toBe("v8");
    const result = await run(["--api-version", "v2", "link", "Leads", RECORD, "https://example.com", "--title", "x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/title/);
  });
});
