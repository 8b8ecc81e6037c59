/**
 * The errors the client throws. Users switch on the class (or the `is…` guards), then on `status` and
 * `code`. No error ever holds the access token: messages are built from request facts that carry no
 * secret, and causes pass through `scrubError` first.
 */
import type { ErrorResponse, KnownErrorCode } from "@zcrm-attachments/types";

// Names live on the prototypes, spelled out so minifiers cannot rename them, and stay out of JSON output.
function nameClass(ErrorClass: { prototype: Error }, name: string): void {
  Object.defineProperty(ErrorClass.prototype, "name", { value: name, configurable: true, writable: true });
}

/** A Zoho error code: one the contract documents, or any other string Zoho may add. */
export type ZohoErrorCode = KnownErrorCode | `HTTP_${number}` | "INVALID_RESPONSE" | (string & {});

/** The `details` object of a Zoho error body; which keys appear depends on the error. */
export type ZohoErrorDetails = ErrorResponse["details"] & Record<string, unknown>;

/** Base class of every error the client throws. */
export class ZohoError extends Error {
  static {
    nameClass(this, "ZohoError");
  }
}

/** Input that cannot be sent; thrown before any request is made. */
export class ZohoInputError extends ZohoError {
  static {
    nameClass(this, "ZohoInputError");
  }

  /** The option or argument to fix, e.g. "module", "recordId", "perPage". */
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super(message);
    this.parameter = parameter;
  }

  /** The error as plain data (for structured logs). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, parameter: this.parameter, message: this.message };
  }
}

/** Facts about a non-success response, as `ZohoApiError` takes them. */
export interface ZohoApiErrorInit {
  status: number;
  code: ZohoErrorCode;
  zohoMessage: string;
  details: ZohoErrorDetails;
  method: string;
  url: string;
  headers: Headers;
}

/** A response Zoho (or a server in its place) answered with anything but success. */
export class ZohoApiError extends ZohoError {
  static {
    nameClass(this, "ZohoApiError");
  }

  /** HTTP status of the response. */
  readonly status: number;
  /** Zoho's error code, or `HTTP_<status>` when the body was not a Zoho error. */
  readonly code: ZohoErrorCode;
  /** Zoho's own message, verbatim (or the start of a non-JSON body). */
  readonly zohoMessage: string;
  /** Zoho's `details` object (`{}` when absent). */
  readonly details: ZohoErrorDetails;
  /** HTTP method of the request. */
  readonly method: string;
  /** Full request URL (it never carries the token, which travels in a header). */
  readonly url: string;
  /** Response headers. */
  readonly headers: Headers;

  constructor(init: ZohoApiErrorInit) {
    super(`${init.code} (HTTP ${init.status}): ${init.zohoMessage} [${init.method} ${init.url}]`);
    this.status = init.status;
    this.code = init.code;
    this.zohoMessage = init.zohoMessage;
    this.details = init.details;
    this.method = init.method;
    this.url = init.url;
    this.headers = init.headers;
  }

  /** The error as plain data (for structured logs). */
  toJSON(): Record<string, unknown> {
    const { name, message, status, code, zohoMessage, details, method, url } = this;
    return { name, message, status, code, zohoMessage, details, method, url };
  }
}

/** Why a request got no response: the connection failed, or it was aborted or timed out. */
export type NetworkFailureKind = "network" | "aborted" | "timeout";

/** The request got no HTTP response (refused connection, DNS failure, reset, abort, timeout). */
export class ZohoNetworkError extends ZohoError {
  static {
    nameClass(this, "ZohoNetworkError");
  }

  /** What went wrong: "network", "aborted" or "timeout". */
  readonly kind: NetworkFailureKind;
  /** HTTP method of the request. */
  readonly method: string;
  /** Full request URL. */
  readonly url: string;

  constructor(kind: NetworkFailureKind, method: string, url: string, detail: string, cause: unknown) {
    super(`${kind === "network" ? "Network error" : `Request ${kind}`} on ${method} ${url}: ${detail}`, { cause });
    this.kind = kind;
    this.method = method;
    this.url = url;
  }

  /** The error as plain data (for structured logs). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, kind: this.kind, message: this.message, method: this.method, url: this.url };
  }
}

/** A paginating server sent the same page or page token again; following it would never end. */
export class ZohoPaginationError extends ZohoError {
  static {
    nameClass(this, "ZohoPaginationError");
  }

  /** The request URL that would have repeated. */
  readonly url: string;

  constructor(message: string, url: string) {
    super(message);
    this.url = url;
  }

  /** The error as plain data (for structured logs). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, url: this.url };
  }
}

/** Returns true for any error thrown by this client. */
export function isZohoError(error: unknown): error is ZohoError {
  return error instanceof ZohoError;
}

/** Returns true for a non-success response from the API. */
export function isZohoApiError(error: unknown): error is ZohoApiError {
  return error instanceof ZohoApiError;
}

/** Returns true when the request got no response (network failure, abort, timeout). */
export function isZohoNetworkError(error: unknown): error is ZohoNetworkError {
  return error instanceof ZohoNetworkError;
}

/** Returns true for input rejected before any request. */
export function isZohoInputError(error: unknown): error is ZohoInputError {
  return error instanceof ZohoInputError;
}
