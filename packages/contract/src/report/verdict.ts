/**
 * The shapes every report is made of. A contract session turns each exchange it is given (a
 * validated recording, a suite row, later a proxied request) into one Verdict as soon as it is
 * judged; reporters receive verdicts one by one and the session's result at the end. Verdicts hold
 * only redacted text, so a reporter cannot print a secret by mistake.
 */
import type { ApiLine } from "@zcrm-attachments/types";
import type { CoverageSummary } from "./coverage.js";

/** How one verdict came out. `error`: the entry could not be judged at all (an unreadable HAR entry). */
export type Outcome = "passed" | "failed" | "skipped" | "error";

/** One reason a verdict failed, was skipped or could not be made. */
export interface Finding {
  message: string;
  /** The violation kind, for a finding about the contract (`invalid-body`, `missing-parameter`, ...). */
  kind?: string;
  /** Where in the exchange: a JSON pointer into the body, a header name, or `query.<name>`. */
  at?: string;
  /** Where in the spec: a JSON pointer into the bundled openapi.json. */
  spec?: string;
}

/** What it takes to reproduce one exchange of a failure. */
export interface Repro {
  /** The request as a curl command line, credentials redacted. */
  curl: string;
  /** The status the server answered. */
  status: number;
  /** The response headers, credentials redacted. */
  headers: Record<string, string>;
}

/** The verdict on one exchange or one suite row. */
export interface Verdict {
  /** Its place in the session, from 1. */
  index: number;
  /** A suite row, or a recorded (or proxied) exchange. */
  kind: "row" | "exchange";
  /** What it is reported under: the operation and line ("listAttachments (v8 line)"), or "(no operation)". */
  group: string;
  /** The row's name, or where the exchange came from ("traffic.har entry 3"). */
  name: string;
  outcome: Outcome;
  operationId?: string;
  line?: ApiLine;
  /** The documented operation it was judged against, as `METHOD template`. */
  operation?: string;
  /** The request and its answer in a few words: "GET /crm/v8/… → 200" (exchanges) or "200, 2048 bytes" (rows). */
  summary?: string;
  findings: Finding[];
  /** For a failure: one entry per exchange it made, to reproduce it. */
  repro: Repro[];
  /** What a reader should know that is no failure (a body the recording left out). */
  notes: string[];
  /** Where it came from: the file of a recording, the target of a row. */
  source?: string;
  durationMs: number;
}

/** What a session is, for the reports' headings. */
export interface SessionInfo {
  /** `run`, `validate` (and later `proxy`). */
  command: string;
  /** One line: what was checked ("Contract run against the embedded mock at …"). */
  title: string;
  /** How many verdicts are coming, when known (for a progress line). */
  expected?: number;
  startedAt: Date;
  /** The tool's name and version, for reports that record them. */
  tool: { name: string; version: string };
}

/** Verdicts by outcome. */
export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
  total: number;
}

/** The end of a session: every verdict, the totals, the coverage and the exit status. */
export interface SessionResult {
  info: SessionInfo;
  verdicts: readonly Verdict[];
  totals: Totals;
  coverage: CoverageSummary;
  /** The `--min-coverage` asked for, if any. */
  minCoverage?: number;
  /** Set when coverage fell below `minCoverage`: the sentence saying by how much. */
  coverageShortfall?: string;
  durationMs: number;
  /** 0 when everything held (and coverage reached its minimum), else 1. */
  exitCode: 0 | 1;
}

/** Receives verdicts as they are made, and the result at the end. */
export interface Reporter {
  /** Called once, before the first verdict. */
  start?(info: SessionInfo): void;
  /** Called for each verdict, in order, as soon as it is made. */
  verdict?(verdict: Verdict): void;
  /** Called once at the end; a reporter that writes a document writes it now. */
  finish(result: SessionResult): void | Promise<void>;
}
