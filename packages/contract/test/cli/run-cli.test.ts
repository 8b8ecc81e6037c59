/**
 * `zcrm-contract run` as CI runs it: the built bin against the embedded mocks and against servers
 * the test controls. Rows are printed as they finish, the reports are readable by CI tools and hold
 * no token, coverage on the embedded mocks is complete, and --min-coverage holds the line.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin, startBin } from "../helpers/bin.js";

const SECRET = "1000.run-sentinel-secret-token";
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (n) => n === "testsuite" || n === "testcase",
});
type Case = { name: string; classname: string; failure?: { "#text": string; message: string }; skipped?: object };
const casesOf = (doc: { testsuites: { testsuite: { testcase: Case[] }[] } }) =>
  doc.testsuites.testsuite.flatMap((s) => s.testcase);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zcrm-run-cli-"));
});

describe("zcrm-contract run, usage", () => {
  it("has --help with examples, and exits 2 for a server it cannot reach", async () => {
    const help = await runBin(["run", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      "$ zcrm-contract run --reporter junit=reports/contract.xml --reporter markdown=reports/contract.md",
    );
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const closed = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const unreachable = await runBin(["run", "--base-url", closed, "--token", SECRET, "--record-id", "1"]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain(`zcrm-contract: cannot reach ${closed}: ECONNREFUSED`);
    expect(unreachable.stdout + unreachable.stderr).not.toContain(SECRET);
  });
});

describe("zcrm-contract run on the embedded mocks", () => {
  it("holds every row and every documented cell, and writes the reports CI asks for", {
    timeout: 300_000,
  }, async () => {
    const out = await runBin(
      [
        "run",
        "--reporter",
        "junit=reports/run.xml",
        "--reporter",
        "markdown=reports/run.md",
        "--reporter",
        "json=reports/run.json",
        "--min-coverage",
        "100",
      ],
      { cwd: dir },
    );
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const total = Number(/^(\d+) passed, 0 failed$/m.exec(out.stdout)?.[1]);
    expect(out.stdout).toMatch(/^Coverage: (\d+) of \1 documented cells held \(100\.0%\)$/m);
    expect(out.stdout).toMatch(/^listAttachments \(v8 line\) +1\/1 +· +1\/1 +· +1\/1 +5\/5 +3\/3 /m);
    const junit = xml.parse(await readFile(join(dir, "reports/run.xml"), "utf8"));
    expect(junit.testsuites).toMatchObject({
      name: "zcrm-contract run",
      tests: String(total + 1),
      failures: "0",
      errors: "0",
    });
    const cases = casesOf(junit);
    expect(new Set(cases.map((c) => `${c.classname}\n${c.name}`)).size).toBe(cases.length);
    expect(cases.at(-1)).toMatchObject({ classname: "coverage", name: "at least 100% of the documented cells held" });
    const md = await readFile(join(dir, "reports/run.md"), "utf8");
    expect(md.split("\n")[0]).toBe(`## ✅ zcrm-contract run: ${total} passed, 0 failed`);
    const json = JSON.parse(await readFile(join(dir, "reports/run.json"), "utf8"));
    expect(json).toMatchObject({
      exitCode: 0,
      totals: { passed: total, failed: 0 },
      coverage: { percent: 100, never: 0, minCoverage: 100 },
    });
  });

  it("fails --min-coverage 100 when documented cases are left out, naming the cells no row reached", {
    timeout: 300_000,
  }, async () => {
    const out = await runBin(
      ["run", "--exclude", "documented 500", "--min-coverage", "100", "--reporter", "junit=reports/short.xml"],
      { cwd: dir },
    );
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^\d+ passed, 0 failed, 16 skipped/m);
    expect(out.stdout).toContain("  · listAttachments (v8 line) 500 INTERNAL_ERROR: never exercised");
    expect(out.stdout).toMatch(
      /^coverage 9\d\.\d% is below --min-coverage 100: 16 of \d+ documented cells never exercised, 0 failed$/m,
    );
    const cases = casesOf(xml.parse(await readFile(join(dir, "reports/short.xml"), "utf8")));
    expect(cases.filter((c) => c.skipped)).toHaveLength(16);
    expect(cases.find((c) => c.classname === "coverage")?.failure?.["#text"]).toContain(
      "never: listAttachments (v8 line) 500 INTERNAL_ERROR",
    );
  });
});

describe("zcrm-contract run against a server that departs from the contract", () => {
  let server: Server;
  let url: string;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let apiRequests = 0;

  beforeAll(async () => {
    // Answers anything to the reachability check; holds its second API request until released;
    // and echoes the token back into a header and the body of every answer.
    server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      if (!req.url?.startsWith("/crm/")) return res.end("up");
      if (++apiRequests === 2) await released;
      res.writeHead(200, { "content-type": "application/json", "x-echo": String(req.headers.authorization) });
      res.end(JSON.stringify({ data: [{ id: 1, echo: req.headers.authorization }], info: {} }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    release();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("prints rows as they finish, fails with a JUnit file naming the failing cases, and no report holds the token", {
    timeout: 300_000,
  }, async () => {
    const run = startBin(
      [
        "run",
        "--base-url",
        url,
        "--token",
        SECRET,
        "--record-id",
        "1000000231009",
        "--reporter",
        "junit=reports/bad.xml",
        "--reporter",
        "markdown=reports/bad.md",
        "--reporter",
        "json=reports/bad.json",
        "--reporter",
        "github",
      ],
      { cwd: dir },
    );
    // While the server holds the second row's request, the first row's line must already be out.
    // Both waits are bounded (a poll count, not a clock), and the run goes on either way.
    let printedWhileHeld = false;
    for (let i = 0; i < 1200 && apiRequests < 2; i++) await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 200 && !printedWhileHeld; i++) {
      printedWhileHeld = /^ {2}✗ lists a record's attachments \[200\]$/m.test(run.output());
      if (!printedWhileHeld) await new Promise((r) => setTimeout(r, 50));
    }
    const heldStill = apiRequests === 2;
    release();
    const out = await run.done;
    expect(heldStill).toBe(true);
    expect(printedWhileHeld).toBe(true);
    expect(out.code).toBe(1);
    const cases = casesOf(xml.parse(await readFile(join(dir, "reports/bad.xml"), "utf8")));
    const failing = cases.filter((c) => c.failure);
    expect(failing.length).toBeGreaterThan(100);
    expect(failing[0]).toMatchObject({
      classname: "listAttachmentsV2 (v2 line)",
      name: "lists a record's attachments",
    });
    expect(failing[0]?.failure?.["#text"]).toContain(
      `curl -X GET ${url}/crm/v2/Leads/1000000231009/Attachments -H 'authorization: Zoho-oauthtoken [redacted]'`,
    );
    expect(out.stdout).toMatch(
      /^::error title=zcrm-contract%3A listAttachmentsV2 \(v2 line\) › lists a record's attachments::/m,
    );
    for (const name of ["bad.xml", "bad.md", "bad.json"])
      expect(await readFile(join(dir, "reports", name), "utf8")).not.toContain(SECRET);
    expect(out.stdout + out.stderr).not.toContain(SECRET);
  });
});
