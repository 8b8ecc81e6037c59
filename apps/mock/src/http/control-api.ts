/**
 * A small HTTP API for tests that run in another process than the mock (e.g. against `pnpm mock`):
 * arm and clear faults, read and reset the counters, read and reset the request journal. Its prefix
 * starts with `/__`, which no Zoho path does, so it can never shadow an API route. Every answer is
 * bounded: a POST body by its limit, the journal by its own bound.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkRoom, type FaultRegistry, MAX_ARMED_FAULTS, parseArmedFaults } from "../faults/fault-registry.js";
import { type MockStats, resetStats } from "../faults/mock-stats.js";
import { parseFilterQuery } from "../journal/journal-filter.js";
import type { RequestJournal } from "../journal/request-journal.js";
import { sendMockJson, sendMockProblem, sendNoContent } from "../wire/reply.js";
import { readBody } from "../wire/request-body.js";
import { requestTarget } from "../wire/request-input.js";

/** Prefix of every control endpoint. */
export const CONTROL_PREFIX = "/__zcrm-mock/";
const FAULTS = `${CONTROL_PREFIX}faults`;
const STATS = `${CONTROL_PREFIX}stats`;
const REQUESTS = `${CONTROL_PREFIX}requests`;
// A POST holds a few faults; far more than the cap of armed faults ever needs, far less than Prism's 10 MB.
const CONTROL_BODY_LIMIT = 256 * 1024;

/** Builds the handler of `/__zcrm-mock/*`. */
export function createControlApi(
  faults: FaultRegistry,
  stats: MockStats,
  journal: RequestJournal,
): (req: IncomingMessage, res: ServerResponse) => void {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { path } = requestTarget(req);
    const method = req.method ?? "GET";
    if (path === FAULTS) {
      if (method === "GET") return sendMockJson(res, 200, faults.snapshot());
      if (method === "DELETE") return done(res, () => faults.clear());
      if (method === "POST") {
        const inputs = faultInputs(await readBody(req, CONTROL_BODY_LIMIT));
        // Counted before any is parsed: an oversize list is refused without the work.
        checkRoom(faults.armedCount, inputs.length);
        const added = parseArmedFaults(inputs, `POST ${FAULTS}`);
        faults.arm(added);
        // Only what this POST armed, not the whole list (GET has that): the answer stays small.
        const armed = added.map((fault) => ({ fault: { ...fault }, remaining: fault.times }));
        return sendMockJson(res, 200, { armed, total: faults.armedCount, limit: MAX_ARMED_FAULTS });
      }
      return notAllowed(res, "GET, POST, DELETE");
    }
    if (path === STATS) {
      if (method === "GET") return sendMockJson(res, 200, stats);
      if (method === "DELETE") return done(res, () => resetStats(stats));
      return notAllowed(res, "GET, DELETE");
    }
    if (path === REQUESTS) {
      // Neither method takes a body; whatever came is read and dropped.
      req.resume();
      if (method === "GET") return listRequests(req, res, journal);
      if (method === "DELETE") return done(res, () => journal.reset());
      return notAllowed(res, "GET, DELETE");
    }
    req.resume();
    sendMockProblem(
      res,
      404,
      "UNKNOWN_CONTROL_ENDPOINT",
      "Unknown control endpoint",
      `The control endpoints are ${FAULTS}, ${STATS} and ${REQUESTS}.`,
    );
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendMockProblem(res, 400, "INVALID_FAULT", "Invalid fault", message);
      else res.destroy();
    });
  };
}

/** The faults of a POST body: JSON (a list, `{ "faults": [...] }`, one fault) or plain text, one fault per line. */
function faultInputs(body: unknown): unknown[] {
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      return body
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "");
    }
  }
  if (Array.isArray(value)) return value;
  if (typeof value === "object" && value !== null && "faults" in value) {
    const list = (value as { faults: unknown }).faults;
    if (Array.isArray(list)) return list;
    throw new Error(`POST ${FAULTS}: "faults" must be a list`);
  }
  return [value];
}

function listRequests(req: IncomingMessage, res: ServerResponse, journal: RequestJournal): void {
  let filter: ReturnType<typeof parseFilterQuery>;
  try {
    filter = parseFilterQuery(requestTarget(req).query);
  } catch (error) {
    sendMockProblem(res, 400, "INVALID_FILTER", "Invalid journal filter", (error as Error).message);
    return;
  }
  sendMockJson(res, 200, journal.answer(filter));
}

function done(res: ServerResponse, action: () => void): void {
  action();
  sendNoContent(res);
}

function notAllowed(res: ServerResponse, allow: string): void {
  res.setHeader("Allow", allow);
  sendMockProblem(res, 405, "METHOD_NOT_ALLOWED", "Method not allowed", `This control endpoint takes ${allow}.`);
}
