/**
 * The Zoho errors the request checks answer with (routing, authorization, module, record id,
 * query), as a view of the example catalog limited to known keys and statuses. The bodies come
 * from the spec's named examples, never from this code; they are serialised once at start-up, so
 * an error costs no more than a success.
 */
import type { IHttpOperation } from "@stoplight/types";
import { missingExampleBody } from "../wire/reply.js";
import { buildExampleCatalog, type ExampleCatalog, type NamedExample, withParamName } from "./example-catalog.js";

/** The spec's example keys the mock answers with, and the HTTP status each lives under. */
export const ZOHO_ERRORS = {
  invalidUrlPattern: 404,
  invalidRequestMethod: 400,
  authenticationFailure: 401,
  invalidToken: 401,
  invalidModule: 400,
  // A standard module the path does not serve (a photo of a Deal).
  moduleNotSupported: 400,
  invalidRecordId: 400,
  requiredParamMissing: 400,
  invalidParameter: 400,
  // Answers of the rate-limit and unavailable faults (a spec without them gets the fault layer's
  // fallback bodies).
  tooManyRequests: 429,
  serviceUnavailable: 503,
  // A body past the mock's limit on a route that takes none; the upload operations document it.
  bodySizeReached: 413,
  // The mock's own failure (a bug, or Prism unable to answer): Zoho's body, never the exception.
  internalError: 500,
} as const;

/** A key of {@link ZOHO_ERRORS}. */
export type ZohoErrorKey = keyof typeof ZOHO_ERRORS;

/** One named error example of the spec, ready to send. */
export type ZohoErrorExample = NamedExample;

/** Finds a Zoho error example: the matched operation's own first, else the first one anywhere in the document. */
export interface ZohoErrorCatalog {
  find(key: ZohoErrorKey, operation?: IHttpOperation): ZohoErrorExample | undefined;
  /**
   * The body of an error found without an operation (the answers before routing): the example,
   * with `details.param_name` set when given, or a bare body saying the served spec lacks it.
   */
  body(key: ZohoErrorKey, paramName?: string): Buffer;
}

/**
 * The error examples the request checks answer with: the spec's named examples, limited to the keys
 * above and to the status each must have, so a same-named example under another status never leaks in.
 */
export function buildZohoErrorCatalog(
  operations: readonly IHttpOperation[],
  examples: ExampleCatalog = buildExampleCatalog(operations),
): ZohoErrorCatalog {
  const find = (key: ZohoErrorKey, operation?: IHttpOperation) => {
    const example = examples.find(key, operation);
    return example?.status === ZOHO_ERRORS[key] ? example : undefined;
  };
  return {
    find,
    body(key, paramName) {
      const example = find(key);
      if (example === undefined) return missingExampleBody(key);
      return paramName === undefined ? example.json : withParamName(example, paramName);
    },
  };
}
