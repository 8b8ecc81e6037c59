/**
 * `zcrm-attachments delete <module> <recordId> <attachmentId...>`: asks first on a terminal, needs
 * --yes anywhere else. Several ids go in Zoho's bulk delete (the client sends 100 per call); the
 * result lists each id as deleted or not, and the exit code is 1 if any was not. On a terminal the
 * user types y; off a terminal (a script, a pipe) nobody can be asked, so it refuses rather than
 * deleting unasked.
 */
import { createInterface } from "node:readline/promises";
import type { Command } from "@commander-js/extra-typings";
import { CliError, exitCodes } from "../output/exit-codes.js";
import { DEMO_MODULE, DEMO_RECORD_ID } from "../session/demo-mock.js";
import { type RunIo, withSession } from "../session/session.js";
import { checkId, globalsOf, runAction } from "./shared.js";

/** The input the question is read from (process.stdin in real runs). */
export interface Asker {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/** Resolves when the user agrees (or --yes was given); throws a CliError otherwise. */
export async function confirm(question: string, yes: boolean, asker: Asker, signal: AbortSignal): Promise<void> {
  if (yes) return;
  if (asker.input.isTTY !== true) {
    throw new CliError(
      `Refusing to delete without confirmation: ${question}`,
      exitCodes.usage,
      "pass --yes to delete without asking",
    );
  }
  const prompt = createInterface({ input: asker.input, output: asker.output });
  try {
    const answer = await prompt.question(`${question} [y/N] `, { signal });
    if (!/^(y|yes)$/i.test(answer.trim())) throw new CliError("Nothing deleted.", exitCodes.failed);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError("Nothing deleted.", exitCodes.interrupted);
  } finally {
    prompt.close();
  }
}

/** Registers `delete`. */
export function registerDelete(program: Command, io: RunIo, asker: Asker): void {
  program
    .command("delete")
    .description("delete attachments of a record (asks first; --yes to skip the question)")
    .argument("<module>", "module API name")
    .argument("<recordId>", "the record's id")
    .argument("<attachmentIds...>", "the attachments to delete")
    .option("-y, --yes", "delete without asking (required when not on a terminal)")
    .addHelpText(
      "after",
      `\nExample:\n  zcrm-attachments --mock delete ${DEMO_MODULE} ${DEMO_RECORD_ID} <attachmentId> --yes`,
    )
    .action((module, recordId, ids, options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, async () => {
        checkId(recordId, "recordId");
        for (const id of ids) checkId(id, "attachmentId");
        const count = `${ids.length} attachment${ids.length === 1 ? "" : "s"}`;
        return withSession(globals, io, {}, async (session) => {
          await confirm(`Delete ${count} of ${module} ${recordId}?`, options.yes === true, asker, session.signal);
          const { results } = await session.client.deleteAttachments(module, recordId, ids, { signal: session.signal });
          const rows = results.map((result) => ({
            attachmentId: result.id,
            status: result.ok ? "deleted" : "failed",
            ...(result.ok ? {} : { code: result.code, message: result.message }),
          }));
          const failed = rows.filter((row) => row.status === "failed").length;
          if (session.output.json) {
            session.output.printJson({ module, recordId, results: rows, apiCalls: session.meter.made });
          } else {
            for (const row of rows) {
              session.output.print(
                row.status === "deleted"
                  ? `deleted ${row.attachmentId}`
                  : `not deleted ${row.attachmentId}: ${row.code} ${row.message}`,
              );
            }
          }
          return failed > 0 ? exitCodes.failed : exitCodes.ok;
        });
      });
    });
}
