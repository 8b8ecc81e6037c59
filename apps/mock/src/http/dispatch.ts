/**
 * The mock's front door: a request without Host is refused first, then control endpoints (never
 * faulted, never counted), then the fault layer around the token endpoint or the API. A request with no fault header while nothing is
 * armed costs a prefix check, a path comparison and a header lookup more than the API handler alone.
 */

import { applyFault, type FaultLayerContext, type Route } from "../faults/fault-layer.js";
import { FAULT_HEADER, type FaultRegistry } from "../faults/fault-registry.js";
import type { MockStats } from "../faults/mock-stats.js";
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
}

/** Builds the request listener of the mock's HTTP server. */
export function createDispatcher(parts: DispatchParts): Route {
  const { api, token, control, faults, stats, errors } = parts;
  return (req, res) => {
    // HTTP/1.1 requires Host. Node's own check answers a bare 400 with no body, so the server
    // turns it off (requireHostHeader: false) and the refusal is Zoho's INVALID_DATA naming Host.
    if (req.headers.host === undefined && req.httpVersionMajor === 1 && req.httpVersionMinor >= 1) {
      req.resume();
      sendZohoJson(res, 400, errors.body("invalidParameter", "Host"));
      return;
    }
    const { path } = requestTarget(req);
    if (path.startsWith(CONTROL_PREFIX)) {
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
      applyFault(decision.fault, req, res, route, parts);
    }
  };
}
