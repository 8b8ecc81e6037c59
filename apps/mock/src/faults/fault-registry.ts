/**
 * Decides which fault, if any, hits a request: the one its X-Zcrm-Mock-Fault header names (with a
 * key, a burst shared by the retries of one logical call), else the first armed fault that matches.
 */
import { type Fault, parseFaultText } from "./fault-spec.js";

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

  /** Adds faults after those already armed. */
  arm(faults: readonly Fault[]): void {
    for (const fault of faults) this.armed.push({ fault, remaining: fault.times });
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

function matches(fault: Fault, method: string, path: string): boolean {
  return path.startsWith(fault.path) && (fault.method === undefined || fault.method === method);
}
