/**
 * The exit codes of zcrm-attachments, in one place so the help text, the README and the code agree.
 * Scripts branch on them: 3 means "run the same command again to go on", 1 means something failed.
 */

/** Exit codes, by meaning. */
export const exitCodes = {
  /** Everything asked for was done. */
  ok: 0,
  /** Zoho (or the network) refused something; for upload, download and export: at least one file failed. */
  failed: 1,
  /** Bad usage or input: unknown option, bad id, missing credentials, unsafe profile file, delete without --yes off a TTY. */
  usage: 2,
  /** Stopped early on purpose (--max-calls reached); the export's manifest lets a re-run resume. */
  stopped: 3,
  /** Interrupted by Ctrl-C (SIGINT) or SIGTERM; the export's manifest lets a re-run resume. */
  interrupted: 130,
} as const;

/** One of the exit codes. */
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** The table printed at the end of `--help`. */
export const exitCodeHelp = `Exit codes:
  0    done
  1    Zoho or the network refused something (upload, download, export: at least one file failed)
  2    bad usage or input (nothing was sent), missing credentials, or delete without --yes off a terminal
  3    stopped at --max-calls; run the same command again to resume
  130  interrupted (Ctrl-C); run the same command again to resume`;

/** An error that ends the command with a given exit code and a message meant for people. */
export class CliError extends Error {
  /** The exit code to end with. */
  readonly exitCode: ExitCode;
  /** A line saying how to fix it, printed under the message. */
  readonly hint: string | undefined;

  constructor(message: string, exitCode: ExitCode = exitCodes.usage, hint?: string) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
    this.hint = hint;
  }
}
