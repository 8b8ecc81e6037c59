/**
 * The lines the text report is made of: a row with its answer, failures with where they are in
 * the exchange and in the spec and the curl line that reproduces them, an exchange of a recording,
 * and the table of every operation by line. Shared by the streaming report (rows as they finish)
 * and the grouped one printed at the end on a terminal.
 */
import { apiOperations, operationKinds } from "@zcrm-attachments/types";
import pc from "picocolors";
import type { CaseResult } from "../../suite/case-types.js";
import { API_LINES, lineName } from "../../suite/line-defaults.js";
import type { Finding, Repro, Verdict } from "../verdict.js";
import { rowVerdict } from "../verdicts.js";

/** Colour functions, or plain ones when the sink takes no colour. */
export type Paint = ReturnType<typeof pc.createColors>;

/** The colours for a sink. */
export function paint(color: boolean): Paint {
  return pc.createColors(color);
}

const MARK = { passed: "✓", failed: "✗", skipped: "-", error: "!" } as const;

/** The mark of an outcome, coloured. */
export function mark(verdict: Verdict, p: Paint): string {
  const colour = { passed: p.green, failed: p.red, skipped: p.dim, error: p.yellow }[verdict.outcome];
  return colour(MARK[verdict.outcome]);
}

/** A row as the run report prints it: `  ✓ name [answer]`, then its findings and repro when it failed. */
export function rowLines(verdict: Verdict, p: Paint): string[] {
  const answer = verdict.summary ? ` [${verdict.summary}]` : "";
  const lines = [`  ${mark(verdict, p)} ${verdict.name}${answer}`];
  if (verdict.outcome === "skipped") return [...lines, ...verdict.findings.map((f) => `      ${p.dim(f.message)}`)];
  for (const finding of verdict.findings) lines.push(`      ${findingText(finding, p)}`);
  for (const repro of verdict.repro) lines.push(...reproLines(repro, "      ", p));
  return lines;
}

/** A recorded exchange as `validate` prints it, with its findings and repro when it failed. */
export function exchangeLines(verdict: Verdict, p: Paint): string[] {
  const head = `${mark(verdict, p)} ${verdict.name}: ${verdict.summary ?? ""}`;
  if (verdict.outcome === "passed") return [`${head} conforms to ${verdict.operation}`, ...notes(verdict, p)];
  if (verdict.outcome === "skipped") return [p.dim(`${head} skipped: ${verdict.findings[0]?.message ?? ""}`)];
  if (verdict.outcome === "error")
    return [`${mark(verdict, p)} ${verdict.name}: ${verdict.findings[0]?.message ?? ""}`];
  const lines = [`${head}${verdict.operation ? ` (${verdict.operation})` : ""}`];
  for (const finding of verdict.findings) lines.push(`    - ${findingText(finding, p)}`);
  for (const repro of verdict.repro) lines.push(...reproLines(repro, "    ", p));
  return [...lines, ...notes(verdict, p)];
}

/** A finding with where it is: `body/data/0/id must be string  [at /data/0/id · spec #/…]`. */
export function findingText(finding: Finding, p: Paint): string {
  const where = [finding.at ? `at ${finding.at}` : "", finding.spec ? `spec ${finding.spec}` : ""].filter(Boolean);
  return where.length > 0 ? `${finding.message}  ${p.dim(`[${where.join(" · ")}]`)}` : finding.message;
}

/** The curl line of an exchange and what it got. */
export function reproLines(repro: Repro, indent: string, p: Paint): string[] {
  const headers = Object.entries(repro.headers).map(([name, value]) => `${name}: ${value}`);
  return [
    `${indent}${p.cyan(repro.curl)}`,
    `${indent}${p.dim(`→ ${repro.status}${headers.length > 0 ? `  ${headers.join("; ")}` : ""}`)}`,
  ];
}

function notes(verdict: Verdict, p: Paint): string[] {
  return verdict.notes.map((note) => `    ${p.dim(`note: ${note}`)}`);
}

/** `listAttachments (v8 line): 43/43 passed` for the group's verdicts. */
export function groupTally(group: string, verdicts: readonly Verdict[]): string {
  const judged = verdicts.filter((v) => v.outcome !== "skipped");
  return `${group}: ${judged.filter((v) => v.outcome === "passed").length}/${judged.length} passed`;
}

/** Passed/run per operation (rows) and line (columns); "-" where no row ran. */
export function summaryTable(verdicts: readonly Verdict[]): string[] {
  const names: string[] = [...operationKinds, "workflow"];
  const cell = (name: string, line: string) => {
    const rows = verdicts.filter((v) => v.line === line && v.outcome !== "skipped" && kindOf(v) === name);
    return rows.length === 0 ? "-" : `${rows.filter((v) => v.outcome === "passed").length}/${rows.length}`;
  };
  const width = Math.max(...names.map((n) => n.length));
  // Every column but the last is padded; trimEnd drops the last one's padding again.
  const row = (first: string, cells: string[]) =>
    [first.padEnd(width), ...cells.map((c) => c.padEnd(9))].join("  ").trimEnd();
  return [
    row("operation", API_LINES.map(lineName)),
    ...names.map((name) =>
      row(
        name,
        API_LINES.map((line) => cell(name, line)),
      ),
    ),
  ];
}

/** The operation kind of a verdict (`uploadAttachmentV2` → uploadAttachment); workflow rows are their own. */
function kindOf(verdict: Verdict): string | undefined {
  if (verdict.operationId === undefined) return verdict.group.startsWith("workflow") ? "workflow" : undefined;
  return (apiOperations as Record<string, { kind: string }>)[verdict.operationId]?.kind;
}

/** The rows grouped by operation and line, each group under its tally. */
export function groupedRows(verdicts: readonly Verdict[], p: Paint): string[] {
  const groups = new Map<string, Verdict[]>();
  for (const verdict of verdicts) groups.set(verdict.group, [...(groups.get(verdict.group) ?? []), verdict]);
  return [...groups].flatMap(([group, list]) => [groupTally(group, list), ...list.flatMap((v) => rowLines(v, p)), ""]);
}

/** Renders results as a per-operation summary table followed by the rows grouped by operation and line. */
export function formatReport(results: CaseResult[], target: string): string {
  const verdicts = results.map((result, i) => rowVerdict({ index: i + 1, name: result.case.name }, result));
  const plain = paint(false);
  const failed = results.filter((r) => !r.passed).length;
  return [
    `Contract run against ${target}`,
    "",
    ...summaryTable(verdicts),
    "",
    ...groupedRows(verdicts, plain),
    `${results.length - failed} passed, ${failed} failed`,
  ].join("\n");
}
