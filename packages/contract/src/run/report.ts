/**
 * Prints a contract run: a table of every operation by line, then each row with its answer and,
 * for a failed row, every reason.
 */

import { apiOperations, operationKinds } from "@zcrm-attachments/types";
import type { CaseResult } from "../suite/case-types.js";
import { API_LINES, lineName } from "../suite/line-defaults.js";
import { type Exchange, headerValue } from "../validator/exchange.js";
import { isJsonMediaType } from "../validator/media-type.js";

/** Renders results as a per-operation summary table followed by the rows grouped by operation and line. */
export function formatReport(results: CaseResult[], target: string): string {
  const lines: string[] = [`Contract run against ${target}`, "", ...summaryTable(results), ""];
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
      const answer = r.exchange ? ` [${describeAnswer(r)}]` : "";
      lines.push(`  ${r.passed ? "✓" : "✗"} ${r.case.name}${answer}`);
      for (const failure of r.failures) lines.push(`      ${failure}`);
    }
    lines.push("");
  }
  const failed = results.filter((r) => !r.passed).length;
  lines.push(`${results.length - failed} passed, ${failed} failed`);
  return lines.join("\n");
}

/** Passed/run per operation (rows) and line (columns); "-" where no row ran. */
function summaryTable(results: CaseResult[]): string[] {
  const names: string[] = [...operationKinds, "workflow"];
  const cell = (name: string, line: string) => {
    const rows = results.filter((r) => r.case.line === line && kindOf(r.case.operationId) === name);
    return rows.length === 0 ? "-" : `${rows.filter((r) => r.passed).length}/${rows.length}`;
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

/** The operation kind a row judges (`uploadAttachmentV2` → uploadAttachment); workflow rows are their own. */
function kindOf(operationId: string): string {
  return (apiOperations as Record<string, { kind: string }>)[operationId]?.kind ?? operationId;
}

/** The status of the row's last answer; for a file, its size too; for a workflow, how many requests it took. */
function describeAnswer(result: CaseResult): string {
  const exchange = result.exchange as Exchange;
  const parts = [String(exchange.response.status)];
  const received = exchange.response.received;
  const type = headerValue(exchange.response.headers, "content-type") ?? "";
  if (received?.complete && !isJsonMediaType(type)) parts.push(`${received.bytes} bytes`);
  if (result.exchanges.length > 1) parts.push(`${result.exchanges.length} requests`);
  return parts.join(", ");
}
