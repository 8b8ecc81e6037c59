/**
 * The fuzz figures, counted from a run's results the way the reliability review counted them, and
 * printed as its table: one row per figure, one column per mock mode.
 */
import { ZOHO_SHAPED } from "./classify.js";
import type { FuzzRun } from "./fuzz-run.js";

/** The counts of one run. */
export interface Figures {
  sent: number;
  answered: number;
  unanswered: number;
  unansweredUnexpected: number;
  /** The unanswered cases per group, e.g. "random 221, length 7". */
  unansweredByGroup: string;
  zohoShaped: number;
  noJsonBody: number;
  control: number;
  storeFull: number;
  otherShapes: number;
  prismProblems: number;
  bug5xx: number;
  asked5xx: number;
  leaks: number;
  problems: string[];
  checks: string;
}

/** Counts what a run's answers were. */
export function figuresOf(run: FuzzRun): Figures {
  const count = (test: (r: FuzzRun["results"][number]) => boolean) => run.results.filter(test).length;
  const status = (r: FuzzRun["results"][number]) => r.answer.status ?? 0;
  return {
    sent: run.results.length,
    answered: count((r) => r.verdict !== "no-answer"),
    unanswered: count((r) => r.verdict === "no-answer"),
    unansweredUnexpected: count((r) => r.verdict === "no-answer" && r.fuzzCase.mayNotAnswer !== true),
    unansweredByGroup: byGroup(run.results.filter((r) => r.verdict === "no-answer")),
    zohoShaped: count((r) => ZOHO_SHAPED.has(r.verdict)),
    noJsonBody: count((r) => r.verdict === "file" || r.verdict === "no-body"),
    control: count((r) => r.verdict === "control"),
    storeFull: count((r) => r.verdict === "store-full"),
    otherShapes: count((r) => ["mock-problem", "other-json", "other-text", "empty-unlabelled"].includes(r.verdict)),
    prismProblems: count((r) => r.verdict === "prism-problem"),
    bug5xx: count((r) => status(r) >= 500 && r.fuzzCase.asks5xx !== true && r.verdict !== "store-full"),
    asked5xx: count((r) => status(r) >= 500 && r.fuzzCase.asks5xx === true),
    leaks: count((r) => r.problem === "leaks the mock's insides"),
    problems: run.results
      .filter((r) => r.problem !== undefined)
      .map((r) => `${r.fuzzCase.group} ${r.fuzzCase.name}: ${r.problem}`),
    checks: `${run.checks.ok}/${run.checks.total} OK`,
  };
}

function byGroup(results: FuzzRun["results"]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.fuzzCase.group, (counts.get(r.fuzzCase.group) ?? 0) + 1);
  return [...counts].map(([group, n]) => `${group} ${n}`).join(", ") || "none";
}

/** The share of answered API requests (control answers aside) that are Zoho-shaped, file bytes and bodiless answers aside. */
export function zohoShare(f: Figures): string {
  const judged = f.answered - f.control - f.noJsonBody;
  return judged === 0 ? "n/a" : `${((100 * f.zohoShaped) / judged).toFixed(1)}%`;
}

/** A Markdown table: the rows are the figures, the columns the named runs. */
export function table(columns: Record<string, Figures>, extra: [string, Record<string, string>][] = []): string {
  const names = Object.keys(columns);
  const rows: [string, (f: Figures) => string | number][] = [
    ["Hostile requests sent", (f) => f.sent],
    ["Answered with a status line", (f) => f.answered],
    ["Not answered (the mock waits for promised bytes, or the client's bytes broke the framing)", (f) => f.unanswered],
    ["… by group", (f) => f.unansweredByGroup],
    ["… of which the case expected an answer", (f) => f.unansweredUnexpected],
    [
      "Zoho-shaped body (`{code,details,message,status}`, `data[]`, accounts `{error}`/`{access_token}`)",
      (f) => f.zohoShaped,
    ],
    ["Correct answers with no JSON body (file bytes, 204, HEAD)", (f) => f.noJsonBody],
    ["Control API answers (its documented problem+json and JSON)", (f) => f.control],
    ["Zoho-shaped share of the other answered requests", zohoShare],
    ["Any other shape (mock problem+json on the API, other JSON or text, unlabelled empty)", (f) => f.otherShapes],
    ["Prism problem+json", (f) => f.prismProblems],
    ["5xx nobody asked for", (f) => f.bug5xx],
    ["5xx asked for (Prefer/__code 5xx, unavailable fault)", (f) => f.asked5xx],
    ["Bodies or headers with exception text or a stack", (f) => f.leaks],
    ["Valid call after every batch", (f) => f.checks],
  ];
  const lines = [`| What was measured | ${names.join(" | ")} |`, `|---|${names.map(() => "---").join("|")}|`];
  for (const [label, value] of rows)
    lines.push(`| ${label} | ${names.map((n) => String(value(columns[n] as Figures))).join(" | ")} |`);
  for (const [label, values] of extra) lines.push(`| ${label} | ${names.map((n) => values[n] ?? "").join(" | ")} |`);
  return lines.join("\n");
}
