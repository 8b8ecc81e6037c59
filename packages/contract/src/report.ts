/**
 * Prints a contract run as a per-operation report.
 */
import type { CaseResult } from "./runner.js";

/** Renders results grouped by operation and line, with each failure's reasons. */
export function formatReport(results: CaseResult[], target: string): string {
  const lines: string[] = [`Contract run against ${target}`, ""];
  const groups = new Map<string, CaseResult[]>();
  for (const result of results) {
    const list = groups.get(result.case.operation) ?? [];
    list.push(result);
    groups.set(result.case.operation, list);
  }
  for (const [operation, list] of groups) {
    const passed = list.filter((r) => r.passed).length;
    lines.push(`${operation}: ${passed}/${list.length} passed`);
    for (const r of list) {
      const status = r.exchange ? ` [${r.exchange.response.status}]` : "";
      lines.push(`  ${r.passed ? "✓" : "✗"} ${r.case.name}${status}`);
      for (const failure of r.failures) lines.push(`      ${failure}`);
    }
    lines.push("");
  }
  const failed = results.filter((r) => !r.passed).length;
  lines.push(`${results.length - failed} passed, ${failed} failed`);
  return lines.join("\n");
}
