/**
 * What the validator reports: one violation per way an exchange departs from the contract. A leaf
 * of its own, so the request and response checks can build violations without importing the
 * validator that calls them.
 */

/** What kind of departure from the contract a violation is. */
export type ViolationKind =
  | "unknown-operation"
  | "undocumented-status"
  | "undocumented-content-type"
  | "unexpected-body"
  | "missing-body"
  | "invalid-body"
  | "missing-header"
  | "invalid-header"
  | "length-mismatch"
  | "missing-request-body"
  | "invalid-request-body"
  | "undocumented-request-content-type"
  | "missing-parameter"
  | "invalid-parameter"
  | "parameter-not-in-version";

/** The kinds that are about the request the client sent, not the answer it got. */
export const REQUEST_VIOLATIONS: ReadonlySet<ViolationKind> = new Set([
  "missing-request-body",
  "invalid-request-body",
  "undocumented-request-content-type",
  "missing-parameter",
  "invalid-parameter",
  "parameter-not-in-version",
]);

/** One way an exchange departs from the contract. */
export interface Violation {
  kind: ViolationKind;
  message: string;
  /**
   * Where in the exchange: a JSON pointer into the response body (or, with `request body`
   * messages, into the request's form), a header name, or `query.<name>` for a query parameter.
   */
  at?: string;
  /** Where in the spec (the bundled openapi.json): a JSON pointer fragment such as `#/components/schemas/Attachment/properties/id`. */
  spec?: string;
}
