/**
 * Counts the API calls a command makes and, with --max-calls, never lets it make more. Zoho charges
 * a credit per call over a rolling 24 hours, retries included, so the count is taken where requests
 * leave: a fetch wrapper handed to the client, which sees every attempt (token refreshes go to the
 * accounts server through their own fetch and cost no API credit).
 *
 * The budget works in two steps. Before a call starts, `acquire()` waits until the calls made plus
 * the calls in flight are below the limit (each in-flight call will make at least one request), and
 * answers false (and stops the run through `onSpent`) once the budget is spent. If retries still push a call over, the fetch wrapper
 * refuses the request and stops the run through `onSpent`, so the limit is a hard one.
 */
import type { FetchLike } from "@zcrm-attachments/client";

/** Thrown (as an abort reason) when --max-calls is reached. */
export class CallBudgetSpent extends Error {
  constructor(readonly maxCalls: number) {
    super(`--max-calls ${maxCalls} reached`);
    this.name = "CallBudgetSpent";
  }
}

/** The running count of API calls, by kind, and the optional budget. */
export class CallMeter {
  /** Requests sent, retries included. */
  made = 0;
  /** Requests by the kind the caller named in acquire() (list, download, upload, ...). */
  readonly byKind: Record<string, number> = {};
  readonly #max: number | undefined;
  #inFlight = 0;
  #waiters: (() => void)[] = [];
  #onSpent: (reason: CallBudgetSpent) => void = () => {};

  constructor(maxCalls: number | undefined) {
    this.#max = maxCalls;
  }

  /** The budget, if any. */
  get maxCalls(): number | undefined {
    return this.#max;
  }

  /** Called once when a request would go past the budget (the run stops). */
  onSpent(listener: (reason: CallBudgetSpent) => void): void {
    this.#onSpent = listener;
  }

  /** Waits for room in the budget; true when one more call may start (call `release` after it), false once spent. */
  async acquire(): Promise<boolean> {
    const max = this.#max;
    if (max === undefined) return true;
    while (this.made + this.#inFlight >= max) {
      if (this.#inFlight === 0) {
        this.#onSpent(new CallBudgetSpent(max));
        return false;
      }
      await new Promise<void>((wake) => this.#waiters.push(wake));
    }
    this.#inFlight += 1;
    return true;
  }

  /** Ends a call that acquire() let start. */
  release(): void {
    if (this.#max === undefined) return;
    this.#inFlight -= 1;
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Counts one request of `kind`; false when the budget forbids sending it. */
  #count(kind: string): boolean {
    if (this.#max !== undefined && this.made >= this.#max) {
      this.#onSpent(new CallBudgetSpent(this.#max));
      return false;
    }
    this.made += 1;
    this.byKind[kind] = (this.byKind[kind] ?? 0) + 1;
    return true;
  }

  /** A fetch that counts every request it sends (by the kind its URL and method say) and enforces the budget. */
  wrap(fetch: FetchLike): FetchLike {
    return (input, init) => {
      const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (!this.#count(kindOf(method, url))) {
        const reason = new CallBudgetSpent(this.#max ?? 0);
        return Promise.reject(reason);
      }
      return fetch(input, init);
    };
  }

  /** The count as plain data for summaries and --json. */
  toJSON(): { made: number; byKind: Record<string, number>; maxCalls: number | undefined } {
    return { made: this.made, byKind: { ...this.byKind }, maxCalls: this.#max };
  }
}

/** The operation a request is, from its method and path (for the per-kind count). */
export function kindOf(method: string, url: string): string {
  const path = new URL(url, "http://x").pathname;
  if (path.endsWith("/photo")) return `photo-${method === "GET" ? "get" : method === "POST" ? "set" : "delete"}`;
  const attachment = /\/Attachments\/[^/]+$/.test(path);
  if (method === "GET") return attachment ? "download" : "list";
  if (method === "POST") return "upload";
  return "delete";
}
