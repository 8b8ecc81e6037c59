/**
 * Where a reporter writes: standard output or a file. Every write passes through the session's
 * redactor, so no secret reaches a terminal or a report file even if a message slipped one in.
 * Colour is decided here once per sink: never in a file; on standard output only on a terminal,
 * and never with NO_COLOR set (FORCE_COLOR turns it on, e.g. in a CI log that renders it).
 */
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { dirname } from "node:path";
import type { Redactor } from "../validator/redact.js";

/** A place reports are written to. */
export interface Sink {
  /** "standard output", or the file's path. */
  readonly name: string;
  /** A terminal, where a progress line may be redrawn in place. */
  readonly isTTY: boolean;
  /** Whether text written here may carry ANSI colours. */
  readonly color: boolean;
  write(text: string): void;
  /** Flushes and closes (standard output stays open). */
  close(): Promise<void>;
}

/** The environment that decides colour, and a switch that turns it off (`--no-color`). */
export interface ColorSettings {
  env?: NodeJS.ProcessEnv;
  disabled?: boolean;
}

/** Whether output to a stream may be coloured, by NO_COLOR, FORCE_COLOR and whether it is a terminal. */
export function colorFor(isTTY: boolean, settings: ColorSettings = {}): boolean {
  const env = settings.env ?? process.env;
  if (settings.disabled || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return isTTY && env.TERM !== "dumb";
}

/** Standard output (or, with `stream`, standard error), through the redactor. */
export function stdoutSink(
  redactor: Redactor,
  settings: ColorSettings = {},
  stream: NodeJS.WriteStream = process.stdout,
): Sink {
  const isTTY = stream.isTTY === true;
  return {
    name: stream === process.stderr ? "standard error" : "standard output",
    isTTY,
    color: colorFor(isTTY, settings),
    write: (text) => {
      stream.write(redactor.scrub(text));
    },
    close: async () => {},
  };
}

/** A file, created with its folder, through the redactor; `append` adds to it (a step summary). */
export function fileSink(path: string, redactor: Redactor, append = false): Sink {
  let stream: WriteStream | undefined;
  const open = () => {
    if (!stream) {
      mkdirSync(dirname(path), { recursive: true });
      stream = createWriteStream(path, { flags: append ? "a" : "w" });
    }
    return stream;
  };
  return {
    name: path,
    isTTY: false,
    color: false,
    write: (text) => {
      open().write(redactor.scrub(text));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        const s = open();
        s.on("error", reject);
        s.end(resolve);
      }),
  };
}
