/**
 * A contract session: the one place where exchanges become verdicts, verdicts fill the coverage
 * matrix, and reporters hear of both. It is a stream: `judge` takes one exchange (from a recording,
 * or later from a proxy as the exchange happens) and returns its verdict at once; `recordRow` does
 * the same for a suite row; `finish` ends the session and lets the reporters write. Every secret
 * the session sees (the tokens of Authorization headers, any it is told of) is scrubbed from
 * every verdict before a reporter gets it.
 */
import { performance } from "node:perf_hooks";
import type { CaseResult } from "../suite/case-types.js";
import type { Exchange } from "../validator/exchange.js";
import { Redactor, secretsOf } from "../validator/redact.js";
import { ContractValidator } from "../validator/validator.js";
import { CoverageMatrix } from "./coverage.js";
import type { ExchangeFilter } from "./exchange-filter.js";
import type { Outcome, Reporter, SessionInfo, SessionResult, Totals, Verdict } from "./verdict.js";
import { exchangeVerdict, rowVerdict, skippedVerdict, unreadableVerdict, type VerdictPlace } from "./verdicts.js";

/** How a session judges and whom it tells. */
export interface SessionOptions {
  /** Judges the exchanges; the bundled spec's by default. */
  validator?: ContractValidator;
  /** Told of every verdict as it is made, and of the result at the end. */
  reporters?: Reporter[];
  /** Leaves exchanges out (they are reported as skipped, with the filter's reason). */
  filter?: ExchangeFilter;
  /** Scrubs secrets out of what reporters get; one is made when not given. */
  redactor?: Redactor;
}

/** Where an exchange or a row came from, as reports name it. */
export interface EntryPlace {
  /** "traffic.har entry 3", or a row's name. */
  name: string;
  /** The recording's file, or the row's target. */
  source?: string;
  durationMs?: number;
}

/** Judges exchanges and rows one by one, and keeps the verdicts and the coverage they add up to. */
export class ContractSession {
  readonly validator: ContractValidator;
  readonly coverage: CoverageMatrix;
  readonly redactor: Redactor;
  readonly #info: SessionInfo;
  readonly #reporters: Reporter[];
  readonly #filter: ExchangeFilter | undefined;
  readonly #verdicts: Verdict[] = [];
  readonly #started = performance.now();

  /** Starts a session; the reporters' `start` is called at once. */
  constructor(info: SessionInfo, options: SessionOptions = {}) {
    this.validator = options.validator ?? new ContractValidator();
    this.coverage = new CoverageMatrix(this.validator.doc);
    this.redactor = options.redactor ?? new Redactor();
    this.#info = info;
    this.#reporters = options.reporters ?? [];
    this.#filter = options.filter;
    for (const reporter of this.#reporters) reporter.start?.(info);
  }

  /**
   * Judges one exchange: skipped when the filter leaves it out, when no response was recorded or
   * when it matches no operation of the spec; else validated, and its coverage cells marked.
   */
  judge(exchange: Exchange, place: EntryPlace): Verdict {
    const started = performance.now();
    this.redactor.add(...secretsOf(exchange));
    const at = this.#place(place);
    const left = this.#filter?.(exchange);
    if (left !== undefined) return this.#emit(skippedVerdict(at, exchange, left));
    if (exchange.response.status === 0)
      return this.#emit(
        skippedVerdict(at, exchange, "no response was recorded (status 0): the request failed or was blocked"),
      );
    const result = this.validator.validate(exchange);
    if (result.operationId === undefined)
      return this.#emit(skippedVerdict(at, exchange, result.violations[0]?.message ?? "matches no operation"));
    const verdict = exchangeVerdict(
      { ...at, durationMs: place.durationMs ?? performance.now() - started },
      exchange,
      result,
    );
    this.coverage.record(result.operationId, exchange, verdict.outcome === "passed");
    return this.#emit(verdict);
  }

  /** Records an entry of a recording that could not be read as an exchange. */
  unreadable(problem: string, place: EntryPlace): Verdict {
    return this.#emit(unreadableVerdict(this.#place(place), problem));
  }

  /** Records a suite row's result; each exchange it made marks the cells of its operation. */
  recordRow(result: CaseResult, place: Omit<EntryPlace, "name"> = {}): Verdict {
    for (const exchange of result.exchanges) this.redactor.add(...secretsOf(exchange));
    const verdict = rowVerdict(this.#place({ ...place, name: result.case.name }), result);
    for (const exchange of result.exchanges) {
      const operationId =
        result.case.operationId === "workflow"
          ? this.validator.index.find(exchange.request.method, exchange.request.path)?.operationId
          : result.case.operationId;
      if (operationId !== undefined) this.coverage.record(operationId, exchange, result.passed);
    }
    return this.#emit(verdict);
  }

  /** Records a row left out of the run (by --exclude), so reports can count it. */
  skipRow(row: CaseResult["case"], reason: string, place: Omit<EntryPlace, "name"> = {}): Verdict {
    const verdict = rowVerdict(this.#place({ ...place, name: row.name }), {
      case: row,
      passed: true,
      failures: [],
      exchanges: [],
    });
    return this.#emit({ ...verdict, outcome: "skipped", findings: [{ message: reason }] });
  }

  /** Ends the session: totals, coverage against `minCoverage`, and every reporter's `finish`. */
  async finish(options: { minCoverage?: number } = {}): Promise<SessionResult> {
    const totals = countOutcomes(this.#verdicts);
    const coverage = this.coverage.summary();
    const result: SessionResult = {
      info: this.#info,
      verdicts: this.#verdicts,
      totals,
      coverage,
      durationMs: performance.now() - this.#started,
      exitCode: totals.failed + totals.errors > 0 ? 1 : 0,
    };
    if (options.minCoverage !== undefined) {
      result.minCoverage = options.minCoverage;
      if (coverage.percent < options.minCoverage) {
        result.exitCode = 1;
        result.coverageShortfall =
          `coverage ${coverage.percent.toFixed(1)}% is below --min-coverage ${options.minCoverage}: ` +
          `${coverage.never} of ${coverage.total} documented cells never exercised, ${coverage.failed} failed`;
      }
    }
    for (const reporter of this.#reporters) await reporter.finish(result);
    return result;
  }

  #place(place: EntryPlace): VerdictPlace {
    return { ...place, index: this.#verdicts.length + 1 };
  }

  #emit(verdict: Verdict): Verdict {
    const clean = scrubbed(verdict, this.redactor);
    this.#verdicts.push(clean);
    for (const reporter of this.#reporters) reporter.verdict?.(clean);
    return clean;
  }
}

/** How many verdicts came out each way. */
export function countOutcomes(verdicts: readonly Verdict[]): Totals {
  const count = (outcome: Outcome) => verdicts.filter((v) => v.outcome === outcome).length;
  return {
    passed: count("passed"),
    failed: count("failed"),
    skipped: count("skipped"),
    errors: count("error"),
    total: verdicts.length,
  };
}

/** A copy of a verdict with every known secret scrubbed from its text. */
function scrubbed(verdict: Verdict, redactor: Redactor): Verdict {
  const scrub = (text: string) => redactor.scrub(text);
  return {
    ...verdict,
    name: scrub(verdict.name),
    ...(verdict.summary !== undefined ? { summary: scrub(verdict.summary) } : {}),
    findings: verdict.findings.map((f) => ({ ...f, message: scrub(f.message) })),
    repro: verdict.repro.map((r) => ({
      curl: scrub(r.curl),
      status: r.status,
      headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, scrub(v)])),
    })),
    notes: verdict.notes.map(scrub),
  };
}
