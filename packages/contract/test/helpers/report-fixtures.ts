/** A sink that keeps what is written, and a session's result built from a few verdicts. */

import { CoverageMatrix } from "../../src/report/coverage.js";
import { countOutcomes } from "../../src/report/session.js";
import type { Sink } from "../../src/report/sink.js";
import type { SessionResult, Verdict } from "../../src/report/verdict.js";
import { doc } from "./spec-examples.js";

/** A sink in memory; `closed` once the reporter is done. */
export function memorySink(isTTY = false): Sink & { text(): string; closed: boolean } {
  const chunks: string[] = [];
  const sink = {
    name: "memory",
    isTTY,
    color: false,
    closed: false,
    write: (text: string) => {
      chunks.push(text);
    },
    close: async () => {
      sink.closed = true;
    },
    text: () => chunks.join(""),
  };
  return sink;
}

/** A verdict with the fields a test cares about (a field given as undefined is left out). */
export function verdict(
  fields: { [K in keyof Verdict]?: Verdict[K] | undefined } & Pick<Verdict, "name" | "outcome">,
): Verdict {
  const made: Record<string, unknown> = {
    index: 1,
    kind: "row",
    group: "listAttachments (v8 line)",
    operationId: "listAttachments",
    line: "current",
    findings: [],
    repro: [],
    notes: [],
    durationMs: 12.5,
    ...fields,
  };
  for (const key of Object.keys(made)) if (made[key] === undefined) delete made[key];
  return made as unknown as Verdict;
}

/** The result a session would give for these verdicts. */
export function resultOf(verdicts: Verdict[], extra: Partial<SessionResult> = {}): SessionResult {
  const totals = countOutcomes(verdicts);
  return {
    info: {
      command: "run",
      title: "Contract run against a test",
      startedAt: new Date("2026-01-02T03:04:05.678Z"),
      tool: { name: "zcrm-contract", version: "0.0.0" },
    },
    verdicts,
    totals,
    coverage: new CoverageMatrix(doc).summary(),
    durationMs: 1234,
    exitCode: totals.failed + totals.errors > 0 ? 1 : 0,
    ...extra,
  };
}
