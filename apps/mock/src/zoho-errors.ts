import type { IHttpOperation } from "@stoplight/types";

// Zoho-shaped error bodies come from the spec's named examples, never from this code. They are
// looked up once at start-up and kept serialised, so an error costs no more than a success.

/** The spec's example keys the mock answers with, and the HTTP status each lives under. */
export const ZOHO_ERRORS = {
  invalidUrlPattern: 404,
  invalidRequestMethod: 400,
  authenticationFailure: 401,
  invalidToken: 401,
  invalidModule: 400,
  invalidRecordId: 400,
  requiredParamMissing: 400,
  invalidParameter: 400,
  // Answers of the rate-limit and unavailable faults (a spec without them gets the fault layer's
  // fallback bodies).
  tooManyRequests: 429,
  serviceUnavailable: 503,
} as const;

/** A key of {@link ZOHO_ERRORS}. */
export type ZohoErrorKey = keyof typeof ZOHO_ERRORS;

/** One named error example of the spec, ready to send. */
export interface ZohoErrorExample {
  status: number;
  value: Readonly<Record<string, unknown>>;
  json: Buffer;
}

/** Finds a Zoho error example: the matched operation's own first, else the first one anywhere in the document. */
export interface ZohoErrorCatalog {
  find(key: ZohoErrorKey, operation?: IHttpOperation): ZohoErrorExample | undefined;
}

type Examples = Map<ZohoErrorKey, ZohoErrorExample>;

/** Indexes the error examples of every operation of a spec (operations as Prism reads them, refs resolved). */
export function buildZohoErrorCatalog(operations: readonly IHttpOperation[]): ZohoErrorCatalog {
  const byOperation = new Map<IHttpOperation, Examples>();
  const anywhere: Examples = new Map();
  for (const operation of operations) {
    const own = examplesOf(operation);
    byOperation.set(operation, own);
    for (const [key, example] of own) if (!anywhere.has(key)) anywhere.set(key, example);
  }
  return {
    find(key, operation) {
      return (operation && byOperation.get(operation)?.get(key)) ?? anywhere.get(key);
    },
  };
}

function examplesOf(operation: IHttpOperation): Examples {
  const found: Examples = new Map();
  for (const response of operation.responses) {
    const status = Number(response.code);
    for (const content of response.contents ?? []) {
      if (!isJson(content.mediaType)) continue;
      for (const example of content.examples ?? []) {
        const key = example.key as ZohoErrorKey;
        if (ZOHO_ERRORS[key] !== status || found.has(key) || !("value" in example)) continue;
        if (!isRecord(example.value)) continue;
        found.set(key, { status, value: example.value, json: Buffer.from(JSON.stringify(example.value)) });
      }
    }
  }
  return found;
}

const withParamCache = new WeakMap<ZohoErrorExample, Map<string, Buffer>>();

/** The example's body with `details.param_name` set to the parameter the request got wrong (cached per name). */
export function withParamName(example: ZohoErrorExample, paramName: string): Buffer {
  let cache = withParamCache.get(example);
  if (cache === undefined) withParamCache.set(example, (cache = new Map()));
  let json = cache.get(paramName);
  if (json === undefined) {
    const details = isRecord(example.value["details"]) ? example.value["details"] : {};
    json = Buffer.from(JSON.stringify({ ...example.value, details: { ...details, param_name: paramName } }));
    cache.set(paramName, json);
  }
  return json;
}

function isJson(mediaType: string): boolean {
  return mediaType === "application/json" || mediaType.startsWith("application/json;");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
