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
  | "undocumented-request-content-type";

/** The kinds that are about the request the client sent, not the answer it got. */
export const REQUEST_VIOLATIONS: ReadonlySet<ViolationKind> = new Set([
  "missing-request-body",
  "invalid-request-body",
  "undocumented-request-content-type",
]);

/** One way an exchange departs from the contract. */
export interface Violation {
  kind: ViolationKind;
  message: string;
  /** JSON pointer into the body, or the header name, where the violation is. */
  at?: string;
}
