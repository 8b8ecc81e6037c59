/**
 * GitHub Actions workflow commands: an `::error` annotation for each failure as it is found, and a
 * `::notice` with the totals at the end. GitHub shows at most 10 error annotations per step, so
 * after 8 the rest are counted into one, keeping room for a coverage shortfall. Data and
 * properties are escaped as the workflow-command format requires: `%`, CR and LF everywhere, and
 * `:` and `,` in properties too. A recording's failures point at its file, relative to the
 * workspace, so they show on the pull request's diff.
 */
import { isAbsolute, relative, resolve } from "node:path";
import type { Sink } from "../sink.js";
import type { Reporter, SessionResult, Verdict } from "../verdict.js";

/** Error annotations shown one by one; the rest are counted into one more. */
export const SHOWN_ERRORS = 8;

/** Where a recording's path is resolved from, and the workspace annotations are relative to. */
export interface GithubOptions {
  cwd?: string;
  /** GITHUB_WORKSPACE: file paths outside it are left out of the annotation. */
  workspace?: string | undefined;
}

/** Escapes the message of a workflow command. */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Escapes a property value of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** One workflow command line: `::error file=…,title=…::message`. */
export function workflowCommand(
  command: string,
  properties: Record<string, string | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(message)}\n`;
}

/** The annotations on a sink (standard output, where the runner reads them). */
export class GithubReporter implements Reporter {
  readonly #sink: Sink;
  readonly #options: GithubOptions;
  #shown = 0;
  #more = 0;

  constructor(sink: Sink, options: GithubOptions = {}) {
    this.#sink = sink;
    this.#options = options;
  }

  /** Annotates a failure or an unreadable entry. */
  verdict(verdict: Verdict): void {
    if (verdict.outcome !== "failed" && verdict.outcome !== "error") return;
    if (this.#shown >= SHOWN_ERRORS) {
      this.#more++;
      return;
    }
    this.#shown++;
    const lines = verdict.findings.map((f) => (f.spec ? `${f.message} (spec ${f.spec})` : f.message));
    if (verdict.repro[0]) lines.push(verdict.repro[0].curl);
    const title = `zcrm-contract: ${verdict.group} › ${verdict.name}`;
    this.#sink.write(workflowCommand("error", { file: this.#fileOf(verdict), title }, lines.join("\n")));
  }

  /** Counts the failures not shown, says if coverage fell short, and notes the totals. */
  async finish(result: SessionResult): Promise<void> {
    if (this.#more > 0)
      this.#sink.write(
        workflowCommand(
          "error",
          { title: "zcrm-contract" },
          `${this.#more} more failures, not annotated one by one: see the job's log or the report`,
        ),
      );
    if (result.coverageShortfall)
      this.#sink.write(workflowCommand("error", { title: "zcrm-contract coverage" }, result.coverageShortfall));
    const { totals, coverage } = result;
    const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.errors} unreadable; coverage ${coverage.percent.toFixed(1)}% (${coverage.held}/${coverage.total} cells)`;
    this.#sink.write(workflowCommand("notice", { title: `zcrm-contract ${result.info.command}` }, summary));
    await this.#sink.close();
  }

  #fileOf(verdict: Verdict): string | undefined {
    if (verdict.kind !== "exchange" || verdict.source === undefined) return undefined;
    const { workspace, cwd = process.cwd() } = this.#options;
    if (workspace === undefined) return verdict.source;
    const path = relative(workspace, resolve(cwd, verdict.source));
    return path.startsWith("..") || isAbsolute(path) ? undefined : path.split("\\").join("/");
  }
}
