/**
 * What the commands share: the attachment fields the CLI asks for, argument checks that fail before
 * any request with a message naming the argument, walking every page of a record within the call
 * budget, and running an action so that its errors turn into an explained message and an exit code.
 */
import type { Command } from "@commander-js/extra-typings";
import type { Attachment } from "@zcrm-attachments/client";
import { CliError, type ExitCode, exitCodes } from "../output/exit-codes.js";
import { Output } from "../output/output.js";
import { reportError } from "../output/report-error.js";
import type { GlobalOptions } from "../session/global-options.js";
import type { RunIo, Session } from "../session/session.js";

/** The fields every listing asks for (v3 and later require `fields`). */
export const LIST_FIELDS = [
  "id",
  "File_Name",
  "Size",
  "Created_Time",
  "Modified_Time",
  "Created_By",
  "$type",
  "$link_url",
];

/** True for a link attachment (it has a URL and no bytes to download). */
export function isLink(attachment: Attachment): boolean {
  const record = attachment as Record<string, unknown>;
  return record.$type === "Link URL" || (typeof record.$link_url === "string" && record.$link_url !== "");
}

/** An attachment's size in bytes, from the string of digits Zoho sends. */
export function sizeOf(attachment: Attachment): number | undefined {
  const size = Number((attachment as Record<string, unknown>).Size);
  return Number.isFinite(size) && size >= 0 ? size : undefined;
}

/** Checks a record or attachment id argument (a string of digits) before anything is sent. */
export function checkId(value: string, what: string): string {
  if (!/^[0-9]{1,19}$/.test(value)) throw new CliError(`${what} must be a string of 1 to 19 digits (got "${value}").`);
  return value;
}

/** Walks every page of a record's attachments, each page within the call budget. */
export async function* listAll(session: Session, module: string, recordId: string): AsyncGenerator<Attachment> {
  const pages = session.client.iterateAttachmentPages(module, recordId, {
    fields: LIST_FIELDS,
    signal: session.signal,
  });
  for (;;) {
    if (!(await session.meter.acquire())) throw session.signal.reason ?? new Error("call budget spent");
    let next: IteratorResult<{ data: Attachment[] }>;
    try {
      next = await pages.next();
    } finally {
      session.meter.release();
    }
    if (next.done === true) return;
    yield* next.value.data;
  }
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
    },
  );
}
