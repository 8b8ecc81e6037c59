/**
 * The zcrm-attachments program: commander with the global options, every command, the exit codes in
 * the help, and usage errors (unknown option, missing argument) ending with exit code 2.
 */
import { Command } from "@commander-js/extra-typings";
import { registerDelete } from "./commands/delete.js";
import { registerDownload } from "./commands/download.js";
import { registerExport } from "./commands/export.js";
import { registerList } from "./commands/list.js";
import { registerPhoto } from "./commands/photo.js";
import { registerProfile } from "./commands/profile.js";
import { registerUpload } from "./commands/upload.js";
import { exitCodeHelp } from "./output/exit-codes.js";
import { DEMO_MODULE, DEMO_RECORD_ID } from "./session/demo-mock.js";
import { addGlobalOptions } from "./session/global-options.js";
import type { RunIo } from "./session/session.js";

/** Everything the program reads and writes (the process's own streams in real runs). */
export interface ProgramIo extends RunIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

const intro = `
Try it without an account (an embedded mock, seeded with a demo record):
  zcrm-attachments --mock list ${DEMO_MODULE} ${DEMO_RECORD_ID}

Credentials: ZOHO_ACCESS_TOKEN, or ZOHO_CLIENT_ID + ZOHO_CLIENT_SECRET + ZOHO_REFRESH_TOKEN (and ZOHO_DC),
or --profile <name>. Flags win over the profile, the profile over the environment.`;

/** Builds the program; `version` is the package's. */
export function createProgram(io: ProgramIo, version: string): Command {
  const program = new Command("zcrm-attachments")
    .description("List, upload, download, delete and export Zoho CRM attachments from a terminal or a script.")
    .version(version, "-V, --version")
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();
  addGlobalOptions(program);
  program.addHelpText("after", `${intro}\n\n${exitCodeHelp}`);
  const base = program as unknown as Command;
  registerList(base, io);
  registerUpload(base, io);
  registerDownload(base, io);
  registerDelete(base, io, { input: io.stdin, output: io.stderr as NodeJS.WritableStream });
  registerPhoto(base, io);
  registerExport(base, io, io.stdin);
  registerProfile(base, io);
  for (const command of base.commands) command.exitOverride();
  return base;
}
