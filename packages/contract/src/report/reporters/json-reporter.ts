/**
 * The report for programs: one JSON document written at the end, holding the session, the totals,
 * the whole coverage matrix (every cell) and every verdict with its findings and repro. Its
 * `schemaVersion` changes whenever a field changes meaning, so a consumer can tell.
 */
import type { Sink } from "../sink.js";
import type { Reporter, SessionResult } from "../verdict.js";

/** The version of the JSON report's layout. */
export const JSON_REPORT_VERSION = 1;

/** The JSON report on a sink. */
export class JsonReporter implements Reporter {
  readonly #sink: Sink;

  constructor(sink: Sink) {
    this.#sink = sink;
  }

  /** Writes the document. */
  async finish(result: SessionResult): Promise<void> {
    this.#sink.write(`${JSON.stringify(jsonReport(result), null, 2)}\n`);
    await this.#sink.close();
  }
}

/** The JSON report's document for a session's result. */
export function jsonReport(result: SessionResult) {
  const { info, totals, coverage } = result;
  return {
    schemaVersion: JSON_REPORT_VERSION,
    tool: info.tool,
    command: info.command,
    title: info.title,
    startedAt: info.startedAt.toISOString(),
    durationMs: Math.round(result.durationMs),
    exitCode: result.exitCode,
    totals,
    coverage: {
      percent: Number(coverage.percent.toFixed(2)),
      total: coverage.total,
      held: coverage.held,
      failed: coverage.failed,
      never: coverage.never,
      ...(result.minCoverage !== undefined ? { minCoverage: result.minCoverage } : {}),
      ...(result.coverageShortfall ? { shortfall: result.coverageShortfall } : {}),
      cells: coverage.cells,
      undocumented: coverage.undocumented,
    },
    verdicts: result.verdicts.map((v) => ({ ...v, durationMs: Math.round(v.durationMs * 1000) / 1000 })),
  };
}
