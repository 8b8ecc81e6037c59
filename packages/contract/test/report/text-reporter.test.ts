/**
 * The text report: rows printed as they come, under their operation and with a tally when it
 * ends; on a terminal a progress line and the grouped report at the end; the totals last; and
 * colour only where the environment allows it.
 */
import { describe, expect, it } from "vitest";
import { TextReporter } from "../../src/report/reporters/text-reporter.js";
import { colorFor } from "../../src/report/sink.js";
import { memorySink, resultOf, verdict } from "../helpers/report-fixtures.js";

const rows = [
  verdict({ name: "lists", outcome: "passed", summary: "200" }),
  verdict({
    name: "documented 500",
    outcome: "failed",
    summary: "500",
    findings: [{ message: "contract: body/code must be string", at: "/code", spec: "#/x" }],
    repro: [{ curl: "curl -X GET https://x.example/a", status: 500, headers: { "content-type": "application/json" } }],
  }),
  verdict({ group: "workflow (v8 line)", operationId: undefined, name: "upload → … → list", outcome: "passed" }),
];
const info = resultOf([]).info;

describe("TextReporter", () => {
  it("prints each row as it comes, under its operation, with a tally when the operation ends", () => {
    const sink = memorySink();
    const reporter = new TextReporter(sink);
    reporter.start(info);
    reporter.verdict(rows[0]!);
    expect(sink.text()).toBe("Contract run against a test\n\nlistAttachments (v8 line)\n  ✓ lists [200]\n");
    reporter.verdict(rows[1]!);
    reporter.verdict(rows[2]!);
    expect(sink.text()).toContain(
      [
        "  ✗ documented 500 [500]",
        "      contract: body/code must be string  [at /code · spec #/x]",
        "      curl -X GET https://x.example/a",
        "      → 500  content-type: application/json",
        "listAttachments (v8 line): 1/2 passed",
        "",
        "workflow (v8 line)",
      ].join("\n"),
    );
  });

  it("ends with the table, the coverage and the totals as the last line", async () => {
    const sink = memorySink();
    const reporter = new TextReporter(sink);
    reporter.start(info);
    for (const row of rows) reporter.verdict(row);
    await reporter.finish(resultOf(rows));
    const lines = sink.text().trimEnd().split("\n");
    expect(lines).toContain("workflow (v8 line): 1/1 passed");
    expect(lines.find((l) => /^listAttachments +-/.test(l))).toMatch(/^listAttachments +- +1\/2$/);
    expect(lines.find((l) => l.startsWith("Coverage: "))).toMatch(
      /^Coverage: 0 of \d+ documented cells held \(0\.0%\)/,
    );
    expect(lines.at(-1)).toBe("2 passed, 1 failed");
    expect(sink.closed).toBe(true);
  });

  it("on a terminal shows progress while rows run, then the grouped report", async () => {
    const sink = memorySink(true);
    const reporter = new TextReporter(sink);
    reporter.start({ ...info, expected: 3 });
    reporter.verdict(rows[0]!);
    expect(sink.text()).toContain("\r\x1b[2K1/3  listAttachments (v8 line) › lists");
    reporter.verdict(rows[1]!);
    expect(sink.text()).not.toContain("  ✓ lists [200]");
    await reporter.finish(resultOf(rows.slice(0, 2)));
    expect(sink.text()).toContain("listAttachments (v8 line): 1/2 passed\n  ✓ lists [200]\n  ✗ documented 500 [500]");
  });
});

describe("colorFor", () => {
  it("colours a terminal unless NO_COLOR, never a pipe unless FORCE_COLOR", () => {
    expect(colorFor(true, { env: {} })).toBe(true);
    expect(colorFor(true, { env: { NO_COLOR: "1" } })).toBe(false);
    expect(colorFor(true, { env: {}, disabled: true })).toBe(false);
    expect(colorFor(true, { env: { TERM: "dumb" } })).toBe(false);
    expect(colorFor(false, { env: { CI: "true" } })).toBe(false);
    expect(colorFor(false, { env: { FORCE_COLOR: "1" } })).toBe(true);
    expect(colorFor(false, { env: { FORCE_COLOR: "0" } })).toBe(false);
    expect(colorFor(false, { env: { FORCE_COLOR: "1", NO_COLOR: "1" } })).toBe(false);
  });
});
