/**
 * `zcrm-contract validate <file...>`: checks recorded exchanges (JSON, or HAR from a browser or a
 * proxy) against the contract. Entries that match no operation of the spec, or that --include and
 * --exclude leave out, are skipped and counted; an entry that cannot be read is reported with its
 * place in the file and the others are still checked. A file that cannot be read at all stops the
 * command with exit 2.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { exchangeFilter } from "../report/exchange-filter.js";
import { ContractSession } from "../report/session.js";
import { isReadable, type RecordingEntry, readExchanges } from "../validator/exchange-file.js";
import { Redactor } from "../validator/redact.js";
import { asUsage } from "./exit-status.js";
import {
  baseDir,
  collect,
  finishOptions,
  type GlobalOptions,
  type ReportOptions,
  reportersFor,
  TOOL,
  withReportOptions,
} from "./shared-options.js";
import { type SpecOptions, validatorFor, withSpecOption } from "./spec-option.js";

/** Adds the validate command to the program; `done` receives its exit status. */
export function addValidateCommand(program: Command, done: (code: number) => void): void {
  const command = program
    .command("validate")
    .summary("check recorded exchanges (JSON or HAR) against the contract")
    .description(
      "Checks recorded exchanges against the contract: a JSON exchange " +
        '{"request":{"method","path","query","headers"},"response":{"status","headers","body"}}, an array of them, ' +
        "or a HAR file from a browser or a proxy. Any supported API version is accepted. Downloads are judged by " +
        "their headers and size (a HAR entry may leave the bytes out). Requests are judged too: their query and " +
        "header parameters, and their body. Relative paths are resolved from the working directory (or --cwd).",
    )
    .argument("<files...>", "recordings: .json exchanges or .har files")
    .option(
      "--include <pattern>",
      "judge only entries whose host (*.zohoapis.com) or path (/crm/v8/**) matches; repeatable",
      collect,
    )
    .option("--exclude <pattern>", "skip entries whose host or path matches; repeatable", collect);
  withSpecOption(withReportOptions(command)).addHelpText(
    "after",
    `
Examples:
  $ zcrm-contract validate exchange.json traffic.har
  $ zcrm-contract validate session.har --include '*.zohoapis.com' --exclude '/crm/v2/**'
  $ zcrm-contract validate traffic.har --reporter junit=reports/contract.xml --reporter github
  $ zcrm-contract validate traffic.har --spec node_modules/@zcrm-attachments/spec/openapi.json`,
  );
  command.action(async (files: string[], options: ReportOptions & SpecOptions, self: Command) => {
    done(await validate(files, options, self.optsWithGlobals<GlobalOptions & ReportOptions>()));
  });
}

async function validate(
  files: string[],
  options: ReportOptions & SpecOptions,
  globals: GlobalOptions,
): Promise<number> {
  const cwd = baseDir(globals);
  const filter = await asUsage(() =>
    exchangeFilter({ include: options.include ?? [], exclude: options.exclude ?? [] }),
  );
  // Every file is read before anything is judged, so an unreadable one stops the command at once.
  const recordings: { file: string; entries: RecordingEntry[] }[] = [];
  for (const file of files)
    recordings.push({ file, entries: await asUsage(() => readExchanges(resolve(cwd, file), file)) });
  const validator = validatorFor(options, cwd);
  const redactor = new Redactor();
  const reporters = reportersFor(options, globals, redactor);
  const session = new ContractSession(
    {
      command: "validate",
      title: `Validating ${files.join(", ")} against the contract`,
      startedAt: new Date(),
      tool: TOOL,
    },
    { validator, reporters, filter, redactor },
  );
  for (const { file, entries } of recordings) {
    for (const entry of entries) {
      if (isReadable(entry)) session.judge(entry.exchange, { name: entry.label, source: file });
      else session.unreadable(entry.problem, { name: entry.label, source: file });
    }
  }
  const result = await session.finish(finishOptions(options));
  return result.exitCode;
}
