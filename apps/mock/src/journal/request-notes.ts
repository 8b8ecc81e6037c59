/**
 * What the parts of the mock learn about a request while answering it, kept on the request for
 * the journal: the operation Prism routed it to, the violations Prism found, the file an upload
 * carried, the fault that bent its answer. Each part writes what it knows where it knows it, and
 * none of them needs to know the journal exists; a request nobody noted costs nothing.
 */
import type { IncomingMessage } from "node:http";

/** The facts about one request that only the code answering it knows. */
export interface RequestNotes {
  /** The spec's operationId of the route Prism matched. */
  operationId?: string;
  /** Prism's input violations, one line each (`query.per_page: must be <= 200`). */
  violations?: string[];
  /** The upload's file part name. */
  fileName?: string;
  /** The size of the upload's file part, once it was read to its end. */
  bytes?: number;
  /** The kind of fault that hit the request. */
  fault?: string;
}

// A symbol on the request itself, as request-input.ts keeps the split target: no map to clean up.
const NOTES: unique symbol = Symbol("zcrm-mock.requestNotes");
type WithNotes = IncomingMessage & { [NOTES]?: RequestNotes };

/** Adds facts about `req` (later notes of the same fact replace earlier ones). */
export function noteRequest(req: IncomingMessage, notes: RequestNotes): void {
  const holder = req as WithNotes;
  const held = holder[NOTES];
  if (held === undefined) holder[NOTES] = { ...notes };
  else Object.assign(held, notes);
}

/** What was noted about `req`, if anything. */
export function requestNotes(req: IncomingMessage): Readonly<RequestNotes> | undefined {
  return (req as WithNotes)[NOTES];
}
