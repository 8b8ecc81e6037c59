/**
 * The errors the client throws. Users switch on the class (or the `is…` guards), then on `status` and
 * `code`. No error ever holds the access token: messages are built from request facts that carry no
 * secret, and causes pass through `scrubError` first. `instanceof` and the guards recognise errors
 * from the package's other build (ESM or CommonJS) too; see brand.ts.
 */
import type { ErrorResponse, KnownErrorCode } from "@zcrm-attachments/types";
import type { DataCenter } from "../data-centres.js";
import { parseResponseMeta, type ZohoResponseMeta } from "../response-meta.js";
import { brandErrorClass as nameClass } from "./brand.js";
import { ZohoError } from "./zoho-error.js";

export {
  type BodyKind,
  ZohoBodyLengthError,
  ZohoBodyTooLargeError,
  type ZohoBodyTooLargeErrorInit,
} from "./body-errors.js";
export { ZohoError } from "./zoho-error.js";

/** A Zoho error code: one the contract documents, or any other string Zoho may add. */
export type ZohoErrorCode = KnownErrorCode | `HTTP_${number}` | "INVALID_RESPONSE" | (string & {});

/** The `details` object of a Zoho error body; which keys appear depends on the error. */
export type ZohoErrorDetails = ErrorResponse["details"] & Record<string, unknown>;

/** Input that cannot be sent; thrown before any request is made. */
export class ZohoInputError extends ZohoError {
  static {
    nameClass(ZohoInputError, "ZohoInputError");
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
  /** Retries made before this response (429/5xx waits, not the one replay after a token refresh). */
  retries?: number;
  /** The parsed Zoho headers; parsed from `headers` when left out. */
  meta?: ZohoResponseMeta;
}

function retriesNote(retries: number): string {
  return retries === 0 ? "" : ` after ${retries} ${retries === 1 ? "retry" : "retries"}`;
}

/** A response Zoho (or a server in its place) answered with anything but success. */
export class ZohoApiError extends ZohoError {
  static {
    nameClass(ZohoApiError, "ZohoApiError");
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
  /** Zoho's token and limit headers, parsed (X-ACCESSTOKEN-RESET, X-RATELIMIT-*, Retry-After). */
  readonly meta: ZohoResponseMeta;
  /** How many times the request was retried before this response was given up on. */
  readonly retries: number;

  constructor(init: ZohoApiErrorInit) {
    const meta = init.meta ?? parseResponseMeta(init.headers, Date.now());
    const retries = init.retries ?? 0;
    const wait = meta.retryAfterMs === undefined ? "" : ` (Retry-After ${Math.ceil(meta.retryAfterMs / 1000)} s)`;
    super(
      `${init.code} (HTTP ${init.status}): ${init.zohoMessage} [${init.method} ${init.url}]${retriesNote(retries)}${wait}`,
    );
    this.status = init.status;
    this.code = init.code;
    this.zohoMessage = init.zohoMessage;
    this.details = init.details;
    this.method = init.method;
    this.url = init.url;
    this.headers = init.headers;
    this.meta = meta;
    this.retries = retries;
  }

  /** Milliseconds Zoho asked to wait before trying again (Retry-After), when it said so. */
  get retryAfterMs(): number | undefined {
    return this.meta.retryAfterMs;
  }

  /** The error as plain data (for structured logs). */
  toJSON(): Record<string, unknown> {
    const { name, message, status, code, zohoMessage, details, method, url, retries, meta } = this;
    return { name, message, status, code, zohoMessage, details, method, url, retries, meta };
  }
}

/** Why a request got no response: the connection failed, or it was aborted or timed out. */
export type NetworkFailureKind = "network" | "aborted" | "timeout";

/** The request got no HTTP response (refused connection, DNS failure, reset, abort, timeout). */
export class ZohoNetworkError extends ZohoError {
  static {
    nameClass(ZohoNetworkError, "ZohoNetworkError");
  }

  /** What went wrong: "network", "aborted" or "timeout". */
  readonly kind: NetworkFailureKind;
  /** HTTP method of the request. */
  readonly method: string;
  /** Full request URL. */
  readonly url: string;
  /** How many times the request was retried before giving up. */
  readonly retries: number;

  constructor(kind: NetworkFailureKind, method: string, url: string, detail: string, cause: unknown, retries = 0) {
    const what = kind === "network" ? "Network error" : `Request ${kind === "timeout" ? "timed out" : kind}`;
    super(`${what} on ${method} ${url}${retriesNote(retries)}: ${detail}`, { cause });
    this.kind = kind;
    this.method = method;
    this.url = url;
    this.retries = retries;
  }

  /** The error as plain data (for structured logs). */
  toJSON(): Record<string, unknown> {
    const { name, kind, message, method, url, retries } = this;
    return { name, kind, message, method, url, retries };
  }
}

/** Facts about a failed token refresh, as `ZohoAuthError` takes them. */
export interface ZohoAuthErrorInit {
  message: string;
  dataCenter: DataCenter | undefined;
  accountsServer: string;
  oauthError: string | undefined;
  status: number | undefined;
  cause?: unknown;
}

/**
 * Zoho's accounts server would not issue an access token: a wrong client id, secret or refresh token,
 * the wrong data centre, an HTTP or network failure. The message names the accounts server asked.
 */
export class ZohoAuthError extends ZohoError {
  static {
    nameClass(ZohoAuthError, "ZohoAuthError");
  }

  /** The data centre whose accounts server was asked (undefined when `accountsServer` was given instead). */
  readonly dataCenter: DataCenter | undefined;
  /** The accounts server's origin, e.g. https://accounts.zoho.eu. */
  readonly accountsServer: string;
  /** The OAuth `error` Zoho answered with (invalid_client, invalid_code, ...), if any. */
  readonly oauthError: string | undefined;
  /** HTTP status of the token response (undefined when none arrived). */
  readonly status: number | undefined;

  constructor(init: ZohoAuthErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.dataCenter = init.dataCenter;
    this.accountsServer = init.accountsServer;
    this.oauthError = init.oauthError;
    this.status = init.status;
  }

  /** The error as plain data (for structured logs). */
  toJSON(): Record<string, unknown> {
    const { name, message, dataCenter, accountsServer, oauthError, status } = this;
    return { name, message, dataCenter, accountsServer, oauthError, status };
  }
}

/** A paginating server sent the same page or page token again; following it would never end. */
export class ZohoPaginationError extends ZohoError {
  static {
    nameClass(ZohoPaginationError, "ZohoPaginationError");
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

/** Returns true when Zoho's accounts server would not issue an access token. */
export function isZohoAuthError(error: unknown): error is ZohoAuthError {
  return error instanceof ZohoAuthError;
}

/** Returns true for input rejected before any request. */
export function isZohoInputError(error: unknown): error is ZohoInputError {
  return error instanceof ZohoInputError;
}
