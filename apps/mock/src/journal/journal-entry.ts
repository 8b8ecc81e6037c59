/**
 * One journal entry: what a test asks about a request the mock answered, and nothing it must not
 * keep. It is built once the answer is over (or cut), from the request line, the notes the parts
 * of the mock left on the request, and the answer's status and Zoho body. Headers and bodies are
 * never copied in, so neither is any credential they carried; the query keeps its keys with the
 * secret values redacted.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiOperations, type OperationId, type OperationKind } from "@zcrm-attachments/types";
import { sentJson } from "../wire/reply.js";
import { requestTarget } from "../wire/request-input.js";
import { requestNotes } from "./request-notes.js";
import { cut, redactQuery, scrub, secretsOf } from "./secret-scrub.js";
import { zohoCodeOf } from "./zoho-code.js";

/** One request the mock answered, as `mock.requests()` and `GET /__zcrm-mock/requests` give it. */
export interface JournalEntry {
  /** Its number among every request journaled since the mock started, from 1 (a reset does not restart it). */
  index: number;
  /** When it arrived, ISO 8601 in UTC, by the mock's clock (the `now` option). */
  at: string;
  method: string;
  /** The path as sent, without the query. */
  path: string;
  /** The query, each repeated key as a list; credentials (`access_token`, `client_secret`, ...) read `[redacted]`. */
  query: Record<string, string | string[]>;
  /** The spec's operationId Prism routed it to (`uploadAttachmentV2`); null for no route, the token endpoint included. */
  operationId: string | null;
  /** The operation's kind, the same on both lines (`uploadAttachment`); null with `operationId`. */
  operation: OperationKind | null;
  /** The HTTP status answered; 0 when the client left before any answer. */
  status: number;
  /** The Zoho code of an error body or of the first error item (`INVALID_DATA`, `DUPLICATE_DATA`), or the accounts server's `error`; null otherwise. */
  code: string | null;
  /** The violations Prism found in the request, one line each. */
  violations: string[];
  /** From its arrival to the end of the answer, in milliseconds. */
  durationMs: number;
  /** False when the answer never ended: a fault cut it, or the client left first. */
  complete: boolean;
  /** The fault that hit it (`rate-limit`, `slow`, ...), when one did. */
  fault?: string;
  /** The upload's file name (the file part's `filename`). */
  fileName?: string;
  /** The size of the upload's file, in bytes, when it was read to its end. */
  bytes?: number;
}

/** An entry as the journal holds it: the time kept as a number until someone reads it. */
export interface HeldEntry {
  entry: Omit<JournalEntry, "at">;
  atMs: number;
}

// A request with a thousand violations is still one entry, not a megabyte.
const MAX_VIOLATIONS = 20;

/** The entry of a request whose answer just ended (`ended`) or was cut. */
export function buildEntry(
  req: IncomingMessage,
  res: ServerResponse,
  atMs: number,
  durationMs: number,
  ended: boolean,
): HeldEntry {
  const target = requestTarget(req);
  const notes = requestNotes(req);
  const secrets = secretsOf(req, target.query);
  const operationId = notes?.operationId ?? null;
  const entry: HeldEntry["entry"] = {
    index: 0,
    method: req.method ?? "GET",
    path: scrub(target.path, secrets),
    query: redactQuery(target.query, secrets),
    operationId,
    operation: kindOf(operationId),
    status: ended || res.headersSent ? res.statusCode : 0,
    code: zohoCodeOf(sentJson(res)),
    violations: (notes?.violations ?? []).slice(0, MAX_VIOLATIONS).map((line) => scrub(line, secrets)),
    durationMs: Math.round(durationMs * 1000) / 1000,
    complete: ended,
  };
  if (notes?.fault !== undefined) entry.fault = notes.fault;
  if (notes?.fileName !== undefined) entry.fileName = cut(notes.fileName);
  if (notes?.bytes !== undefined) entry.bytes = notes.bytes;
  return { entry, atMs };
}

/** A held entry as callers get it: a copy (they cannot change the journal), its time as ISO 8601. */
export function publicEntry(held: HeldEntry): JournalEntry {
  const { index, ...rest } = held.entry;
  return {
    index,
    at: new Date(held.atMs).toISOString(),
    ...rest,
    query: structuredClone(rest.query),
    violations: [...rest.violations],
  };
}

function kindOf(operationId: string | null): OperationKind | null {
  if (operationId === null || !Object.hasOwn(apiOperations, operationId)) return null;
  return apiOperations[operationId as OperationId].kind;
}
