/**
 * The public shapes of startMock: what it takes and what it hands back.
 */
import type { StatefulOptions } from "./answers/routes.js";
import type { Clock, Sleep } from "./clock.js";
import type { LogSink } from "./failure-log.js";
import type { ArmedFault } from "./faults/fault-registry.js";
import type { FaultSpec } from "./faults/fault-spec.js";
import type { MockStats } from "./faults/mock-stats.js";
import type { JournalEntry } from "./journal/journal-entry.js";
import type { RequestFilter } from "./journal/journal-filter.js";
import type { SeedInput } from "./seed/load-seed.js";

/** Where the mock listens and which spec it serves. */
export interface MockOptions {
  /** TCP port; 0 picks any free port. Default 4010. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Path of a bundled OpenAPI document. Default: `@zcrm-attachments/spec/openapi.json`. */
  specPath?: string;
  /** Client id `/oauth/v2/token` accepts. Default `1000.MOCKCLIENT`. */
  clientId?: string;
  /** Client secret `/oauth/v2/token` accepts. Default `mock-client-secret`. */
  clientSecret?: string;
  /** Refresh token `/oauth/v2/token` accepts. Default `1000.mock-refresh-token`. */
  refreshToken?: string;
  /** Lifetime of the access tokens the mock issues, in whole seconds. Default 3600. */
  tokenTtlSeconds?: number;
  /** Answer `expires_in` in milliseconds plus `expires_in_sec`, like Zoho's older accounts servers. Default false. */
  legacyTokenUnits?: boolean;
  /** Faults armed from the start, each for its next `times` matching requests (header syntax or objects). */
  faults?: readonly FaultInput[];
  /**
   * Keep uploads (their bytes in a temp folder the mock owns) and answer lists, downloads, deletes
   * and photos from them, instead of the spec's examples; an object sets the store's bounds and
   * the folder's parent. Default false.
   */
  stateful?: boolean | StatefulOptions;
  /**
   * What the stateful store starts with: the path of a HAR recording (by its `.har` name or its
   * content) or of a JSON scenario, or a scenario object (its paths relative to the working folder).
   * Needs `stateful`. A seed that cannot be used fails start-up, naming the entry or record at fault.
   */
  seed?: SeedInput;
  /** Clock for token expiry (and, in the stateful mode, attachment times and page tokens), in epoch milliseconds. Default `Date.now`; tests pass their own. */
  now?: Clock;
  /** Sleep used by the slow faults. Default a real timer; tests pass one they release themselves. */
  sleep?: Sleep;
  /** Add the stack to each failure line the mock logs (and log clients that hang up mid-body). Default false. */
  verbose?: boolean;
  /** Where failure lines go, one call per line. Default stderr. */
  log?: LogSink;
  /** How many requests the request journal keeps, the oldest going first; 0 keeps none. Default 1,000. */
  journalLimit?: number;
}

/** A fault to arm: the header syntax (`"unavailable;times=3"`) or an object. */
export type FaultInput = string | FaultSpec;

/** Arms, lists and clears the faults of a running mock (the same as the `/__zcrm-mock/faults` endpoint). */
export interface FaultControl {
  /** Arms faults after those already armed; throws, arming none, if one is malformed. */
  arm(...faults: FaultInput[]): void;
  /** Drops every armed fault and forgets every header burst key. */
  clear(): void;
  /** The armed faults (with hits left) and the hits left per header burst key. */
  state(): { armed: ArmedFault[]; bursts: Record<string, number> };
}

/** A running mock. */
export interface MockServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The port actually bound (useful with `port: 0`). */
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
  /** Live counters (token requests, tokens issued, faults injected, requests); they change as requests arrive. */
  readonly stats: Readonly<MockStats>;
  /** Sets every counter of `stats` back to zero. */
  resetStats(): void;
  /** The fault switches of this mock. */
  readonly faults: FaultControl;
  /**
   * The requests the mock answered (control endpoints aside), oldest first, that match `filter`:
   * the same as `GET /__zcrm-mock/requests`. Throws on a filter that makes no sense.
   */
  requests(filter?: RequestFilter): JournalEntry[];
  /** Forgets the journal's entries (their indexes go on from where they were). */
  resetRequests(): void;
}
