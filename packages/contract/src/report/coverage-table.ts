/**
 * The coverage matrix laid out for reading: one row per operation, one column per documented
 * status, each cell "held/documented" over that status's codes. The text and Markdown reports both
 * print it; the cells that are not held are listed by name underneath, since a count alone does
 * not say what to add to a suite or a recording.
 */
import type { CoverageCell, CoverageSummary } from "./coverage.js";

/** One status of one operation: its codes' cells, counted. */
export interface StatusCell {
  held: number;
  failed: number;
  total: number;
}

/** The matrix as rows of operations and columns of statuses. */
export interface CoverageLayout {
  statuses: string[];
  rows: { operation: string; cells: Map<string, StatusCell> }[];
}

/** Lays the matrix out; statuses sorted as numbers, ranges and `default` last. */
export function layoutCoverage(summary: CoverageSummary): CoverageLayout {
  const rows = new Map<string, Map<string, StatusCell>>();
  const statuses = new Set<string>();
  for (const cell of summary.cells) {
    statuses.add(cell.status);
    const row = rows.get(cell.operation) ?? new Map<string, StatusCell>();
    const counted = row.get(cell.status) ?? { held: 0, failed: 0, total: 0 };
    counted.total++;
    if (cell.state === "held") counted.held++;
    if (cell.state === "failed") counted.failed++;
    row.set(cell.status, counted);
    rows.set(cell.operation, row);
  }
  const rank = (status: string) => (/^\d+$/.test(status) ? Number(status) : status === "default" ? 1000 : 999);
  return {
    statuses: [...statuses].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    rows: [...rows].map(([operation, cells]) => ({ operation, cells })),
  };
}

/** "held/total", with "!" when a cell of the status failed, or "·" for a status not documented. */
export function cellText(cell: StatusCell | undefined): string {
  if (!cell) return "·";
  return `${cell.held}/${cell.total}${cell.failed > 0 ? "!" : ""}`;
}

/** One line for the matrix as a whole: "412 of 412 documented cells held (100.0%)". */
export function coverageHeadline(summary: CoverageSummary): string {
  const rest = [
    summary.failed > 0 ? `${summary.failed} failed` : "",
    summary.never > 0 ? `${summary.never} never exercised` : "",
  ].filter(Boolean);
  return `${summary.held} of ${summary.total} documented cells held (${summary.percent.toFixed(1)}%)${rest.length > 0 ? `, ${rest.join(", ")}` : ""}`;
}

/** A cell named in words: "listAttachments (v8 line) 400 REQUIRED_PARAM_MISSING". */
export function cellName(cell: CoverageCell): string {
  return `${cell.operation} ${cell.status}${cell.code === null ? "" : ` ${cell.code}`}`;
}

/** The text table of the matrix, with its legend. */
export function coverageTable(summary: CoverageSummary): string[] {
  const { statuses, rows } = layoutCoverage(summary);
  const first = Math.max("coverage".length, ...rows.map((r) => r.operation.length));
  const widths = statuses.map((s) => Math.max(s.length, ...rows.map((r) => cellText(r.cells.get(s)).length)));
  const line = (head: string, cells: string[]) =>
    [head.padEnd(first), ...cells.map((c, i) => c.padEnd(widths[i] ?? 0))].join("  ").trimEnd();
  return [
    line("coverage", statuses),
    ...rows.map((r) =>
      line(
        r.operation,
        statuses.map((s) => cellText(r.cells.get(s))),
      ),
    ),
    "(per status: documented codes held / documented; ! a cell failed; · not documented)",
  ];
}
