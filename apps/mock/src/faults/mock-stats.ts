/**
 * Counters a test reads to check what a client did (e.g. that concurrent calls shared one token
 * refresh). Plain numbers on one object: incrementing them costs nothing on the hot path.
 */

/** What the mock has seen since it started (or since the last reset). */
export interface MockStats {
  /** Requests answered, token and API alike (control endpoints excluded). */
  requests: number;
  /** Requests that reached `/oauth/v2/token`, whatever the answer (faults included). */
  tokenRequests: number;
  /** Access tokens issued by `/oauth/v2/token`. */
  tokensIssued: number;
  /** Requests that a fault (header or armed) changed. */
  faultsInjected: number;
}

/** A fresh set of counters at zero. */
export function createStats(): MockStats {
  return { requests: 0, tokenRequests: 0, tokensIssued: 0, faultsInjected: 0 };
}

/** Sets every counter back to zero, keeping the object (callers may hold it). */
export function resetStats(stats: MockStats): void {
  stats.requests = 0;
  stats.tokenRequests = 0;
  stats.tokensIssued = 0;
  stats.faultsInjected = 0;
}
