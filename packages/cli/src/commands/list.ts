/**
 * `zcrm-attachments list <module> <recordId>`: every attachment of a record, all pages walked, as
 * a table (the default), one JSON document (--json) or one JSON object per line (--ndjson, which
 * prints as pages arrive, for records with thousands of attachments).
 */
import type { Command } from "@commander-js/extra-typings";
import type { Attachment } from "@zcrm-attachments/client";
import Table from "cli-table3";
import { exitCodes } from "../output/exit-codes.js";
import { formatBytes } from "../output/units.js";
import { DEMO_MODULE, DEMO_RECORD_ID } from "../session/demo-mock.js";
import { isLink, listAll, sizeOf } from "../session/list-attachments.js";
import { type RunIo, withSession } from "../session/session.js";
import { checkId, globalsOf, runAction } from "./shared.js";

function row(attachment: Attachment): string[] {
  const record = attachment as Record<string, unknown>;
  const size = sizeOf(attachment);
  return [
    attachment.id,
    isLink(attachment) ? "link" : "file",
    String(record.File_Name ?? ""),
    isLink(attachment) ? String(record.$link_url ?? "") : size === undefined ? "" : formatBytes(size),
    String(record.Created_Time ?? ""),
  ];
}

/** Registers `list`. */
export function registerList(program: Command, io: RunIo): void {
  program
    .command("list")
    .description("list every attachment of a record (all pages)")
    .argument("<module>", "module API name, e.g. Leads, Deals or a custom module's API name")
    .argument("<recordId>", "the record's id")
    .option("--ndjson", "one JSON object per attachment and line, printed as pages arrive")
    .addHelpText(
      "after",
      `\nExample:\n  zcrm-attachments --mock list ${DEMO_MODULE} ${DEMO_RECORD_ID}\n  zcrm-attachments list Deals 4150868000004711001 --json`,
    )
    .action((module, recordId, options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, () =>
        withSession(globals, io, {}, async (session) => {
          checkId(recordId, "recordId");
          const { output } = session;
          const all: Attachment[] = [];
          for await (const attachment of listAll(session, module, recordId)) {
            if (options.ndjson === true) output.print(JSON.stringify(attachment));
            else all.push(attachment);
          }
          const calls = session.meter.made;
          if (options.ndjson === true) {
            output.note(`API calls: ${calls}`);
          } else if (output.json) {
            output.printJson({ module, recordId, attachments: all, count: all.length, apiCalls: calls });
          } else if (all.length === 0) {
            output.print(`${module} ${recordId} has no attachments.`);
          } else {
            const table = new Table({
              head: ["id", "type", "name", "size / url", "created"],
              style: { head: [], border: [], compact: true },
            });
            table.push(...all.map(row));
            output.print(table.toString());
            output.note(`${all.length} attachment${all.length === 1 ? "" : "s"}; API calls: ${calls}`);
          }
          return exitCodes.ok;
        }),
      );
    });
}
