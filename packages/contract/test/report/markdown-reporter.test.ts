/**
 * The Markdown summary: its heading says the verdict, its tables hold, failures fold into
 * <details> with their curl lines, text cannot break the table or the HTML, and the document stays
 * within the budget GitHub gives a job summary.
 */
import { describe, expect, it } from "vitest";
import { markdownReport } from "../../src/report/reporters/markdown-reporter.js";
import { resultOf, verdict } from "../helpers/report-fixtures.js";

const failed = (i: number) =>
  verdict({
    name: `row <${i}> | piped`,
    outcome: "failed",
    findings: [{ message: "body/id must be string", at: "/id", spec: "#/components/schemas/RecordId/type" }],
    repro: [
      {
        curl: "curl -X GET 'https://www.zohoapis.com/crm/v8/Leads/1/Attachments?fields=id'  # ```",
        status: 200,
        headers: { "content-type": "application/json" },
      },
    ],
  });

describe("markdownReport", () => {
  it("heads with the verdict, tables operations by line and coverage, and folds each failure", () => {
    const md = markdownReport(resultOf([verdict({ name: "ok", outcome: "passed" }), failed(1)]));
    expect(md.split("\n")[0]).toBe("## ❌ zcrm-contract run: 1 passed, 1 failed");
    expect(md).toContain("| operation | v2 line | v8 line |\n|---|---|---|\n| listAttachments |  | ❌ 1/2 |");
    expect(md).toMatch(/### Coverage: 0 of \d+ documented cells held \(0\.0%\), \d+ never exercised/);
    expect(md).toContain("| listAttachments (v8 line) | 0/1 | · | 0/1 |");
    expect(md).toContain("<details><summary>❌ listAttachments (v8 line) › row &lt;1&gt; | piped</summary>");
    expect(md).toContain("- body/id must be string (at `/id`, spec `#/components/schemas/RecordId/type`)");
    // The fence is longer than the backticks inside the curl line.
    expect(md).toContain(
      "````sh\ncurl -X GET 'https://www.zohoapis.com/crm/v8/Leads/1/Attachments?fields=id'  # ```\n````",
    );
  });

  it("says a passing run passed, and names a coverage shortfall", () => {
    const md = markdownReport(
      resultOf([verdict({ name: "ok", outcome: "passed" })], {
        coverageShortfall: "coverage 1.0% is below --min-coverage 100",
        exitCode: 1,
      }),
    );
    expect(md.split("\n")[0]).toBe("## ❌ zcrm-contract run: 1 passed, 0 failed");
    expect(md).toContain("**coverage 1.0% is below --min-coverage 100**");
    expect(markdownReport(resultOf([verdict({ name: "ok", outcome: "passed" })])).split("\n")[0]).toBe(
      "## ✅ zcrm-contract run: 1 passed, 0 failed",
    );
  });

  it("stops adding failures at its budget and says how many it left out", () => {
    const many = Array.from({ length: 400 }, (_, i) => failed(i));
    const md = markdownReport(resultOf(many), 60_000);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(60_000);
    const shown = md.split("<details><summary>❌").length - 1;
    expect(shown).toBeGreaterThan(10);
    expect(md).toContain(`…and ${400 - shown} more, not shown here to stay within GitHub's summary size`);
  });
});
