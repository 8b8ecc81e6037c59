/**
 * The contract cases, as data: one row per operation × line × case. "Provoked" rows shape a request
 * so that any faithful server gives the documented answer; "documented" rows ask the mock for each
 * documented response by name (Prism's Prefer header) and run only against a mock.
 */
import { deref, isObject, OperationIndex, type OpenApiDocument } from "./spec.js";
import { withHeader, type RequestTweak } from "./recording-fetch.js";

/** The API lines the spec describes, with the version each case calls them at. */
export const LINES = {
  v2: { version: "v2", operationId: "listAttachmentsV2", fields: undefined },
  v8: { version: "v8", operationId: "listAttachments", fields: ["id", "Owner", "File_Name", "Created_Time", "Parent_Id"] },
} as const;
export type Line = keyof typeof LINES;

/** What a case expects of the response. */
export interface Expectation {
  status: readonly number[];
  /** Acceptable Zoho `code` values of an error body. */
  codes?: readonly string[];
}

/** One row of the contract suite. */
export interface ContractCase {
  /** The operation and line, e.g. "listAttachments (v8 line)". */
  operation: string;
  operationId: string;
  line: Line;
  /** The API version the client is set to (the line's own, or an older one of the same line). */
  version: string;
  name: string;
  source: "provoked" | "documented";
  /** Whether a live org can be driven into this case without writing anything. */
  live: boolean;
  expect: Expectation;
  /** Changes the client's request on the wire to provoke the case. */
  tweak?: RequestTweak;
}

const rewriteUrl = (from: RegExp, to: string): RequestTweak => (request) => new Request(request.url.replace(from, to), request);
const dropQuery = (name: string): RequestTweak => (request) => {
  const url = new URL(request.url);
  url.searchParams.delete(name);
  return new Request(url, request);
};
const setQuery = (name: string, value: string): RequestTweak => (request) => {
  const url = new URL(request.url);
  url.searchParams.set(name, value);
  return new Request(url, request);
};
const withMethod = (method: string): RequestTweak => (request) => new Request(request, { method });

/** The cases a request can provoke from any faithful server, mock or live. */
function provokedCases(line: Line): ContractCase[] {
  const { version, operationId } = LINES[line];
  const operation = `${operationId} (${line} line)`;
  const base = { operation, operationId, line, version, source: "provoked" as const };
  const rows: ContractCase[] = [
    { ...base, name: "lists a record's attachments", live: true, expect: { status: [200, 204] } },
    {
      ...base,
      version: line === "v2" ? "v2.1" : "v5",
      name: `serves ${line === "v2" ? "v2.1" : "v5"} on the ${line} line`,
      live: true,
      expect: { status: [200, 204] },
    },
    {
      ...base,
      name: "unknown module → 400 INVALID_MODULE",
      live: true,
      expect: { status: [400], codes: ["INVALID_MODULE"] },
      tweak: rewriteUrl(/(\/crm\/[^/]+\/)[^/]+/, "$1NotAModule"),
    },
    {
      ...base,
      name: "record id that is not a number → 400 INVALID_DATA",
      live: true,
      expect: { status: [400], codes: ["INVALID_DATA"] },
      tweak: rewriteUrl(/(\/crm\/[^/]+\/[^/]+\/)[^/]+/, "$1not-a-number"),
    },
    {
      ...base,
      name: "no Authorization header → 401",
      live: true,
      expect: { status: [401], codes: ["AUTHENTICATION_FAILURE", "INVALID_TOKEN"] },
      tweak: withHeader("authorization", null),
    },
    {
      ...base,
      name: "Bearer instead of Zoho-oauthtoken → 401",
      live: true,
      expect: { status: [401], codes: ["AUTHENTICATION_FAILURE", "INVALID_TOKEN"] },
      tweak: withHeader("authorization", "Bearer 1000.not-a-zoho-header"),
    },
    {
      ...base,
      name: "unknown path → 404 INVALID_URL_PATTERN",
      live: true,
      expect: { status: [404], codes: ["INVALID_URL_PATTERN"] },
      tweak: rewriteUrl(/\/Attachments(?=\?|$)/, "/Attachmentz"),
    },
    {
      ...base,
      name: "PUT on the list URL → 400 INVALID_REQUEST_METHOD",
      live: false,
      expect: { status: [400], codes: ["INVALID_REQUEST_METHOD"] },
      tweak: withMethod("PUT"),
    },
    {
      ...base,
      name: "per_page above 200 → 400 INVALID_DATA",
      live: false,
      expect: { status: [400], codes: ["INVALID_DATA"] },
      tweak: setQuery("per_page", "500"),
    },
  ];
  if (line === "v8") {
    rows.push({
      ...base,
      name: "without fields → 400 REQUIRED_PARAM_MISSING",
      live: true,
      expect: { status: [400], codes: ["REQUIRED_PARAM_MISSING"] },
      tweak: dropQuery("fields"),
    });
  }
  return rows;
}

/** One case per documented response and named example of the line's operation, from the spec. */
function documentedCases(doc: OpenApiDocument, line: Line): ContractCase[] {
  const { version, operationId } = LINES[line];
  const found = new OperationIndex(doc).byId(operationId)?.operation;
  if (!found) throw new Error(`the spec has no operation ${operationId}`);
  const operation = `${operationId} (${line} line)`;
  const rows: ContractCase[] = [];
  for (const [status, raw] of Object.entries(found.responses)) {
    const response = deref<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(doc, raw as object);
    const examples = Object.entries(Object.values(response.content ?? {})[0]?.examples ?? {});
    const code = Number(status);
    if (examples.length === 0) {
      rows.push({ operation, operationId, line, version, source: "documented", name: `documented ${status}`, live: false, expect: { status: [code] }, tweak: withHeader("prefer", `code=${status}`) });
      continue;
    }
    for (const [key, example] of examples) {
      const value = deref<{ value?: unknown }>(doc, example as object).value;
      const zohoCode = isObject(value) && typeof value.code === "string" ? [value.code] : undefined;
      rows.push({
        operation,
        operationId,
        line,
        version,
        source: "documented",
        name: `documented ${status} ${key}`,
        live: false,
        expect: zohoCode ? { status: [code], codes: zohoCode } : { status: [code] },
        tweak: withHeader("prefer", `code=${status}, example=${key}`),
      });
    }
  }
  return rows;
}

/** Every case of the list operation on both lines; `live` keeps only those a live org can answer. */
export function listAttachmentsCases(doc: OpenApiDocument, options: { live?: boolean } = {}): ContractCase[] {
  const all = (Object.keys(LINES) as Line[]).flatMap((line) => [...provokedCases(line), ...documentedCases(doc, line)]);
  return options.live ? all.filter((c) => c.live) : all;
}
