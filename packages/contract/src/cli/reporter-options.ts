/**
 * `--reporter <name>[=<path>]`, repeatable: which reports a command writes, and where. Without a
 * path a report goes to standard output, which can take the line reports together (text and
 * github) or one document alone (json, junit or markdown). When no report but github's is on
 * standard output the text report is, so `--reporter junit=out.xml` still shows the run. Paths are relative to
 * the command's folder; a Markdown report into $GITHUB_STEP_SUMMARY is appended, as GitHub asks.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InvalidArgumentError } from "commander";
import { GithubReporter } from "../report/reporters/github-reporter.js";
import { JsonReporter } from "../report/reporters/json-reporter.js";
import { JunitReporter } from "../report/reporters/junit-reporter.js";
import { MarkdownReporter } from "../report/reporters/markdown-reporter.js";
import { TextReporter } from "../report/reporters/text-reporter.js";
import { fileSink, type Sink, stdoutSink } from "../report/sink.js";
import type { Reporter } from "../report/verdict.js";
import type { Redactor } from "../validator/redact.js";
import { UsageError } from "./exit-status.js";

/** The reports there are. */
export const REPORTER_NAMES = ["text", "json", "junit", "markdown", "github"] as const;
/** One of the reports. */
export type ReporterName = (typeof REPORTER_NAMES)[number];
/** A report and its file (standard output without one). */
export interface ReporterChoice {
  name: ReporterName;
  path?: string;
}

const LINE_REPORTS: ReadonlySet<ReporterName> = new Set(["text", "github"]);

/** Commander's parser for one `--reporter` value, collecting them in order. */
export function collectReporter(value: string, previous: ReporterChoice[] = []): ReporterChoice[] {
  const at = value.indexOf("=");
  const name = (at === -1 ? value : value.slice(0, at)).trim();
  const path = at === -1 ? undefined : value.slice(at + 1).trim();
  if (!(REPORTER_NAMES as readonly string[]).includes(name))
    throw new InvalidArgumentError(
      `"${name}" is not a report; use one of ${REPORTER_NAMES.join(", ")}, optionally =<path>.`,
    );
  if (path === "") throw new InvalidArgumentError(`--reporter ${name}= needs a path after "=".`);
  return [...previous, path === undefined ? { name: name as ReporterName } : { name: name as ReporterName, path }];
}

/** What the reporters need from the command. */
export interface ReporterSettings {
  /** Folder relative paths are resolved from. */
  cwd: string;
  redactor: Redactor;
  verbose: boolean;
  /** `--no-color` was given. */
  noColor: boolean;
  env: NodeJS.ProcessEnv;
}

/** Opens the sinks and makes the reporters; throws a UsageError for a combination that cannot work. */
export function openReporters(choices: readonly ReporterChoice[], settings: ReporterSettings): Reporter[] {
  const chosen = [...choices];
  // Annotations are read out of a log: they go beside the text report, not instead of it.
  if (!chosen.some((c) => c.path === undefined && c.name !== "github")) chosen.unshift({ name: "text" });
  const onStdout = chosen.filter((c) => c.path === undefined);
  const documents = onStdout.filter((c) => !LINE_REPORTS.has(c.name));
  if (documents.length > 0 && onStdout.length > 1)
    throw new UsageError(
      `--reporter ${documents[0]?.name} needs standard output to itself; give the others a file (--reporter ${onStdout.find((c) => c !== documents[0])?.name}=<path>).`,
    );
  const paths = chosen.flatMap((c) => (c.path === undefined ? [] : [resolve(settings.cwd, c.path)]));
  const twice = paths.find((path, i) => paths.indexOf(path) !== i);
  if (twice) throw new UsageError(`two reports would be written to ${twice}; give each its own file.`);
  const color = { env: settings.env, disabled: settings.noColor };
  return chosen.map((choice) => {
    const sink = choice.path === undefined ? stdoutSink(settings.redactor, color) : openFile(choice, settings);
    return make(choice.name, sink, settings);
  });
}

function openFile(choice: ReporterChoice, settings: ReporterSettings): Sink {
  const path = resolve(settings.cwd, choice.path as string);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot write the ${choice.name} report to ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const summary = settings.env.GITHUB_STEP_SUMMARY;
  const append = choice.name === "markdown" && summary !== undefined && resolve(settings.cwd, summary) === path;
  return fileSink(path, settings.redactor, append);
}

function make(name: ReporterName, sink: Sink, settings: ReporterSettings): Reporter {
  switch (name) {
    case "text": {
      const problems =
        sink.name === "standard output"
          ? stdoutSink(settings.redactor, { env: settings.env, disabled: settings.noColor }, process.stderr)
          : undefined;
      return new TextReporter(sink, { verbose: settings.verbose, ...(problems ? { problems } : {}) });
    }
    case "json":
      return new JsonReporter(sink);
    case "junit":
      return new JunitReporter(sink);
    case "markdown":
      return new MarkdownReporter(sink);
    case "github":
      return new GithubReporter(sink, { cwd: settings.cwd, workspace: settings.env.GITHUB_WORKSPACE });
  }
}
