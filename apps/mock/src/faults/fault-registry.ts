/**
 * Decides which fault, if any, hits a request: the one its X-Zcrm-Mock-Fault header names (with a
 * key, a burst shared by the retries of one logical call), else the first armed fault that matches;
 * and reads the lists of faults that startMock, the CLI and the control API arm.
 */
import { type Fault, parseFault, parseFaultText } from "./fault-spec.js";

/** The request header that asks for a fault (Node lower-cases header names). */
export const FAULT_HEADER = "x-zcrm-mock-fault";

/** A fault armed for the next matching requests, with how many it still has to hit. */
export interface ArmedFault {
  fault: Fault;
  remaining: number;
}

/** The fault for one request, a reason to refuse its fault header, or undefined for none. */
export type FaultDecision = { fault: Fault } | { problem: string } | undefined;

// Keys come from test code; a cap keeps a long-running mock from growing without bound.
const MAX_BURST_KEYS = 10_000;

/**
 * How many faults may wait armed at once. Every request scans the list, so an unbounded one slows
 * every answer (two POSTs of 10 MiB armed 776,702 and took p50 from 3.5 to 23 ms); a test never
 * needs more than a handful, and one fault's `times` covers a long burst.
 */
export const MAX_ARMED_FAULTS = 1_000;

/** Raised when arming would take the list past {@link MAX_ARMED_FAULTS}; nothing is armed. */
export class TooManyFaultsError extends Error {
  override readonly name = "TooManyFaultsError";
}

/** The faults of one mock: armed ones in order, and the bursts keyed by header `key`. */
export class FaultRegistry {
  /** Armed faults in the order they hit; the dispatcher reads `.length` to skip all work when empty. */
  readonly armed: ArmedFault[] = [];
  private readonly bursts = new Map<string, number>();

  /** Picks the fault of one request (consuming one hit of it) from its fault header, method and path. */
  decide(header: string | undefined, method: string, path: string): FaultDecision {
    if (header !== undefined) {
      const parsed = parseFaultText(header, "header");
      if (!parsed.ok) return { problem: parsed.message };
      const fault = parsed.fault;
      if (fault.key === undefined) return { fault };
      const left = this.bursts.get(fault.key) ?? fault.times;
      if (left > 0) {
        this.remember(fault.key, left - 1);
        return { fault };
      }
      // The burst is over: the request goes on as if it had no header (armed faults may still hit).
    }
    for (let i = 0; i < this.armed.length; i++) {
      const entry = this.armed[i];
      if (entry === undefined || !matches(entry.fault, method, path)) continue;
      entry.remaining--;
      if (entry.remaining <= 0) this.armed.splice(i, 1);
      return { fault: entry.fault };
    }
    return undefined;
  }

  /** Adds faults after those already armed; throws {@link TooManyFaultsError}, arming none, past the cap. */
  arm(faults: readonly Fault[]): void {
    checkRoom(this.armed.length, faults.length);
    for (const fault of faults) this.armed.push({ fault, remaining: fault.times });
  }

  /** How many armed faults there are. */
  get armedCount(): number {
    return this.armed.length;
  }

  /** Drops every armed fault and forgets every burst key. */
  clear(): void {
    this.armed.length = 0;
    this.bursts.clear();
  }

  /** The armed faults and the hits left per burst key, for the control endpoint and tests. */
  snapshot(): { armed: ArmedFault[]; bursts: Record<string, number> } {
    return {
      armed: this.armed.map((entry) => ({ fault: { ...entry.fault }, remaining: entry.remaining })),
      bursts: Object.fromEntries(this.bursts),
    };
  }

  private remember(key: string, left: number): void {
    if (!this.bursts.has(key) && this.bursts.size >= MAX_BURST_KEYS) {
      const oldest = this.bursts.keys().next();
      if (oldest.done !== true) this.bursts.delete(oldest.value);
    }
    this.bursts.set(key, left);
  }
}

/** Throws {@link TooManyFaultsError} unless `adding` more faults fit beside the `armed` ones. */
export function checkRoom(armed: number, adding: number): void {
  if (armed + adding <= MAX_ARMED_FAULTS) return;
  throw new TooManyFaultsError(
    `at most ${MAX_ARMED_FAULTS} faults may be armed at once; ${armed} are armed and this adds ${adding}. ` +
      "Use times=N for a longer burst, or clear the armed faults first (DELETE /__zcrm-mock/faults, faults.clear()).",
  );
}

function matches(fault: Fault, method: string, path: string): boolean {
  return path.startsWith(fault.path) && (fault.method === undefined || fault.method === method);
}

/**
 * Reads a list of faults (strings in header syntax or objects) for arming; throws an Error naming
 * the first bad one. `source` says where they came from, for the message.
 */
export function parseArmedFaults(inputs: readonly unknown[], source: string): Fault[] {
  return inputs.map((input, index) => {
    const parsed = parseFault(input, "armed");
    if (!parsed.ok) throw new Error(`${source}: fault ${index + 1} (${describe(input)}): ${parsed.message}`);
    return parsed.fault;
  });
}

function describe(input: unknown): string {
  return typeof input === "string" ? `"${input}"` : (JSON.stringify(input) ?? String(input));
}
