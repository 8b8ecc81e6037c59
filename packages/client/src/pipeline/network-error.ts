/**
 * Turns a failed attempt (no response, or a body that broke off) into a ZohoNetworkError whose
 * message names the innermost system error (ECONNREFUSED, ENOTFOUND, ...) and whose cause chain has
 * been checked for secrets.
 */
import { type NetworkFailureKind, ZohoError, ZohoNetworkError } from "../errors/errors.js";
import { redact, type Secrets, scrubError } from "../errors/redact.js";

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** The innermost system error code, which says more than "fetch failed". */
export function systemCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; isObject(current) && depth <= 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A short reason for logs and retry events, e.g. "network: ECONNRESET". */
export function failureReason(kind: NetworkFailureKind, error: unknown): string {
  return `${kind}: ${systemCode(error) ?? (error instanceof Error ? error.name : "error")}`;
}

/** Builds the error a caller sees when a request got no response. */
export function toNetworkError(
  kind: NetworkFailureKind,
  error: unknown,
  method: string,
  url: string,
  secrets: Secrets,
  retries: number,
): ZohoError {
  if (error instanceof ZohoError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = systemCode(error);
  const detail = redact(code === undefined || message.includes(code) ? message : `${message} (${code})`, secrets);
  return new ZohoNetworkError(kind, method, redact(url, secrets), detail, scrubError(error, secrets), retries);
}
