/**
 * The options `run` and `validate` share (reports, coverage threshold, verbosity) and the settings
 * every command reads from the program: the folder relative paths are resolved from, colour, and
 * the tool's name and version for the reports.
 */
import { resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import type { Reporter } from "../report/verdict.js";
import type { Redactor } from "../validator/redact.js";
import { collectReporter, openReporters, REPORTER_NAMES, type ReporterChoice } from "./reporter-options.js";

/** The options both commands take. */
export interface ReportOptions {
  reporter: ReporterChoice[];
  json?: boolean;
  minCoverage?: number;
  verbose?: boolean;
  /** What to judge or run (each command says what its patterns match). */
  include?: string[];
  exclude?: string[];
}

/** The session's end for a command: the --min-coverage threshold, if one was given. */
export function finishOptions(options: ReportOptions): { minCoverage?: number } {
  return options.minCoverage === undefined ? {} : { minCoverage: options.minCoverage };
}

/** The program's own options, as every command sees them. */
export interface GlobalOptions {
  cwd?: string;
  color: boolean;
}

export { TOOL } from "../report/tool-info.js";

/** Adds the report options to a command. */
export function withReportOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        "--reporter <name[=path]>",
        `a report to write (repeatable): ${REPORTER_NAMES.join(", ")}; to standard output, or to a file with =<path>`,
      )
        .argParser(collectReporter)
        .default([], "text"),
    )
    .option("--json", "the same as --reporter json")
    .option("--min-coverage <percent>", "fail (exit 1) when fewer of the documented cells are held", percent)
    .option("--verbose", "also list skipped entries and every cell never exercised");
}

/** The folder relative paths are resolved from: --cwd, else the working directory. */
export function baseDir(globals: GlobalOptions): string {
  return resolve(globals.cwd ?? process.cwd());
}

/** The reports asked for (`--json` included), opened on their sinks. */
export function reportersFor(options: ReportOptions, globals: GlobalOptions, redactor: Redactor): Reporter[] {
  const choices: ReporterChoice[] = options.json ? [...options.reporter, { name: "json" }] : options.reporter;
  return openReporters(choices, {
    cwd: baseDir(globals),
    redactor,
    verbose: options.verbose === true,
    noColor: !globals.color,
    env: process.env,
  });
}

/** Commander's parser for a repeatable option: every value, in order. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function percent(value: string): number {
  const number = Number(value.replace(/%$/, ""));
  if (value.trim() === "" || !Number.isFinite(number) || number < 0 || number > 100)
    throw new InvalidArgumentError("give a percentage from 0 to 100, such as 100 or 87.5.");
  return number;
}
