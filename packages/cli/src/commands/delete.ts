/**
 * `zcrm-attachments delete <module> <recordId> <attachmentId...>`: asks first on a terminal, needs
 * --yes anywhere else. Several ids go in Zoho's bulk delete (the client sends 100 per call); the
 * result lists each id as deleted or not, and the exit code is 1 if any was not.
 */
import type { Command } from "@commander-js/extra-typings";
import { exitCodes } from "../output/exit-codes.js";
import { DEMO_MODULE, DEMO_RECORD_ID } from "../session/demo-mock.js";
import { type RunIo, withSession } from "../session/session.js";
import { type Asker, confirm } from "./confirm.js";
import { checkId, globalsOf, runAction } from "./shared.js";

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
