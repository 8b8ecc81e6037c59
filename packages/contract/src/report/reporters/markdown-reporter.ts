/**
 * A Markdown summary for a pull request or a GitHub job summary ($GITHUB_STEP_SUMMARY): the
 * verdict in the heading, a table of operations by line, the coverage matrix, then each failure in
 * a collapsed `<details>` with its findings and the curl line that reproduces it. GitHub takes at
 * most 1 MiB of summary per step, so failures past a budget are counted instead of shown.
 */
import { apiOperations, operationKinds } from "@zcrm-attachments/types";
import { API_LINES, lineName } from "../../suite/line-defaults.js";
import { cellName, cellText, coverageHeadline, layoutCoverage } from "../coverage-table.js";
import type { Sink } from "../sink.js";
import type { Reporter, SessionResult, Verdict } from "../verdict.js";

/** Bytes the document may take: GitHub's 1 MiB per step, with room for what else the step writes. */
export const MARKDOWN_BUDGET = 900 * 1024;
const LISTED_CELLS = 200;

/** The Markdown report on a sink. */
export class MarkdownReporter implements Reporter {
  readonly #sink: Sink;

  constructor(sink: Sink) {
    this.#sink = sink;
  }

  /** Writes the document. */
  async finish(result: SessionResult): Promise<void> {
    this.#sink.write(markdownReport(result));
    await this.#sink.close();
  }
}

/** The Markdown document for a session's result. */
export function markdownReport(result: SessionResult, budget = MARKDOWN_BUDGET): string {
  const { totals, info } = result;
  const icon = result.exitCode === 0 ? "✅" : "❌";
  const counts = [`${totals.passed} passed`, `${totals.failed} failed`];
  if (totals.skipped > 0) counts.push(`${totals.skipped} skipped`);
  if (totals.errors > 0) counts.push(`${totals.errors} unreadable`);
  const parts = [`## ${icon} zcrm-contract ${info.command}: ${counts.join(", ")}`, "", text(info.title), ""];
  parts.push(...operationsTable(result.verdicts), "", ...coverage(result), "");
  const failures = result.verdicts.filter((v) => v.outcome === "failed" || v.outcome === "error");
  if (failures.length > 0) parts.push(`### Failures (${failures.length})`, "");
  let size = Buffer.byteLength(parts.join("\n"));
  for (const [i, verdict] of failures.entries()) {
    const block = details(verdict);
    size += Buffer.byteLength(block) + 1;
    if (size > budget) {
      parts.push(
        `…and ${failures.length - i} more, not shown here to stay within GitHub's summary size: see the JUnit or JSON report.`,
        "",
      );
      break;
    }
    parts.push(block);
  }
  return `${parts.join("\n")}\n`;
}

function operationsTable(verdicts: readonly Verdict[]): string[] {
  const kind = (v: Verdict) =>
    v.operationId
      ? (apiOperations as Record<string, { kind: string }>)[v.operationId]?.kind
      : v.group.startsWith("workflow")
        ? "workflow"
        : undefined;
  const judged = verdicts.filter((v) => v.outcome === "passed" || v.outcome === "failed");
  const cell = (name: string, line: string) => {
    const rows = judged.filter((v) => v.line === line && kind(v) === name);
    if (rows.length === 0) return "";
    const passed = rows.filter((v) => v.outcome === "passed").length;
    return `${passed === rows.length ? "✅" : "❌"} ${passed}/${rows.length}`;
  };
  const names = [...operationKinds, "workflow"].filter((name) => API_LINES.some((line) => cell(name, line) !== ""));
  if (names.length === 0) return [];
  return [
    `| operation | ${API_LINES.map(lineName).join(" | ")} |`,
    `|---|${API_LINES.map(() => "---").join("|")}|`,
    ...names.map((name) => `| ${name} | ${API_LINES.map((line) => cell(name, line)).join(" | ")} |`),
  ];
}

function coverage(result: SessionResult): string[] {
  const { statuses, rows } = layoutCoverage(result.coverage);
  const lines = [`### Coverage: ${text(coverageHeadline(result.coverage))}`, ""];
  if (result.coverageShortfall) lines.push(`**${text(result.coverageShortfall)}**`, "");
  lines.push(`| operation | ${statuses.join(" | ")} |`, `|---|${statuses.map(() => "---").join("|")}|`);
  for (const row of rows)
    lines.push(`| ${cell(row.operation)} | ${statuses.map((s) => cellText(row.cells.get(s))).join(" | ")} |`);
  lines.push(
    "",
    "Each cell: the status's documented Zoho codes held / documented; `!` one failed; `·` not documented.",
  );
  const open = result.coverage.cells.filter((c) => c.state !== "held");
  if (open.length > 0) {
    lines.push("", `<details><summary>${open.length} cells not held</summary>`, "");
    for (const c of open.slice(0, LISTED_CELLS))
      lines.push(`- ${c.state === "failed" ? "❌ failed" : "· never exercised"}: ${text(cellName(c))}`);
    if (open.length > LISTED_CELLS)
      lines.push(`- …and ${open.length - LISTED_CELLS} more (the JSON report has every cell)`);
    lines.push("", "</details>");
  }
  return lines;
}

function details(verdict: Verdict): string {
  const title = `${verdict.outcome === "error" ? "⚠️" : "❌"} ${verdict.group} › ${verdict.name}`;
  const lines = [`<details><summary>${html(title)}</summary>`, ""];
  for (const f of verdict.findings) {
    const where = [f.at ? `at ${code(f.at)}` : "", f.spec ? `spec ${code(f.spec)}` : ""].filter(Boolean).join(", ");
    lines.push(`- ${text(f.message)}${where ? ` (${where})` : ""}`);
  }
  for (const repro of verdict.repro) {
    const headers = Object.entries(repro.headers).map(([k, v]) => `${k}: ${v}`);
    lines.push("", fenced("sh", repro.curl), "", `→ ${repro.status}`, "", fenced("http", headers.join("\n")));
  }
  return [...lines, "", "</details>", ""].join("\n");
}

/** Text in a table cell or a paragraph: pipes and HTML kept literal. */
const text = (value: string) => html(value).replaceAll("|", "\\|");
const cell = text;
const html = (value: string) => value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
/** Inline code that survives backticks in the value. */
const code = (value: string) => (value.includes("`") ? `\`\` ${value} \`\`` : `\`${value}\``);

/** A fenced block whose fence is longer than any run of backticks inside it. */
function fenced(lang: string, body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}\n${body}\n${fence}`;
}
