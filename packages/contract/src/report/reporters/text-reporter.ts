/**
 * The report for people. Verdicts are printed as they are made: a recording's exchanges one line
 * each, a run's rows under their operation, with a tally as each operation's rows end. On a
 * terminal a run shows a progress line instead, and prints the whole report grouped by operation
 * at the end (the layout the README shows). Either way it ends with the table of operations by
 * line, the coverage matrix, and the totals as its last line.
 */

import { cellName, coverageHeadline, coverageTable } from "../coverage-table.js";
import type { Sink } from "../sink.js";
import type { Reporter, SessionInfo, SessionResult, Verdict } from "../verdict.js";
import { exchangeLines, groupedRows, groupTally, type Paint, paint, rowLines, summaryTable } from "./text-layout.js";

/** How much the text report says, and where. */
export interface TextOptions {
  /** List skipped exchanges and every cell never exercised. */
  verbose?: boolean;
  /** Where entries that could not be read are reported (standard error, beside standard output). */
  problems?: Sink;
}

/** Cells not held are listed by name up to this many, unless verbose. */
const LISTED_CELLS = 20;

/** The text report on a sink. */
export class TextReporter implements Reporter {
  readonly #sink: Sink;
  readonly #p: Paint;
  readonly #verbose: boolean;
  readonly #problems: Sink | undefined;
  #info: SessionInfo | undefined;
  #group: { name: string; verdicts: Verdict[] } | undefined;
  #seen = 0;
  #failed = 0;

  constructor(sink: Sink, options: TextOptions = {}) {
    this.#sink = sink;
    this.#p = paint(sink.color);
    this.#verbose = options.verbose === true;
    this.#problems = options.problems;
  }

  /** Prints the session's title. */
  start(info: SessionInfo): void {
    this.#info = info;
    if (info.command !== "validate") this.#line(this.#p.bold(info.title), "");
  }

  /** Prints the verdict, or on a terminal during a run, redraws the progress line. */
  verdict(verdict: Verdict): void {
    this.#seen++;
    if (verdict.outcome === "failed" || verdict.outcome === "error") this.#failed++;
    if (verdict.kind === "exchange") {
      if (verdict.outcome === "skipped" && !this.#verbose) return;
      const lines = exchangeLines(verdict, this.#p);
      if (verdict.outcome === "error" && this.#problems) this.#problems.write(`${lines.join("\n")}\n`);
      else this.#line(...lines);
      return;
    }
    if (this.#sink.isTTY) {
      this.#progress(verdict);
      return;
    }
    if (this.#group?.name !== verdict.group) {
      this.#endGroup();
      this.#group = { name: verdict.group, verdicts: [] };
      this.#line(this.#p.bold(verdict.group));
    }
    this.#group?.verdicts.push(verdict);
    this.#line(...rowLines(verdict, this.#p));
  }

  /** Prints what is left: on a terminal the grouped rows, then the tables and the totals. */
  async finish(result: SessionResult): Promise<void> {
    const p = this.#p;
    const rows = result.verdicts.filter((v) => v.kind === "row");
    this.#endGroup();
    if (this.#sink.isTTY && rows.length > 0) {
      this.#sink.write("\r\x1b[2K");
      this.#line(...summaryTable(rows), "", ...groupedRows(rows, p).slice(0, -1));
    } else if (rows.length > 0) {
      this.#line(...summaryTable(rows));
    }
    this.#line(...this.#coverage(result));
    if (result.coverageShortfall) this.#line(p.red(result.coverageShortfall));
    this.#line(totalsLine(result, this.#verbose));
    await this.#sink.close();
  }

  #coverage(result: SessionResult): string[] {
    const { coverage } = result;
    const lines = ["", `Coverage: ${coverageHeadline(coverage)}`, ...coverageTable(coverage)];
    const failed = coverage.cells.filter((c) => c.state === "failed");
    const never = coverage.cells.filter((c) => c.state === "never");
    for (const cell of failed) lines.push(`  ${this.#p.red("✗")} ${cellName(cell)}: exercised, and failed`);
    if (this.#verbose || never.length <= LISTED_CELLS) {
      for (const cell of never) lines.push(`  · ${cellName(cell)}: never exercised`);
    } else {
      lines.push(`  ${never.length} cells never exercised (--verbose lists them; the json report has every cell)`);
    }
    for (const u of coverage.undocumented)
      lines.push(
        `  ? ${u.operationId} answered ${u.status}${u.code ? ` ${u.code}` : ""}, which the spec does not document (${u.seen}×)`,
      );
    return [...lines, ""];
  }

  #endGroup(): void {
    if (!this.#group) return;
    this.#line(groupTally(this.#group.name, this.#group.verdicts), "");
    this.#group = undefined;
  }

  #progress(verdict: Verdict): void {
    const expected = this.#info?.expected ?? 0;
    const failed = this.#failed > 0 ? this.#p.red(`, ${this.#failed} failed`) : "";
    const text = `${this.#seen}${expected ? `/${expected}` : ""}${failed}  ${verdict.group} › ${verdict.name}`;
    // A terminal that does not say its width (0) gets the usual 80 columns.
    const width = Math.max(20, (process.stdout.columns || 80) - 1);
    this.#sink.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
  }

  #line(...lines: string[]): void {
    this.#sink.write(`${lines.join("\n")}\n`);
  }
}

/** "497 passed, 0 failed", with the skipped and unreadable counts when there are any. */
export function totalsLine(result: SessionResult, verbose: boolean): string {
  const { totals } = result;
  const parts = [`${totals.passed} passed`, `${totals.failed} failed`];
  if (totals.skipped > 0) parts.push(`${totals.skipped} skipped${verbose ? "" : " (--verbose lists them)"}`);
  if (totals.errors > 0) parts.push(`${totals.errors} unreadable`);
  return parts.join(", ");
}
