/**
 * `zcrm-attachments photo get|set|delete <module> <recordId> [file]`: a record's photo (modules
 * with photos: Leads, Contacts, Accounts, Products, Vendors and custom modules). `get` saves it to
 * the file named, or to `<recordId>.<type>` in the current folder.
 */
import type { Command } from "@commander-js/extra-typings";
import { saveStream } from "../files/save-stream.js";
import { CliError, exitCodes } from "../output/exit-codes.js";
import { formatBytes } from "../output/units.js";
import { DEMO_MODULE, DEMO_RECORD_ID } from "../session/demo-mock.js";
import { type RunIo, withSession } from "../session/session.js";
import { checkId, globalsOf, runAction } from "./shared.js";

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/bmp": "bmp",
};

function defaultName(recordId: string, contentType: string | undefined): string {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return `${recordId}.${EXTENSIONS[type] ?? "img"}`;
}

/** Registers `photo get`, `photo set` and `photo delete`. */
export function registerPhoto(program: Command, io: RunIo): void {
  const photo = program
    .command("photo")
    .description("get, set or delete a record's photo")
    .addHelpText(
      "after",
      `\nExample:\n  zcrm-attachments --mock photo get ${DEMO_MODULE} ${DEMO_RECORD_ID} ./lead.png`,
    );

  photo
    .command("get")
    .description("save a record's photo to a file")
    .argument("<module>", "module API name")
    .argument("<recordId>", "the record's id")
    .argument("[file]", "where to save it (default <recordId>.<type> here)")
    .option("--overwrite", "replace the file if it exists")
    .addHelpText("after", `\nExample:\n  zcrm-attachments --mock photo get ${DEMO_MODULE} ${DEMO_RECORD_ID} ./lead.png`)
    .action((module, recordId, file, options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, () =>
        withSession(globals, io, {}, async (session) => {
          checkId(recordId, "recordId");
          const got = await session.client.getPhoto(module, recordId, { signal: session.signal });
          if (got.status === 204) throw new CliError(`${module} ${recordId} has no photo.`, exitCodes.failed);
          const path = file ?? defaultName(recordId, got.contentType);
          const saved = await saveStream(got.body, path, {
            signal: session.signal,
            expectedBytes: got.contentLength,
            overwrite: options.overwrite === true,
          });
          if (session.output.json)
            session.output.printJson({
              module,
              recordId,
              ...saved,
              contentType: got.contentType,
              apiCalls: session.meter.made,
            });
          else
            session.output.print(
              `saved the photo of ${module} ${recordId} to ${saved.path} (${formatBytes(saved.bytes)})`,
            );
          return exitCodes.ok;
        }),
      );
    });

  photo
    .command("set")
    .description("set or replace a record's photo (PNG, JPEG, GIF or BMP)")
    .argument("<module>", "module API name")
    .argument("<recordId>", "the record's id")
    .argument("<file>", "the image")
    .addHelpText(
      "after",
      `\nExample:\n  zcrm-attachments --mock photo set ${DEMO_MODULE} ${DEMO_RECORD_ID} ./portrait.jpg`,
    )
    .action((module, recordId, file, _options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, () =>
        withSession(globals, io, {}, async (session) => {
          checkId(recordId, "recordId");
          const result = await session.client.uploadPhoto(module, recordId, file, { signal: session.signal });
          if (session.output.json)
            session.output.printJson({ module, recordId, file, result: result.data, apiCalls: session.meter.made });
          else session.output.print(`set the photo of ${module} ${recordId} from ${file}`);
          return exitCodes.ok;
        }),
      );
    });

  photo
    .command("delete")
    .description("remove a record's photo")
    .argument("<module>", "module API name")
    .argument("<recordId>", "the record's id")
    .addHelpText("after", `\nExample:\n  zcrm-attachments --mock photo delete ${DEMO_MODULE} ${DEMO_RECORD_ID}`)
    .action((module, recordId, _options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, () =>
        withSession(globals, io, {}, async (session) => {
          checkId(recordId, "recordId");
          const result = await session.client.deletePhoto(module, recordId, { signal: session.signal });
          if (session.output.json)
            session.output.printJson({ module, recordId, result: result.data, apiCalls: session.meter.made });
          else session.output.print(`removed the photo of ${module} ${recordId}`);
          return exitCodes.ok;
        }),
      );
    });
}
