/**
 * Did the typed client report the answer faithfully? Its result must carry the wire's data (or, for
 * an error, a ZohoApiError with the wire's status and code), and a download the very bytes, file
 * name, type and length the wire carried.
 */
import { isDeepStrictEqual } from "node:util";
import { ZohoApiError, ZohoInputError } from "@zcrm-attachments/client";
import type { DrainedDownload, ResultShape } from "../suite/calls.js";
import { parseContentDisposition } from "../validator/content-disposition.js";
import { type Exchange, headerValue } from "../validator/exchange.js";
import { parseMediaType } from "../validator/media-type.js";
import { isObject } from "../validator/spec.js";

/** What the client call did: returned a value, or threw. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Every way the client's report departs from the exchange on the wire. */
export function judgeClient(shape: ResultShape, exchange: Exchange, body: unknown, outcome: Outcome): string[] {
  const { status } = exchange.response;
  if (shape === "raw")
    return outcome.ok ? judgeRaw(status, body, outcome.value) : [`client.raw threw ${describe(outcome.error)}`];
  if (status >= 400) return judgeError(status, body, outcome);
  // A write's 200 may carry an error item instead of SUCCESS (a link attached twice): the client
  // must raise it as a ZohoApiError with the 200 and the item's code.
  const item = shape === "attachment-write" ? errorItem(body) : undefined;
  if (item) return judgeError(status, item, outcome, `a ${status} response whose data[0] is an error item`);
  if (!outcome.ok) return [`the client threw ${describe(outcome.error)} for a ${status} response`];
  const value = isObject(outcome.value) ? outcome.value : {};
  switch (shape) {
    case "list":
      return judgeList(status, body, value);
    case "attachment-write":
      return [
        ...same("status", value.status, status),
        ...same("data", value.data, (body as { data?: unknown[] } | undefined)?.data?.[0]),
        ...same("body", value.body, body),
        ...sameHeaders(value.headers, exchange),
      ];
    case "photo-write":
      return [
        ...same("status", value.status, status),
        ...same("data", value.data, body),
        ...sameHeaders(value.headers, exchange),
      ];
    case "delete-many":
      return judgeDeleteMany(body, value);
    case "binary":
      return judgeBinary(exchange, value as unknown as DrainedDownload);
  }
}

/** The first `data[]` item of a write's answer when it is an error item (`status: "error"`). */
function errorItem(body: unknown): Record<string, unknown> | undefined {
  const first = isObject(body) && Array.isArray(body.data) ? body.data[0] : undefined;
  return isObject(first) && first.status === "error" ? first : undefined;
}

function judgeError(status: number, body: unknown, outcome: Outcome, what = `a ${status} response`): string[] {
  if (outcome.ok) return [`the client returned a result for ${what} instead of throwing`];
  const error = outcome.error;
  if (!(error instanceof ZohoApiError)) return [`the client threw ${describe(error)} instead of a ZohoApiError`];
  const problems: string[] = [];
  if (error.status !== status) problems.push(`ZohoApiError.status is ${error.status}, the response said ${status}`);
  const code = (body as { code?: unknown } | undefined)?.code;
  if (code !== undefined && error.code !== code)
    problems.push(`ZohoApiError.code is ${error.code}, the body said ${String(code)}`);
  return problems;
}

function judgeList(status: number, body: unknown, result: Record<string, unknown>): string[] {
  if (status === 200) {
    const { data, info } = body as { data?: unknown; info?: unknown };
    return [...same("data", result.data, data), ...same("info", result.info, info)];
  }
  if (status === 204 && !(Array.isArray(result.data) && result.data.length === 0))
    return ["a 204 should give an empty list"];
  if (status === 304 && result.notModified !== true) return ["a 304 should give notModified: true"];
  return [];
}

function judgeRaw(status: number, body: unknown, value: unknown): string[] {
  const result = (isObject(value) ? value : {}) as { data?: unknown; error?: unknown; response?: unknown };
  const problems =
    result.response instanceof Response && result.response.status === status
      ? []
      : [`client.raw's response is not the ${status} on the wire`];
  return [...problems, ...same(status >= 400 ? "error" : "data", status >= 400 ? result.error : result.data, body)];
}

/** Each item on the wire must show up in the client's results: found by id, else at the same position. */
function judgeDeleteMany(body: unknown, value: Record<string, unknown>): string[] {
  const items = Array.isArray((body as { data?: unknown })?.data)
    ? ((body as { data: unknown[] }).data as Record<string, unknown>[])
    : [];
  const results = Array.isArray(value.results) ? (value.results as Record<string, unknown>[]) : undefined;
  if (!results) return ["the client's result has no results list"];
  const problems: string[] = [];
  items.forEach((item, i) => {
    const id = isObject(item.details) ? item.details.id : undefined;
    const entry = results.find((r) => r.id === id) ?? results[i];
    const ok = item.status === "success";
    if (!entry) problems.push(`the wire's item ${i} (${String(id)}) has no result`);
    else if (entry.ok !== ok)
      problems.push(
        `the client reports ${String(entry.id)} as ${entry.ok ? "deleted" : "failed"}, the wire said ${String(item.status)}`,
      );
    else if (!ok && entry.code !== item.code)
      problems.push(
        `the client's code for ${String(entry.id)} is ${String(entry.code)}, the wire said ${String(item.code)}`,
      );
  });
  const deleted = Array.isArray(value.deleted) ? value.deleted : [];
  const failed = Array.isArray(value.failed) ? value.failed : [];
  if (deleted.length + failed.length !== results.length)
    problems.push(
      `deleted (${deleted.length}) and failed (${failed.length}) do not add up to the ${results.length} results`,
    );
  return problems;
}

function judgeBinary(exchange: Exchange, value: DrainedDownload): string[] {
  const { status, headers } = exchange.response;
  if (value.status !== status) return [`the client's status is ${String(value.status)}, the wire said ${status}`];
  const problems = sameHeaders(value.headers, exchange);
  if (status === 204) return value.received === undefined ? problems : [...problems, "a 204 should give no body"];
  const wire = exchange.response.received;
  if (!value.received) problems.push("the client returned no body stream");
  else if (!wire?.complete) problems.push("the wire's body was not read to its end");
  else if (value.received.bytes !== wire.bytes || value.received.sha256 !== wire.sha256) {
    problems.push(
      `the client's body (${value.received.bytes} bytes, sha256 ${value.received.sha256.slice(0, 12)}…) differs from the wire's (${wire.bytes} bytes, ${wire.sha256?.slice(0, 12)}…)`,
    );
  }
  const disposition = headerValue(headers, "content-disposition");
  const fileName = disposition === undefined ? undefined : tryFileName(disposition);
  if (fileName !== null && value.fileName !== fileName)
    problems.push(
      `the client's fileName is ${JSON.stringify(value.fileName)}, the wire's is ${JSON.stringify(fileName)}`,
    );
  const type = headerValue(headers, "content-type");
  if (!sameMediaType(value.contentType, type))
    problems.push(
      `the client's contentType is ${JSON.stringify(value.contentType)}, the wire's is ${JSON.stringify(type)}`,
    );
  const length = headerValue(headers, "content-length");
  const expectedLength = length === undefined ? undefined : Number(length);
  if (value.contentLength !== expectedLength)
    problems.push(
      `the client's contentLength is ${String(value.contentLength)}, the wire's is ${String(expectedLength)}`,
    );
  return problems;
}

/** The header's file name, undefined when it names none, null when it does not parse (the validator reports that). */
function tryFileName(header: string): string | undefined | null {
  try {
    return parseContentDisposition(header).fileName;
  } catch {
    return null;
  }
}

function sameMediaType(client: unknown, wire: string | undefined): boolean {
  if (client === wire) return true;
  if (typeof client !== "string" || wire === undefined) return false;
  const a = parseMediaType(client);
  const b = parseMediaType(wire);
  return a !== undefined && b !== undefined && a.type === b.type && a.subtype === b.subtype;
}

function sameHeaders(headers: unknown, exchange: Exchange): string[] {
  if (!(headers instanceof Headers)) return ["the client's result has no headers"];
  const wire = headerValue(exchange.response.headers, "content-type") ?? null;
  return headers.get("content-type") === wire
    ? []
    : [`the client's headers say content-type ${headers.get("content-type")}, the wire's ${wire}`];
}

function same(what: string, actual: unknown, expected: unknown): string[] {
  return isDeepStrictEqual(actual, expected) ? [] : [`the client's ${what} differs from the response's`];
}

/** A call the client must refuse: no request sent, and a ZohoInputError whose message holds `text`. */
export function judgeRefusal(text: string, outcome: Outcome, requests: number): string[] {
  const problems = requests === 0 ? [] : [`the client sent ${requests} request(s) instead of refusing the call`];
  if (outcome.ok) return [...problems, "the client returned a result instead of refusing the call"];
  if (!(outcome.error instanceof ZohoInputError))
    return [...problems, `the client threw ${describe(outcome.error)} instead of a ZohoInputError`];
  if (!outcome.error.message.includes(text))
    problems.push(`the client's refusal does not say ${JSON.stringify(text)}: ${outcome.error.message}`);
  return problems;
}

/** A thrown value, named and described in one line. */
export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
