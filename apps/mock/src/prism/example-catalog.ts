/**
 * The spec's named JSON examples, indexed once at start-up. Every Zoho body the mock writes starts
 * from one of them (errors and successes alike), so the wording stays the spec's; the mock only
 * fills in what a request decides (an id, a time, the parameter at fault). Unlike the error
 * catalog of zoho-errors.ts, this one is not limited to a fixed list of keys.
 */
import type { ServerResponse } from "node:http";
import type { IHttpOperation } from "@stoplight/types";
import { sendZohoJson } from "../wire/reply.js";

/** One named JSON example of the spec, with the status of the response it documents. */
export interface NamedExample {
  status: number;
  value: Readonly<Record<string, unknown>>;
  json: Buffer;
}

/** Finds named examples: the operation's own first, else the first one of that name anywhere. */
export interface ExampleCatalog {
  /** The example, or undefined when the spec has none of that name. */
  find(key: string, operation?: IHttpOperation): NamedExample | undefined;
  /** Like `find`, but a missing example is a broken spec: it throws, naming the key. */
  require(key: string, operation?: IHttpOperation): NamedExample;
  /** Sends the example as Zoho JSON; `json` replaces its body when the caller adapted it. */
  send(res: ServerResponse, key: string, operation?: IHttpOperation, json?: unknown): void;
}

type Examples = Map<string, NamedExample>;

/** Indexes every named JSON example of every operation (operations as Prism reads them, refs resolved). */
export function buildExampleCatalog(operations: readonly IHttpOperation[]): ExampleCatalog {
  const byOperation = new Map<IHttpOperation, Examples>();
  const anywhere: Examples = new Map();
  for (const operation of operations) {
    const own = examplesOf(operation);
    byOperation.set(operation, own);
    for (const [key, example] of own) if (!anywhere.has(key)) anywhere.set(key, example);
  }
  const find = (key: string, operation?: IHttpOperation) =>
    (operation && byOperation.get(operation)?.get(key)) ?? anywhere.get(key);
  const require = (key: string, operation?: IHttpOperation) => {
    const example = find(key, operation);
    if (example === undefined) throw new Error(`The spec has no example named ${key}; the mock needs it.`);
    return example;
  };
  return {
    find,
    require,
    send(res, key, operation, json) {
      const example = require(key, operation);
      sendZohoJson(res, example.status, json === undefined ? example.json : Buffer.from(JSON.stringify(json)));
    },
  };
}

const withParamCache = new WeakMap<NamedExample, Map<string, Buffer>>();

/** The example's body with `details.param_name` set to the parameter the request got wrong (cached per name). */
export function withParamName(example: NamedExample, paramName: string): Buffer {
  let cache = withParamCache.get(example);
  if (cache === undefined) {
    cache = new Map();
    withParamCache.set(example, cache);
  }
  let json = cache.get(paramName);
  if (json === undefined) {
    const details = isRecord(example.value.details) ? example.value.details : {};
    json = Buffer.from(JSON.stringify({ ...example.value, details: { ...details, param_name: paramName } }));
    cache.set(paramName, json);
  }
  return json;
}

function examplesOf(operation: IHttpOperation): Examples {
  const found: Examples = new Map();
  for (const response of operation.responses) {
    const status = Number(response.code);
    for (const content of response.contents ?? []) {
      if (content.mediaType !== "application/json") continue;
      for (const example of content.examples ?? []) {
        if (found.has(example.key) || !("value" in example) || !isRecord(example.value)) continue;
        found.set(example.key, { status, value: example.value, json: Buffer.from(JSON.stringify(example.value)) });
      }
    }
  }
  return found;
}

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
