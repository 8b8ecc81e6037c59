/**
 * What the commands share: argument checks that fail before any request with a message naming the
 * argument, and running an action so that its errors turn into an explained message and an exit code.
 */
import type { Command } from "@commander-js/extra-typings";
import { CliError, type ExitCode, exitCodes } from "../output/exit-codes.js";
import { Output } from "../output/output.js";
import { errorData, reportError } from "../output/report-error.js";
import type { GlobalOptions } from "../session/global-options.js";
import type { RunIo } from "../session/session.js";

/** Checks a record or attachment id argument (a string of digits) before anything is sent. */
export function checkId(value: string, what: string): string {
  if (!/^[0-9]{1,19}$/.test(value)) throw new CliError(`${what} must be a string of 1 to 19 digits (got "${value}").`);
  return value;
}

/** The global options of the command an action runs in. */
export function globalsOf(
  command: Command<unknown[], Record<string, unknown>, Record<string, unknown>>,
): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

/** Runs a command's action: its result is the exit code; an error is explained, then mapped to one. */
export function runAction(
  io: RunIo,
  globals: GlobalOptions,
  action: () => Promise<ExitCode | undefined>,
): Promise<void> {
  return action().then(
    (code) => {
      process.exitCode = code ?? exitCodes.ok;
    },
    (error: unknown) => {
      const output = new Output(io.stdout, io.stderr, {
        json: globals.json === true,
        quiet: globals.quiet === true,
        verbose: globals.verbose === true,
      });
      process.exitCode = reportError(output, error);
      // A script that asked for JSON gets the error as JSON too (the explanation stays on stderr).
      if (output.json) output.printJson({ error: errorData(error), exitCode: process.exitCode });
    },
  );
}
