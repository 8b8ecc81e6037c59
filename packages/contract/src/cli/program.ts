/**
 * The zcrm-contract program: its commands, its own options (--version, --cwd, --no-color), and
 * the exit statuses, which are part of its interface: 0 everything held, 1 a departure from the
 * contract (or coverage below --min-coverage), 2 bad usage, an unreadable file or a target that
 * cannot be reached. Arguments are parsed by commander; its errors are usage errors.
 */
import { Command, CommanderError } from "commander";
import { EXIT_HELD, EXIT_STATUS_HELP, EXIT_USAGE, UsageError } from "./exit-status.js";
import { addProxyCommand } from "./proxy-command.js";
import { addRunCommand } from "./run-command.js";
import { TOOL } from "./shared-options.js";
import { addValidateCommand } from "./validate-command.js";

/** Builds the program; `done` receives the exit status of the command that ran. */
export function createProgram(done: (code: number) => void): Command {
  const program = new Command(TOOL.name)
    .description(
      "Contract checks for Zoho CRM's Files and Attachments API: run the suite, validate recordings, or check live traffic through a proxy.",
    )
    .version(TOOL.version, "-V, --version", "print the version")
    .option("--cwd <dir>", "resolve relative paths (files, reports) from this folder; the working directory by default")
    .option("--no-color", "print no colours (as NO_COLOR does)")
    .exitOverride()
    .showHelpAfterError(true)
    .addHelpText("after", EXIT_STATUS_HELP);
  addRunCommand(program, done);
  addValidateCommand(program, done);
  addProxyCommand(program, done);
  for (const command of program.commands) command.addHelpText("after", EXIT_STATUS_HELP);
  return program;
}

/** Runs the program on `argv` (as process.argv: node, script, arguments); resolves with the exit status. */
export async function main(argv: string[]): Promise<number> {
  let code = EXIT_HELD;
  const program = createProgram((status) => {
    code = status;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end by "exiting" 0; any other stop is a usage error commander printed.
      return error.exitCode === 0 ? EXIT_HELD : EXIT_USAGE;
    }
    const usage = error instanceof UsageError;
    process.stderr.write(`${TOOL.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    if (usage) process.stderr.write(`Run ${TOOL.name} <command> --help for usage.\n`);
    return usage ? EXIT_USAGE : 1;
  }
}
