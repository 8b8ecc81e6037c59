/**
 * `zcrm-contract validate` as a user runs it: the built bin in a child process, on real files.
 * Paths are resolved where the command runs, a browser's HAR passes on its API entries alone, an
 * unreadable entry is named and the rest still checked, and the reports can be read back by the
 * tools CI uses.
 */
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../src/validator/spec.js";
import { runBin } from "../helpers/bin.js";
import { example, V8_PATH } from "../helpers/spec-examples.js";

const SECRET = "1000.validate-sentinel-secret";
const API = "https://www.zohoapis.com";
const harEntry = (
  method: string,
  url: string,
  status: number,
  body?: unknown,
  type = "application/json;charset=UTF-8",
) => ({
  request: { method, url, headers: [{ name: "Authorization", value: `Zoho-oauthtoken ${SECRET}` }], queryString: [] },
  response: {
    status,
    headers: body === undefined ? [] : [{ name: "Content-Type", value: type }],
    content: {
      size: body === undefined ? 0 : JSON.stringify(body).length,
      mimeType: type,
      ...(body === undefined ? {} : { text: JSON.stringify(body) }),
    },
  },
});
const har = (...entries: unknown[]) => ({ log: { version: "1.2", creator: { name: "test", version: "1" }, entries } });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zcrm-validate-cli-"));
  await mkdir(join(dir, "traffic"));
  const good = example("listAttachments", 200, "seedSample");
  const numericId = example("listAttachments", 200, "seedSample") as { data: Record<string, unknown>[] };
  numericId.data[0]!.id = 4150868000002728012;
  await writeFile(
    join(dir, "traffic", "browser.har"),
    JSON.stringify(
      har(
        harEntry("GET", "https://crm.zoho.com/favicon.ico", 200, undefined, "image/x-icon"),
        harEntry("OPTIONS", `${API}${V8_PATH}?fields=id`, 204),
        harEntry("GET", `${API}${V8_PATH}?fields=id`, 200, good),
        harEntry("GET", "https://analytics.example/collect", 204),
      ),
    ),
  );
  await writeFile(
    join(dir, "traffic", "broken.har"),
    JSON.stringify(
      har(
        harEntry("GET", `${API}${V8_PATH}?fields=id`, 200, good),
        harEntry("GET", "/crm/v2/Leads/1000000231009/Attachments", 204),
        harEntry("GET", `${API}${V8_PATH}?fields=id`, 200, { ...numericId, echo: SECRET }),
        harEntry("GET", `${API}${V8_PATH}`, 200, good),
      ),
    ),
  );
});

describe("zcrm-contract validate, paths and arguments", () => {
  it("resolves a relative path from where it runs, whatever INIT_CWD a package manager left", async () => {
    const out = await runBin(["validate", "browser.har"], { cwd: join(dir, "traffic"), env: { INIT_CWD: dir } });
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    // Labels name the file as it was typed.
    expect(out.stdout).toContain(
      "✓ browser.har entry 3: GET /crm/v8/Leads/1000000231009/Attachments → 200 conforms to",
    );
  });

  it("resolves from --cwd when given it, as the root pnpm alias passes the caller's folder", async () => {
    const out = await runBin(["--cwd", join(dir, "traffic"), "validate", "browser.har"], { cwd: dir });
    expect(out.code).toBe(0);
  });

  it("reads --help and --json as options, has --version, and exits 2 on bad usage", async () => {
    const help = await runBin(["validate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: zcrm-contract validate [options] <files...>");
    expect(help.stdout).toContain("Examples:\n  $ zcrm-contract validate exchange.json traffic.har");
    expect(help.stdout).toContain("2  bad usage, a file that cannot be read, or a server that cannot be reached");
    const version = await runBin(["--version"]);
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    const json = await runBin(["validate", "--json", "browser.har"], { cwd: join(dir, "traffic") });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      command: "validate",
      totals: { passed: 1, failed: 0, skipped: 3 },
    });
    for (const args of [
      ["validate", "--reporter", "xml", "browser.har"],
      ["validate", "--min-coverage", "120", "browser.har"],
      ["validate", "--bogus", "browser.har"],
      ["validate", "--json", "--reporter", "junit", "browser.har"],
    ]) {
      const bad = await runBin(args, { cwd: join(dir, "traffic") });
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stdout).toBe("");
    }
    expect((await runBin(["validate", "missing.har"], { cwd: dir })).stderr).toContain(
      "cannot read missing.har: ENOENT",
    );
  });
});

describe("zcrm-contract validate, recordings from a browser or a proxy", () => {
  it("skips entries that match no operation (a favicon, a CORS preflight), counts them, and lists them with --verbose", async () => {
    const out = await runBin(["validate", "traffic/browser.har"], { cwd: dir });
    expect(out.code).toBe(0);
    expect(out.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 0 failed, 3 skipped (--verbose lists them)");
    expect(out.stdout).not.toContain("favicon");
    const verbose = await runBin(["validate", "traffic/browser.har", "--verbose"], { cwd: dir });
    expect(verbose.stdout).toContain(
      "- traffic/browser.har entry 1: GET /favicon.ico → 200 skipped: GET /favicon.ico matches no documented operation",
    );
    expect(verbose.stdout).toContain(
      "- traffic/browser.har entry 2: OPTIONS /crm/v8/Leads/1000000231009/Attachments → 204 skipped:",
    );
  });

  it("filters by host and by path with --include and --exclude", async () => {
    const hosts = await runBin(["validate", "traffic/browser.har", "--include", "*.zohoapis.com", "--verbose"], {
      cwd: dir,
    });
    expect(hosts.stdout).toContain("entry 4: GET /collect → 204 skipped: matched by no --include (*.zohoapis.com)");
    const paths = await runBin(["validate", "traffic/browser.har", "--exclude", "/crm/v8/**"], { cwd: dir });
    expect(paths.stdout.trimEnd().split("\n").at(-1)).toBe("0 passed, 0 failed, 4 skipped (--verbose lists them)");
  });

  it("names an entry it cannot read by its number and checks the others, with a repro for each failure", async () => {
    const out = await runBin(["validate", "traffic/broken.har"], { cwd: dir });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      '! traffic/broken.har entry 2: request.url "/crm/v2/Leads/1000000231009/Attachments" is not an absolute URL',
    );
    expect(out.stdout).toContain("✓ traffic/broken.har entry 1:");
    expect(out.stdout).toContain(
      "- body/data/0/id must be string  [at /data/0/id · spec #/components/schemas/RecordId/type]",
    );
    expect(out.stdout).toContain(
      `    curl -X GET '${API}${V8_PATH}?fields=id' -H 'authorization: Zoho-oauthtoken [redacted]'`,
    );
    expect(out.stdout).toContain(
      "- request query parameter fields is required by GET /crm/v8/{module}/{record_id}/Attachments and was not sent, yet the server answered 200 instead of refusing it",
    );
    expect(out.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 2 failed, 1 unreadable");
    expect(out.stdout + out.stderr).not.toContain(SECRET);
  });

  it("writes a JUnit file CI can read, naming the failing cases, and keeps the token out of every report", async () => {
    const reports = join(dir, "reports");
    const out = await runBin(
      [
        "validate",
        "traffic/broken.har",
        "--reporter",
        `junit=${reports}/v.xml`,
        "--reporter",
        `markdown=${reports}/v.md`,
        "--reporter",
        `json=${reports}/v.json`,
        "--reporter",
        "github",
      ],
      { cwd: dir },
    );
    expect(out.code).toBe(1);
    const xml = await readFile(join(reports, "v.xml"), "utf8");
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (n) => n === "testsuite" || n === "testcase",
    }).parse(xml);
    expect(parsed.testsuites).toMatchObject({ tests: "4", failures: "2", errors: "1" });
    const cases = parsed.testsuites.testsuite.flatMap((s: { testcase: object[] }) => s.testcase) as {
      name: string;
      classname: string;
      failure?: { "#text": string };
      error?: object;
    }[];
    expect(cases.filter((c) => c.failure).map((c) => `${c.classname} › ${c.name}`)).toEqual([
      "listAttachments (v8 line) › traffic/broken.har entry 3",
      "listAttachments (v8 line) › traffic/broken.har entry 4",
    ]);
    expect(cases.find((c) => c.error)?.name).toBe("traffic/broken.har entry 2");
    expect(cases[1]?.failure?.["#text"]).toContain("curl -X GET");
    const lines = out.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(lines[0]).toMatch(
      /^::error file=traffic\/broken\.har,title=zcrm-contract%3A \(unreadable\) › traffic\/broken\.har entry 2::request\.url /,
    );
    for (const line of lines) expect(line).toMatch(/^::(error|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::[^\r\n]*$/);
    for (const name of ["v.xml", "v.md", "v.json"])
      expect(await readFile(join(reports, name), "utf8")).not.toContain(SECRET);
    expect(out.stdout + out.stderr).not.toContain(SECRET);
  });

  it("prints the coverage of a recording and fails below --min-coverage", async () => {
    const out = await runBin(["validate", "traffic/browser.har", "--min-coverage", "50"], { cwd: dir });
    expect(out.stdout).toMatch(/^Coverage: 1 of \d+ documented cells held \(0\.\d%\), \d+ never exercised$/m);
    expect(out.stdout).toMatch(/^listAttachments \(v8 line\) +1\/1 /m);
    expect(out.stdout).toMatch(
      /^coverage 0\.\d% is below --min-coverage 50: \d+ of \d+ documented cells never exercised, 0 failed$/m,
    );
    expect(out.code).toBe(1);
  });

  it("colours only when told to, and never under NO_COLOR", async () => {
    const plain = await runBin(["validate", "traffic/broken.har"], { cwd: dir });
    expect(plain.stdout).not.toContain("\x1b[");
    const forced = await runBin(["validate", "traffic/broken.har"], { cwd: dir, env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toContain("\x1b[31m✗\x1b[39m");
    const both = await runBin(["validate", "traffic/broken.har"], {
      cwd: dir,
      env: { FORCE_COLOR: "1", NO_COLOR: "1" },
    });
    expect(both.stdout).not.toContain("\x1b[");
    expect(
      (await runBin(["--no-color", "validate", "traffic/broken.har"], { cwd: dir, env: { FORCE_COLOR: "1" } })).stdout,
    ).not.toContain("\x1b[");
  });
});

describe("zcrm-contract validate --spec", () => {
  it("judges the same recording against another version of the spec, and exits 2 for a spec it cannot use", async () => {
    const spec = structuredClone(loadSpec());
    const schemas = spec.components?.schemas as Record<string, { properties: Record<string, unknown> }>;
    (schemas.Attachment as { properties: Record<string, unknown> }).properties.File_Name = { type: "integer" };
    await writeFile(join(dir, "newer.json"), JSON.stringify(spec));
    await writeFile(join(dir, "sources.yaml"), "openapi: 3.1.0\n");
    await writeFile(join(dir, "not-openapi.json"), JSON.stringify({ swagger: "2.0", paths: {} }));
    const control = await runBin(["validate", "traffic/browser.har"], { cwd: dir });
    expect(control.code).toBe(0);
    const newer = await runBin(["validate", "traffic/browser.har", "--spec", "newer.json"], { cwd: dir });
    expect(newer.code).toBe(1);
    expect(newer.stdout).toContain("body/data/0/File_Name must be integer");
    for (const [file, message] of <[string, string][]>[
      ["missing.json", "cannot read the spec missing.json: ENOENT"],
      ["sources.yaml", "the spec sources.yaml is not JSON"],
      [
        "not-openapi.json",
        'the spec not-openapi.json is not an OpenAPI 3 document (it needs "openapi": "3.x" and paths)',
      ],
    ]) {
      const bad = await runBin(["validate", "traffic/browser.har", "--spec", file], { cwd: dir });
      expect({ code: bad.code, stderr: bad.stderr }).toEqual({ code: 2, stderr: expect.stringContaining(message) });
    }
  });
});
