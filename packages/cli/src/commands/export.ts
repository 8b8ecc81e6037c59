/**
 * `zcrm-attachments export --module <m> --records <file|-> --out <dir>`: the resumable bulk export,
 * wired to the command line. It prints what happened (files, bytes, API calls by kind), or with
 * --dry-run what would be fetched; the exit code says whether anything failed or the run stopped.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "@commander-js/extra-typings";
import { Manifest } from "../export/manifest.js";
import { readRecordIds } from "../export/record-ids.js";
import { type ExportTally, runExport } from "../export/run-export.js";
import { type ExitCode, exitCodes } from "../output/exit-codes.js";
import type { Output } from "../output/output.js";
import { formatBytes } from "../output/units.js";
import { CallBudgetSpent, type CallMeter } from "../session/call-meter.js";
import { DEMO_MODULE } from "../session/demo-mock.js";
import { wholeNumber } from "../session/global-options.js";
import { type RunIo, withSession } from "../session/session.js";
import { globalsOf, runAction } from "./shared.js";

/** Download workers when --concurrency is not given: enough to keep the client's own limit busy. */
const DEFAULT_WORKERS = 16;

function calls(meter: CallMeter): string {
  const kinds = Object.entries(meter.byKind).map(([kind, count]) => `${count} ${kind}`);
  return `${meter.made}${kinds.length > 0 ? ` (${kinds.join(", ")})` : ""}`;
}

function printSummary(
  output: Output,
  tally: ExportTally,
  meter: CallMeter,
  dryRun: boolean,
  manifestPath: string,
): void {
  if (dryRun) {
    for (const entry of tally.toFetch)
      output.print(`would fetch ${entry.path}${entry.size === null ? "" : ` (${formatBytes(entry.size)})`}`);
    const bytes = tally.toFetch.reduce((sum, entry) => sum + (entry.size ?? 0), 0);
    output.print(
      `Would fetch ${tally.toFetch.length} files (${formatBytes(bytes)} as listed); ${tally.alreadyComplete} already complete, ${tally.skipped} links skipped.`,
    );
    output.print(
      `The export would make ${meter.made + tally.toFetch.length} API calls (${meter.made} to list, ${tally.toFetch.length} to download); this dry run made ${calls(meter)}.`,
    );
    return;
  }
  output.print(
    `${tally.downloaded} downloaded (${formatBytes(tally.bytesDownloaded)}), ${tally.alreadyComplete} already complete, ${tally.skipped} links skipped, ${tally.failed} failed, ${tally.interrupted} left for a re-run.`,
  );
  output.print(
    `Records: ${tally.recordsListed} listed, ${tally.recordsFromManifest} from the manifest, ${tally.recordsFailed} failed.`,
  );
  output.print(`API calls: ${calls(meter)}. Manifest: ${manifestPath}`);
}

/** Registers `export`. */
export function registerExport(program: Command, io: RunIo, stdin: NodeJS.ReadableStream): void {
  program
    .command("export")
    .description("export every attachment of many records into <out>/<module>/<recordId>/, resumably, with a manifest")
    .requiredOption("--module <module>", "module API name")
    .requiredOption("--records <file>", "file of record ids, one per line (- for stdin)")
    .requiredOption("--out <dir>", "output folder (holds manifest.jsonl)")
    .option("--dry-run", "list what would be fetched, with the API calls and bytes, and fetch nothing")
    .option(
      "--max-calls <n>",
      "stop cleanly after this many API calls (a re-run resumes)",
      wholeNumber("--max-calls", 1),
    )
    .option("--relist", "list records again even if the manifest has them (finds attachments added since)")
    .addHelpText(
      "after",
      `\nExamples:\n  echo 4150868000002728001 | zcrm-attachments --mock export --module ${DEMO_MODULE} --records - --out ./backup\n  zcrm-attachments export --module Deals --records deals.txt --out ./backup --max-calls 5000\n\nA re-run with the same --out resumes: complete files (size and sha256 checked) are kept, the rest are fetched.`,
    )
    .action((options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, async () => {
        const records = await readRecordIds(options.records, stdin);
        return withSession(globals, io, { maxCalls: options.maxCalls }, async (session): Promise<ExitCode> => {
          const manifestPath = join(options.out, "manifest.jsonl");
          if (options.dryRun !== true) await mkdir(options.out, { recursive: true });
          const manifest = await Manifest.read(manifestPath);
          const tally = await runExport(session, manifest, {
            module: options.module,
            records,
            out: options.out,
            dryRun: options.dryRun === true,
            relist: options.relist === true,
            workers: globals.concurrency ?? DEFAULT_WORKERS,
          });
          const reason = session.signal.aborted ? session.signal.reason : undefined;
          const stopped = reason === undefined ? null : reason instanceof CallBudgetSpent ? "max-calls" : "interrupted";
          const { output, meter } = session;
          if (output.json) {
            const { toFetch, ...counts } = tally;
            output.printJson({
              module: options.module,
              records: records.length,
              dryRun: options.dryRun === true,
              ...counts,
              ...(options.dryRun === true ? { toFetch } : {}),
              apiCalls: meter.toJSON(),
              stopped,
              manifest: options.dryRun === true ? null : manifestPath,
            });
          } else {
            printSummary(output, tally, meter, options.dryRun === true, manifestPath);
          }
          if (stopped !== null) {
            output.note(
              `Stopped (${stopped === "max-calls" ? `--max-calls ${options.maxCalls} reached` : "interrupted"}); run the same command again to resume.`,
            );
            return stopped === "max-calls" ? exitCodes.stopped : exitCodes.interrupted;
          }
          return tally.failed + tally.recordsFailed > 0 ? exitCodes.failed : exitCodes.ok;
        });
      });
    });
}
