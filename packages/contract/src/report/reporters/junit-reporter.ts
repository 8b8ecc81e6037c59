/**
 * The JUnit XML report that CI systems read (GitLab's unit test reports, Jenkins' junit step,
 * GitHub Actions through a test-report action). It keeps to what all three accept: `<testsuites>`
 * with only name/tests/failures/errors/time (Jenkins' xUnit schema allows no more there), one
 * `<testsuite>` per operation × line, one `<testcase>` per row or exchange with classname, name
 * and time in seconds, and `<failure>`/`<error>`/`<skipped>` whose text holds what reproduces the
 * failure, since GitLab shows an element's text and ignores its message. Case names are unique
 * within their suite (GitLab keeps only the first of two alike), and stable from run to run so
 * branches can be compared. The XML is written here by hand: four elements, escaped, with the
 * characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates) removed, since a
 * recorded body may carry anything and one bad character makes CI systems drop the whole file.
 */
import type { Sink } from "../sink.js";
import type { Reporter, SessionResult, Verdict } from "../verdict.js";

/** The JUnit report on a sink. */
export class JunitReporter implements Reporter {
  readonly #sink: Sink;

  constructor(sink: Sink) {
    this.#sink = sink;
  }

  /** Writes the document. */
  async finish(result: SessionResult): Promise<void> {
    this.#sink.write(junitReport(result));
    await this.#sink.close();
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** The JUnit XML document for a session's result. */
export function junitReport(result: SessionResult): string {
  const groups = new Map<string, Verdict[]>();
  for (const verdict of result.verdicts) groups.set(verdict.group, [...(groups.get(verdict.group) ?? []), verdict]);
  const timestamp = result.info.startedAt.toISOString().replace(/\.\d+Z$/, "");
  const suites = [...groups].map(([group, verdicts]) => suite(group, verdicts, timestamp));
  if (result.minCoverage !== undefined) suites.push(coverageSuite(result, timestamp));
  const count = (outcome: Verdict["outcome"]) => result.verdicts.filter((v) => v.outcome === outcome).length;
  const coverageFailed = result.coverageShortfall ? 1 : 0;
  const head = openTag("testsuites", {
    name: `zcrm-contract ${result.info.command}`,
    tests: result.verdicts.length + (result.minCoverage !== undefined ? 1 : 0),
    failures: count("failed") + coverageFailed,
    errors: count("error"),
    time: seconds(result.durationMs),
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}>\n${suites.join("")}</testsuites>\n`;
}

function suite(group: string, verdicts: Verdict[], timestamp: string): string {
  const names = uniqueNames(verdicts);
  const count = (outcome: Verdict["outcome"]) => verdicts.filter((v) => v.outcome === outcome).length;
  const head = openTag("testsuite", {
    name: group,
    tests: verdicts.length,
    failures: count("failed"),
    errors: count("error"),
    skipped: count("skipped"),
    time: seconds(verdicts.reduce((sum, v) => sum + v.durationMs, 0)),
    timestamp,
  });
  const cases = verdicts.map((verdict, i) => testcase(verdict, group, names[i] as string));
  return `  ${head}>\n${cases.join("")}  </testsuite>\n`;
}

function testcase(verdict: Verdict, group: string, name: string): string {
  const head = openTag("testcase", {
    classname: group,
    name,
    time: seconds(verdict.durationMs),
    file: verdict.kind === "exchange" ? verdict.source : undefined,
  });
  const first = verdict.findings[0]?.message ?? "";
  if (verdict.outcome === "passed") return `    ${head}/>\n`;
  if (verdict.outcome === "skipped")
    return `    ${head}>\n      ${openTag("skipped", { message: first })}/>\n    </testcase>\n`;
  const element = verdict.outcome === "error" ? "error" : "failure";
  const type = verdict.outcome === "error" ? "unreadable" : (verdict.findings[0]?.kind ?? "contract");
  const body = xmlText(failureText(verdict));
  return `    ${head}>\n      ${openTag(element, { message: first, type })}>${body}</${element}>\n    </testcase>\n`;
}

/** Every finding with where it is, then each exchange's curl line and answer. */
function failureText(verdict: Verdict): string {
  const lines = verdict.findings.map((f) => {
    const where = [f.at ? `at ${f.at}` : "", f.spec ? `spec ${f.spec}` : ""].filter(Boolean).join(", ");
    return `${f.message}${where ? ` (${where})` : ""}`;
  });
  for (const repro of verdict.repro) {
    lines.push("", repro.curl, `→ ${repro.status}`);
    for (const [header, value] of Object.entries(repro.headers)) lines.push(`${header}: ${value}`);
  }
  return lines.join("\n");
}

function coverageSuite(result: SessionResult, timestamp: string): string {
  const failed = result.coverageShortfall !== undefined;
  const head = openTag("testsuite", {
    name: "coverage",
    tests: 1,
    failures: failed ? 1 : 0,
    errors: 0,
    skipped: 0,
    time: "0.000",
    timestamp,
  });
  const name = `at least ${result.minCoverage}% of the documented cells held`;
  const testcaseHead = openTag("testcase", { classname: "coverage", name, time: "0.000" });
  if (!failed) return `  ${head}>\n    ${testcaseHead}/>\n  </testsuite>\n`;
  const never = result.coverage.cells
    .filter((c) => c.state !== "held")
    .map((c) => `${c.state}: ${c.operation} ${c.status} ${c.code ?? ""}`.trimEnd());
  const failure = `${openTag("failure", { message: result.coverageShortfall, type: "coverage" })}>${xmlText(never.join("\n"))}</failure>`;
  return `  ${head}>\n    ${testcaseHead}>\n      ${failure}\n    </testcase>\n  </testsuite>\n`;
}

/** Names unique within a suite: a name run on several targets gets its target, then a number. */
function uniqueNames(verdicts: Verdict[]): string[] {
  const tally = (names: string[]) => {
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    return counts;
  };
  const plain = tally(verdicts.map((v) => v.name));
  const tagged = verdicts.map((v) => ((plain.get(v.name) ?? 0) > 1 && v.source ? `${v.name} [${v.source}]` : v.name));
  const counts = tally(tagged);
  const seen = new Map<string, number>();
  return tagged.map((name) => {
    if (counts.get(name) === 1) return name;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name} #${n}`;
  });
}

/** Characters XML 1.0 does not allow anywhere, even escaped. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content, escaped. */
function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** An attribute value, escaped; line breaks and tabs kept as character references so parsers keep them. */
function xmlAttribute(value: string | number): string {
  return xmlText(String(value))
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;")
    .replaceAll("\t", "&#9;");
}

/** `<name a="1" b="2"` for the attributes that have a value. */
function openTag(name: string, attributes: Record<string, string | number | undefined>): string {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`);
  return `<${name}${written.join("")}`;
}
