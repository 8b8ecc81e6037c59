/**
 * The mock's front door: every request but the control endpoints' goes into the request journal;
 * a request without Host is refused first, then control endpoints (never faulted, never counted,
 * never journaled), then the fault layer around the token endpoint or the API. A request with no
 * fault header while nothing is armed costs a prefix check, a path comparison, a header lookup and
 * the journal's watch more than the API handler alone.
 */

import { applyFault, type FaultLayerContext, type Route } from "../faults/fault-layer.js";
import { FAULT_HEADER, type FaultRegistry } from "../faults/fault-registry.js";
import type { MockStats } from "../faults/mock-stats.js";
import type { RequestJournal } from "../journal/request-journal.js";
import { noteRequest } from "../journal/request-notes.js";
import { TOKEN_PATH } from "../oauth/token-endpoint.js";
import { sendMockProblem, sendZohoJson } from "../wire/reply.js";
import { requestTarget } from "../wire/request-input.js";
import { CONTROL_PREFIX } from "./control-api.js";

/** The routes and state the dispatcher puts together. */
export interface DispatchParts extends FaultLayerContext {
  /** Zoho's API (the Prism-backed handler). */
  api: Route;
  /** `/oauth/v2/token`. */
  token: Route;
  /** `/__zcrm-mock/*`. */
  control: Route;
  /** Header and armed faults. */
  faults: FaultRegistry;
  /** Counters the dispatcher bumps. */
  stats: MockStats;
  /** Where every request but the control endpoints' is recorded. */
  journal: RequestJournal;
}

/** Builds the request listener of the mock's HTTP server. */
export function createDispatcher(parts: DispatchParts): Route {
  const { api, token, control, faults, stats, errors, journal } = parts;
  return (req, res) => {
    const { path } = requestTarget(req);
    const isControl = path.startsWith(CONTROL_PREFIX);
    if (!isControl) journal.watch(req, res);
    // HTTP/1.1 requires Host. Node's own check answers a bare 400 with no body, so the server
    // turns it off (requireHostHeader: false) and the refusal is Zoho's INVALID_DATA naming Host.
    if (req.headers.host === undefined && req.httpVersionMajor === 1 && req.httpVersionMinor >= 1) {
      req.resume();
      sendZohoJson(res, 400, errors.body("invalidParameter", "Host"));
      return;
    }
    if (isControl) {
      control(req, res);
      return;
    }
    stats.requests++;
    // Exactly the path, not /oauth/v2/token/revoke.
    const isToken = path === TOKEN_PATH;
    if (isToken) stats.tokenRequests++;
    const route = isToken ? token : api;
    const header = req.headers[FAULT_HEADER];
    if (header === undefined && faults.armed.length === 0) {
      route(req, res);
      return;
    }
    const decision = faults.decide(Array.isArray(header) ? header.join(", ") : header, req.method ?? "GET", path);
    if (decision === undefined) {
      route(req, res);
    } else if ("problem" in decision) {
      req.resume();
      sendMockProblem(res, 400, "INVALID_FAULT", "Invalid X-Zcrm-Mock-Fault header", decision.problem);
    } else {
      stats.faultsInjected++;
      noteRequest(req, { fault: decision.fault.kind });
      applyFault(decision.fault, req, res, route, parts);
    }
  };
}
