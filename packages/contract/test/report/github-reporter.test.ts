/**
 * GitHub's workflow commands, exactly: escaping of data and properties, one annotation per
 * failure up to the number GitHub shows, the rest counted, and a notice with the totals.
 */
import { describe, expect, it } from "vitest";
import {
  escapeData,
  escapeProperty,
  GithubReporter,
  SHOWN_ERRORS,
  workflowCommand,
} from "../../src/report/reporters/github-reporter.js";
import { memorySink, resultOf, verdict } from "../helpers/report-fixtures.js";

/** The grammar of a workflow command line with properties. */
const COMMAND = /^::(error|warning|notice)( [a-z]+=[^,:\r\n]*(,[a-z]+=[^,:\r\n]*)*)?::[^\r\n]*$/;

describe("workflow commands", () => {
  it("escapes %, CR and LF in data, and : and , in properties too", () => {
    expect(escapeData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeProperty("a: b, 100%\n")).toBe("a%3A b%2C 100%25%0A");
    expect(workflowCommand("error", { file: "traffic.har", title: "x: y, z" }, "line one\nline two")).toBe(
      "::error file=traffic.har,title=x%3A y%2C z::line one%0Aline two\n",
    );
    expect(workflowCommand("notice", { title: undefined }, "plain")).toBe("::notice::plain\n");
  });

  it("annotates each failure with its findings and curl line, and points a recording's at its file", async () => {
    const sink = memorySink();
    const reporter = new GithubReporter(sink, { cwd: "/repo/traffic", workspace: "/repo" });
    reporter.verdict(verdict({ name: "passes", outcome: "passed" }));
    reporter.verdict(
      verdict({
        kind: "exchange",
        name: "t.har entry 2",
        source: "t.har",
        outcome: "failed",
        findings: [{ message: "body/data/0/id must be string", spec: "#/components/schemas/RecordId/type" }],
        repro: [
          {
            curl: "curl -X GET 'https://www.zohoapis.com/crm/v8/Leads/1/Attachments?fields=id,Owner'",
            status: 200,
            headers: {},
          },
        ],
      }),
    );
    await reporter.finish(resultOf([verdict({ name: "x", outcome: "failed" })]));
    const lines = sink.text().trimEnd().split("\n");
    for (const line of lines) expect(line).toMatch(COMMAND);
    expect(lines[0]).toBe(
      "::error file=traffic/t.har,title=zcrm-contract%3A listAttachments (v8 line) › t.har entry 2::body/data/0/id must be string (spec #/components/schemas/RecordId/type)%0Acurl -X GET 'https://www.zohoapis.com/crm/v8/Leads/1/Attachments?fields=id,Owner'",
    );
    expect(lines[1]).toMatch(
      /^::notice title=zcrm-contract run::0 passed, 1 failed, 0 skipped, 0 unreadable; coverage 0\.0%25 \(0\/\d+ cells\)$/,
    );
  });

  it("shows as many errors as GitHub does, counts the rest into one, and reports a coverage shortfall", async () => {
    const sink = memorySink();
    const reporter = new GithubReporter(sink);
    for (let i = 0; i < SHOWN_ERRORS + 5; i++)
      reporter.verdict(verdict({ name: `row ${i}`, outcome: "failed", findings: [{ message: "m" }] }));
    await reporter.finish(resultOf([], { coverageShortfall: "coverage 50.0% is below --min-coverage 100" }));
    const errors = sink
      .text()
      .split("\n")
      .filter((l) => l.startsWith("::error"));
    expect(errors).toHaveLength(SHOWN_ERRORS + 2);
    expect(errors.length).toBeLessThanOrEqual(10);
    expect(errors.at(-2)).toBe(
      "::error title=zcrm-contract::5 more failures, not annotated one by one: see the job's log or the report",
    );
    expect(errors.at(-1)).toBe("::error title=zcrm-contract coverage::coverage 50.0%25 is below --min-coverage 100");
  });
});
