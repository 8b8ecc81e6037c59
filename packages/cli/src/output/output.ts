/**
 * Where the CLI writes, and in which voice. Results go to stdout (a table, or JSON with --json);
 * everything for the person watching (progress, notes, warnings, errors) goes to stderr, so
 * `--json > file` and pipes stay clean. Colour and live progress only when stderr is a terminal
 * that takes colour (Node's hasColors() honours NO_COLOR, FORCE_COLOR and TERM=dumb).
 */
import { styleText } from "node:util";

/** The writable side the CLI uses (process.stdout and process.stderr in real runs). */
export interface Sink {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  hasColors?: () => boolean;
}

/** How output is shaped for this run. */
export interface OutputOptions {
  /** Print the result as JSON on stdout instead of a table or lines. */
  json: boolean;
  /** No progress and no notes; errors and the result still print. */
  quiet: boolean;
  /** Client events and stack traces on stderr. */
  verbose: boolean;
}

type Style = "red" | "yellow" | "green" | "dim" | "bold";

/** The CLI's writer: stdout for results, stderr for people. */
export class Output {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** stderr is a terminal: live progress bars may be drawn there. */
  readonly live: boolean;
  readonly #color: boolean;

  constructor(
    readonly stdout: Sink,
    readonly stderr: Sink,
    options: OutputOptions,
  ) {
    this.json = options.json;
    this.quiet = options.quiet;
    this.verbose = options.verbose;
    this.live = stderr.isTTY === true && !options.quiet;
    this.#color = stderr.isTTY === true && (stderr.hasColors?.() ?? false);
  }

  /** Styles text for stderr when it takes colour; plain otherwise. */
  paint(style: Style, text: string): string {
    return this.#color ? styleText(style, text) : text;
  }

  /** A result line on stdout. */
  print(line: string): void {
    this.stdout.write(`${line}\n`);
  }

  /** A JSON document on stdout (the whole result of a --json run). */
  printJson(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A note for the person watching (left out with --quiet). */
  note(line: string): void {
    if (!this.quiet) this.stderr.write(`${line}\n`);
  }

  /** A warning on stderr (printed even with --quiet). */
  warn(line: string): void {
    this.stderr.write(`${this.paint("yellow", "warning:")} ${line}\n`);
  }

  /** An error line on stderr, with optional indented detail lines. */
  error(line: string, details: readonly string[] = []): void {
    this.stderr.write(`${this.paint("red", "error:")} ${line}\n`);
    for (const detail of details) this.stderr.write(`  ${detail}\n`);
  }

  /** A debug line on stderr, only with --verbose. */
  debug(line: string): void {
    if (this.verbose) this.stderr.write(`${this.paint("dim", line)}\n`);
  }
}
