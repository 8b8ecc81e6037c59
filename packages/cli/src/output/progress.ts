/**
 * Progress of uploads, downloads and exports. On a terminal (stderr a TTY, no --quiet): cli-progress
 * draws one bar per file in flight (bytes, rate, time left) and, for an export, an overall bar
 * (files and bytes done of the total known so far), with finished files logged above the bars.
 * Piped: one plain line per finished file, no control characters. With --quiet: nothing.
 */
import { MultiBar, type SingleBar } from "cli-progress";
import type { Output } from "./output.js";
import { formatBytes, formatDuration, formatRate, rateAndEta } from "./units.js";

/** One file's progress. */
export interface FileProgress {
  /** Bytes moved so far. */
  update(bytes: number): void;
  /** The file is done; `line` is what a plain log prints for it. */
  done(line: string): void;
  /** The file failed or was dropped; the error is reported elsewhere. */
  drop(): void;
}

interface BarPayload {
  label: string;
  startedAt: number;
  detail?: string;
}

const NAME_WIDTH = 28;
const noop: FileProgress = { update() {}, done() {}, drop() {} };

function fit(text: string, width: number): string {
  return text.length > width ? `…${text.slice(text.length - width + 1)}` : text.padEnd(width);
}

/** Progress display for one command; call stop() at the end, whatever happened. */
export class Progress {
  readonly #output: Output;
  readonly #bars: MultiBar | undefined;
  #overall: SingleBar | undefined;
  #overallState = { files: 0, filesTotal: 0, bytes: 0, bytesTotal: 0, startedAt: Date.now(), note: "" };

  constructor(output: Output, overall = false) {
    this.#output = output;
    if (!output.live) return;
    this.#bars = new MultiBar({
      stream: output.stderr as NodeJS.WritableStream,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      gracefulExit: false,
      linewrap: false,
      barsize: 20,
      barCompleteChar: "█",
      barIncompleteChar: "░",
      fps: 10,
      format: (options, params, payload: BarPayload) => {
        const bar = options.barCompleteString?.slice(0, Math.round(params.progress * 20)) ?? "";
        const rest = options.barIncompleteString?.slice(0, 20 - bar.length) ?? "";
        const { rate, eta } = rateAndEta(params.value, params.total || undefined, payload.startedAt, Date.now());
        const total = params.total > 0 ? formatBytes(params.total) : "?";
        return `${fit(payload.label, NAME_WIDTH)} ${bar}${rest} ${formatBytes(params.value)}/${total} ${formatRate(rate)} ETA ${formatDuration(eta)}${payload.detail ?? ""}`;
      },
    });
    if (overall) this.#overall = this.#bars.create(0, 0, { label: "total", startedAt: Date.now() });
  }

  /** Sets the overall totals (an export learns them as it lists records) and a note such as "listing 3/20". */
  totals(filesTotal: number, bytesTotal: number, note = ""): void {
    Object.assign(this.#overallState, { filesTotal, bytesTotal, note });
    this.#drawOverall();
  }

  /** Counts a finished (or skipped) file towards the overall bar. */
  count(bytes: number): void {
    this.#overallState.files += 1;
    this.#overallState.bytes += bytes;
    this.#drawOverall();
  }

  #drawOverall(): void {
    const state = this.#overallState;
    const detail = ` files ${state.files}/${state.filesTotal}${state.note ? ` (${state.note})` : ""}`;
    this.#overall?.setTotal(state.bytesTotal);
    this.#overall?.update(state.bytes, { label: "total", startedAt: state.startedAt, detail });
  }

  /** Starts a file's bar (terminal) or nothing (piped); `size` may be unknown. */
  file(label: string, size: number | undefined): FileProgress {
    const bars = this.#bars;
    if (bars === undefined) {
      if (this.#output.quiet) return noop;
      return { update() {}, done: (line) => this.#output.note(line), drop() {} };
    }
    const bar = bars.create(size ?? 0, 0, { label, startedAt: Date.now() });
    let last = 0;
    return {
      update(bytes) {
        last = bytes;
        bar.update(bytes);
      },
      done: (line) => {
        bar.update(last);
        bars.remove(bar);
        this.log(line);
      },
      drop() {
        bars.remove(bar);
      },
    };
  }

  /** Prints a line above the bars (or as a plain note, when no bar is drawn). */
  log(line: string): void {
    if (this.#bars?.isActive === true) this.#bars.log(`${line}\n`);
    else this.#output.stderr.write(`${line}\n`);
  }

  /** Draws the last frame (flushing lines logged since the previous one), removes the bars and restores the cursor. */
  stop(): void {
    if (this.#bars?.isActive !== true) return;
    this.#drawOverall();
    this.#bars.update();
    this.#bars.stop();
  }
}
