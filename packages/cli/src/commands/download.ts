/**
 * `zcrm-attachments download <module> <recordId> <attachmentId...|--all> [--out dir]`: files are
 * saved under the names Zoho gives them (made safe for the file system), atomically, never over an
 * existing file unless --overwrite. Links have no bytes and are listed as skipped with --all.
 */
import { mkdir } from "node:fs/promises";
import type { Command } from "@commander-js/extra-typings";
import { downloadOne } from "../files/download-one.js";
import { CliError, exitCodes } from "../output/exit-codes.js";
import { Progress } from "../output/progress.js";
import { errorData, failureLines } from "../output/report-error.js";
import { DEMO_MODULE, DEMO_RECORD_ID } from "../session/demo-mock.js";
import { isLink, listAll } from "../session/list-attachments.js";
import { type RunIo, withSession } from "../session/session.js";
import { checkId, globalsOf, runAction } from "./shared.js";

/** Registers `download`. */
export function registerDownload(program: Command, io: RunIo): void {
  program
    .command("download")
    .description("download attachments of a record into a folder")
    .argument("<module>", "module API name")
    .argument("<recordId>", "the record's id")
    .argument("[attachmentIds...]", "the attachments to download (or --all)")
    .option("--all", "every file attachment of the record")
    .option("--out <dir>", "folder to save into (created if missing)", ".")
    .option("--overwrite", "replace files that already exist")
    .addHelpText(
      "after",
      `\nExample:\n  zcrm-attachments --mock download ${DEMO_MODULE} ${DEMO_RECORD_ID} --all --out ./files`,
    )
    .action((module, recordId, ids, options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, () =>
        withSession(globals, io, {}, async (session) => {
          checkId(recordId, "recordId");
          if (options.all === true && ids.length > 0) throw new CliError("Give attachment ids or --all, not both.");
          if (options.all !== true && ids.length === 0)
            throw new CliError("Name the attachments to download, or pass --all.");
          for (const id of ids) checkId(id, "attachmentId");
          const { output } = session;
          const results: Record<string, unknown>[] = [];
          let wanted = ids;
          if (options.all === true) {
            wanted = [];
            for await (const attachment of listAll(session, module, recordId)) {
              if (isLink(attachment)) results.push({ attachmentId: attachment.id, status: "skipped", reason: "link" });
              else wanted.push(attachment.id);
            }
          }
          await mkdir(options.out, { recursive: true });
          const progress = new Progress(output);
          try {
            for (const attachmentId of wanted) {
              if (session.signal.aborted) break;
              try {
                const saved = await downloadOne(
                  session,
                  progress,
                  { module, recordId, attachmentId, label: attachmentId },
                  { folder: options.out },
                  options.overwrite === true,
                );
                results.push({
                  attachmentId,
                  status: "downloaded",
                  path: saved.path,
                  size: saved.bytes,
                  sha256: saved.sha256,
                });
              } catch (error) {
                if (session.signal.aborted) break;
                for (const line of failureLines(output, attachmentId, error)) progress.log(line);
                results.push({ attachmentId, status: "failed", error: errorData(error) });
              }
            }
          } finally {
            progress.stop();
          }
          const failed = results.filter((result) => result.status === "failed").length;
          const done = results.filter((result) => result.status === "downloaded").length;
          if (output.json) output.printJson({ module, recordId, files: results, apiCalls: session.meter.made });
          else output.note(`${done} downloaded, ${failed} failed; API calls: ${session.meter.made}`);
          if (session.signal.aborted) return exitCodes.interrupted;
          return failed > 0 ? exitCodes.failed : exitCodes.ok;
        }),
      );
    });
}
