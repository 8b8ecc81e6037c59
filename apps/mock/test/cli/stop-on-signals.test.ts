/**
 * stopOnSignals with a fake process: a clock the test moves, signals it raises, and the exit codes
 * and lines it records.
 */
import { describe, expect, it } from "vitest";
import { REPEAT_WINDOW_MS, type StopIo, stopOnSignals } from "../../src/cli/stop-on-signals.js";

function fakeProcess() {
  const handlers = new Map<NodeJS.Signals, (signal: NodeJS.Signals) => void>();
  const timers: { at: number; run: () => void }[] = [];
  const state = { now: 0, exits: [] as number[], lines: [] as string[] };
  const io: StopIo = {
    on: (signal, handler) => handlers.set(signal, handler),
    exit: (code) => state.exits.push(code),
    print: (line, error) => state.lines.push(error ? `stderr: ${line}` : line),
    now: () => state.now,
    later: (run, ms) => timers.push({ at: state.now + ms, run }),
  };
  return {
    io,
    state,
    signal: (signal: NodeJS.Signals) => handlers.get(signal)?.(signal),
    /** Moves the clock and runs the timers that are due. */
    advance(ms: number) {
      state.now += ms;
      for (const timer of timers.splice(0).filter((t) => t.at <= state.now)) timer.run();
    },
  };
}

/** A server whose close() the test settles. */
function closable() {
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  let closes = 0;
  const server = {
    close: () =>
      new Promise<void>((resolve, reject) => {
        closes++;
        settle = { resolve, reject };
      }),
  };
  return { server, closes: () => closes, settle: () => settle };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("stopOnSignals", () => {
  it("closes once on SIGINT, ignores the same Ctrl+C passed on again, then exits 0", async () => {
    const fake = fakeProcess();
    const { server, closes, settle } = closable();
    stopOnSignals(server, fake.io);
    fake.signal("SIGINT");
    fake.advance(3); // pnpm's own SIGINT, a few ms after the terminal's
    fake.signal("SIGINT");
    settle()?.resolve();
    await tick();
    expect(closes()).toBe(1);
    expect(fake.state.lines).toStrictEqual(["zcrm-mock stopped (SIGINT)."]);
    expect(fake.state.exits).toStrictEqual([]); // still listening for repeats
    fake.advance(REPEAT_WINDOW_MS);
    expect(fake.state.exits).toStrictEqual([0]);
  });

  it("stops the same way on SIGTERM", async () => {
    const fake = fakeProcess();
    const { server, settle } = closable();
    stopOnSignals(server, fake.io);
    fake.signal("SIGTERM");
    settle()?.resolve();
    await tick();
    fake.advance(REPEAT_WINDOW_MS);
    expect(fake.state.lines).toStrictEqual(["zcrm-mock stopped (SIGTERM)."]);
    expect(fake.state.exits).toStrictEqual([0]);
  });

  it("exits 130 at once when the user presses again after the window while closing still hangs", () => {
    const fake = fakeProcess();
    const { server } = closable();
    stopOnSignals(server, fake.io);
    fake.signal("SIGINT");
    fake.advance(REPEAT_WINDOW_MS + 1);
    fake.signal("SIGINT");
    expect(fake.state.exits).toStrictEqual([130]);
  });

  it("exits 1 and says why when closing fails", async () => {
    const fake = fakeProcess();
    const { server, settle } = closable();
    stopOnSignals(server, fake.io);
    fake.signal("SIGINT");
    settle()?.reject(new Error("boom"));
    await tick();
    expect(fake.state.lines).toStrictEqual(["stderr: zcrm-mock: error while stopping: Error: boom"]);
    expect(fake.state.exits).toStrictEqual([1]);
  });
});
