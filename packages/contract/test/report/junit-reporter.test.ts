/**
 * The JUnit report, read back with a real XML parser: the counts, one suite per operation and
 * line, one case per verdict with unique names, failures whose text reproduces them, and text
 * that XML cannot hold removed rather than breaking the file.
 */
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { JunitReporter, junitReport } from "../../src/report/reporters/junit-reporter.js";
import { memorySink, resultOf, verdict } from "../helpers/report-fixtures.js";

const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => ["testsuite", "testcase"].includes(name),
  }).parse(xml);

const failing = verdict({
  name: "documented 500 <internalError> & more",
  outcome: "failed",
  findings: [
    {
      message: 'body/code must be string \u0000\u001b"quoted"',
      kind: "invalid-body",
      at: "/code",
      spec: "#/components/schemas/Error/properties/code/type",
    },
    { message: "status 500, expected 200" },
  ],
  repro: [
    {
      curl: "curl -X GET https://x.example/crm/v8/Leads/1/Attachments?fields=id",
      status: 500,
      headers: { "content-type": "application/json" },
    },
  ],
});

describe("junitReport", () => {
  it("counts, groups and names the cases, and holds each failure's repro in its text", () => {
    const result = resultOf([
      verdict({ name: "lists a record's attachments", outcome: "passed", source: "mock" }),
      verdict({ name: "lists a record's attachments", outcome: "passed", source: "stateful" }),
      failing,
      verdict({ name: "excluded one", outcome: "skipped", findings: [{ message: "left out by --exclude" }] }),
      verdict({
        group: "(unreadable)",
        kind: "exchange",
        name: "t.har entry 2",
        outcome: "error",
        source: "t.har",
        findings: [{ message: "request.url is not absolute" }],
      }),
    ]);
    const xml = junitReport(result);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const doc = parse(xml);
    expect(doc.testsuites).toMatchObject({
      name: "zcrm-contract run",
      tests: "5",
      failures: "1",
      errors: "1",
      time: "1.234",
    });
    // Jenkins' schema allows no more attributes on testsuites.
    expect(
      Object.keys(doc.testsuites)
        .filter((k) => k !== "testsuite")
        .sort(),
    ).toEqual(["errors", "failures", "name", "tests", "time"]);
    const [list, unreadable] = doc.testsuites.testsuite;
    expect(list).toMatchObject({
      name: "listAttachments (v8 line)",
      tests: "4",
      failures: "1",
      errors: "0",
      skipped: "1",
      timestamp: "2026-01-02T03:04:05",
    });
    expect(list.testcase.map((c: { name: string }) => c.name)).toEqual([
      "lists a record's attachments [mock]",
      "lists a record's attachments [stateful]",
      "documented 500 <internalError> & more",
      "excluded one",
    ]);
    expect(list.testcase[0]).toMatchObject({ classname: "listAttachments (v8 line)", time: "0.013" });
    const failure = list.testcase[2].failure;
    expect(failure).toMatchObject({ type: "invalid-body", message: 'body/code must be string "quoted"' });
    expect(failure["#text"]).toContain("(at /code, spec #/components/schemas/Error/properties/code/type)");
    expect(failure["#text"]).toContain("curl -X GET https://x.example/crm/v8/Leads/1/Attachments?fields=id");
    expect(failure["#text"]).toContain("→ 500");
    expect(list.testcase[3].skipped).toMatchObject({ message: "left out by --exclude" });
    expect(unreadable.testcase[0]).toMatchObject({
      file: "t.har",
      error: { type: "unreadable", message: "request.url is not absolute" },
    });
    expect(xml).not.toMatch(/[\u0000\u001b]/);
  });

  it("adds a coverage case when a minimum was asked for, failing below it", () => {
    const held = parse(junitReport(resultOf([], { minCoverage: 50 })));
    expect(held.testsuites.testsuite[0].testcase[0]).toEqual({
      classname: "coverage",
      name: "at least 50% of the documented cells held",
      time: "0.000",
    });
    const short = parse(
      junitReport(resultOf([], { minCoverage: 100, coverageShortfall: "coverage 0.0% is below --min-coverage 100" })),
    );
    expect(short.testsuites).toMatchObject({ failures: "1", tests: "1" });
    expect(short.testsuites.testsuite[0].testcase[0].failure).toMatchObject({
      type: "coverage",
      message: "coverage 0.0% is below --min-coverage 100",
    });
  });

  it("writes the document to its sink and closes it", async () => {
    const sink = memorySink();
    await new JunitReporter(sink).finish(resultOf([failing]));
    expect(sink.closed).toBe(true);
    expect(parse(sink.text()).testsuites.failures).toBe("1");
  });
});
