/**
 * Applies one fault around a route: error faults answer in the route's place, the others let the
 * route answer and bend its response on the way out.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Sleep } from "../clock.js";
import type { ZohoErrorCatalog, ZohoErrorKey } from "../prism/zoho-errors.js";
import { sendZohoJson } from "../wire/reply.js";
import type { Fault } from "./fault-spec.js";
import { type ResponseShape, shapeResponse } from "./response-shaper.js";

/** Answers one request (a route of the mock). */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** What the fault layer needs besides the fault. */
export interface FaultLayerContext {
  /** Waits out `delay` and `body-delay`. */
  sleep: Sleep;
  /** Where the 429 and 503 bodies come from. */
  errors: ZohoErrorCatalog;
}

// Used only with a spec that lacks the `tooManyRequests` / `serviceUnavailable` examples (the bundled
// one has both): Zoho's code names in Zoho's error shape, with messages of the mock's own.
const FALLBACK_BODIES: Readonly<Record<"tooManyRequests" | "serviceUnavailable", Buffer>> = {
  tooManyRequests: json({
    code: "TOO_MANY_REQUESTS",
    details: {},
    message: "too many requests; try again later",
    status: "error",
  }),
  serviceUnavailable: json({
    code: "SERVICE_UNAVAILABLE",
    details: {},
    message: "the service is unavailable for now; try again later",
    status: "error",
  }),
};

/** Answers `req` with `fault` applied to what `route` would have answered. */
export function applyFault(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  route: Route,
  context: FaultLayerContext,
): void {
  const shape = shapeOf(fault);
  if (shape !== undefined) shapeResponse(res, shape, context.sleep);
  if (fault.kind === "rate-limit") sendFaultError(res, "tooManyRequests", 429, fault, context.errors);
  else if (fault.kind === "unavailable") sendFaultError(res, "serviceUnavailable", 503, fault, context.errors);
  else route(req, res);
}

function shapeOf(fault: Fault): ResponseShape | undefined {
  const cut = fault.kind === "reset" || fault.kind === "truncate" ? fault.kind : undefined;
  if (cut === undefined && fault.delay === 0 && fault.bodyDelay === 0) return undefined;
  return { delay: fault.delay, bodyDelay: fault.bodyDelay, chunk: fault.chunk, cut, after: fault.after };
}

function sendFaultError(
  res: ServerResponse,
  key: ZohoErrorKey & keyof typeof FALLBACK_BODIES,
  status: number,
  fault: Fault,
  errors: ZohoErrorCatalog,
): void {
  if (fault.retryAfter !== undefined) res.setHeader("Retry-After", String(fault.retryAfter));
  const example = errors.find(key);
  sendZohoJson(res, example?.status ?? status, example?.json ?? FALLBACK_BODIES[key]);
}

function json(value: object): Buffer {
  return Buffer.from(JSON.stringify(value));
}
