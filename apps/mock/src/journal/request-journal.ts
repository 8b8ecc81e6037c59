/**
 * The request journal: the last N requests the mock answered (1,000 unless told otherwise), oldest
 * first, so a test can assert what its code sent ("exactly one upload, of scan.pdf"). It is a ring:
 * past its bound the oldest entry goes, and `dropped` counts how many went since the last reset, so
 * a reader can tell a complete journal from a cut one. An entry is recorded when the answer ends,
 * before its last byte can reach the client, so a test that awaited its call finds the entry there.
 * The journal never changes an answer: should it fail (a bug, a clock that throws), the request is
 * answered as ever and the failure goes to the mock's log.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../clock.js";
import { buildEntry, type HeldEntry, type JournalEntry, publicEntry } from "./journal-entry.js";
import { operationMatches, type ParsedFilter, parseFilter, type RequestFilter } from "./journal-filter.js";

/** How many entries the journal keeps unless told otherwise. */
export const DEFAULT_JOURNAL_LIMIT = 1_000;

/** The largest bound the journal takes: entries are small, but a test never needs more. */
export const MAX_JOURNAL_LIMIT = 100_000;

/** `limit` when it is a whole number from 0 to {@link MAX_JOURNAL_LIMIT}; throws an Error saying so otherwise. */
export function checkJournalLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 0 || limit > MAX_JOURNAL_LIMIT) {
    throw new Error(
      `journalLimit must be a whole number from 0 (no journal) to ${MAX_JOURNAL_LIMIT} (got ${limit}); the default is ${DEFAULT_JOURNAL_LIMIT}.`,
    );
  }
  return limit;
}

/** What `GET /__zcrm-mock/requests` answers. */
export interface JournalAnswer {
  /** The entries that match, oldest first. */
  requests: JournalEntry[];
  /** How many entries the journal keeps. */
  limit: number;
  /** How many older entries the bound pushed out since the last reset. */
  dropped: number;
}

/** The journal of one mock. */
export class RequestJournal {
  /** How many entries it keeps (0: it keeps none, and watches nothing). */
  readonly limit: number;
  readonly #now: Clock;
  readonly #onError: (error: unknown) => void;
  readonly #ring: HeldEntry[] = [];
  #start = 0;
  #count = 0;
  #dropped = 0;

  /**
   * A journal of at most `limit` entries, dating them by `now`, telling `onError` of its own failures;
   * throws when `limit` is no whole number from 0 to {@link MAX_JOURNAL_LIMIT}.
   */
  constructor(limit: number, now: Clock, onError: (error: unknown) => void = () => undefined) {
    this.limit = checkJournalLimit(limit);
    this.#now = now;
    this.#onError = onError;
  }

  /** How many entries the bound pushed out since the journal started or was last reset. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Starts watching one request: its entry is added when `res` ends, or when it closes unended. */
  watch(req: IncomingMessage, res: ServerResponse): void {
    if (this.limit === 0) return;
    const started = performance.now();
    let atMs: number;
    try {
      atMs = this.#now();
    } catch {
      // The same clock fails the request itself, which is answered (and logged) as such.
      atMs = Date.now();
    }
    let recorded = false;
    const record = (ended: boolean) => {
      if (recorded) return;
      recorded = true;
      try {
        this.#add(buildEntry(req, res, atMs, performance.now() - started, ended));
      } catch (error) {
        this.#onError(error);
      }
    };
    // end() rather than 'finish': 'finish' may come after the client has read the whole answer.
    // A fault that bends the answer wraps this end() in turn, so the entry waits for the real end.
    const end = res.end;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      record(true);
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["end"];
    res.once("close", () => record(false));
  }

  /** The entries that match `filter` (all by default), oldest first; throws on a filter that makes no sense. */
  list(filter?: RequestFilter): JournalEntry[] {
    return this.select(parseFilter(filter));
  }

  /** The entries that match a checked filter, oldest first. */
  select(wanted: ParsedFilter): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = 0; i < this.#ring.length; i++) {
      const held = this.#ring[(this.#start + i) % this.#ring.length] as HeldEntry;
      if (matches(held, wanted)) out.push(publicEntry(held));
    }
    return out;
  }

  /** The control endpoint's answer: the entries that match a checked filter, with the bound and the count dropped. */
  answer(wanted: ParsedFilter): JournalAnswer {
    return { requests: this.select(wanted), limit: this.limit, dropped: this.#dropped };
  }

  /** Forgets every entry (indexes go on from where they were, so `since=<index>` stays unambiguous). */
  reset(): void {
    this.#ring.length = 0;
    this.#start = 0;
    this.#dropped = 0;
  }

  #add(held: HeldEntry): void {
    this.#count += 1;
    held.entry.index = this.#count;
    if (this.#ring.length < this.limit) {
      this.#ring.push(held);
      return;
    }
    this.#ring[this.#start] = held;
    this.#start = (this.#start + 1) % this.limit;
    this.#dropped += 1;
  }
}

function matches(held: HeldEntry, filter: ParsedFilter): boolean {
  const { entry } = held;
  if (filter.status !== undefined && entry.status !== filter.status) return false;
  if (filter.afterIndex !== undefined && entry.index <= filter.afterIndex) return false;
  if (filter.fromTime !== undefined && held.atMs < filter.fromTime) return false;
  return filter.operation === undefined || operationMatches(filter.operation, entry.operationId, entry.operation);
}
