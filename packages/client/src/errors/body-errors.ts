/**
 * The errors of a response body that the client refused to take in full: one that did not match its
 * Content-Length, and one larger than the client's cap for its kind (a download, a JSON body). Both
 * are thrown before anything is kept: no file is written, no JSON parsed.
 */
import { brandErrorClass } from "./brand.js";
import { ZohoError } from "./zoho-error.js";

/**
 * A download body ended before (or ran past) the length its Content-Length announced, so the file
 * was not written. Over HTTP, fetch itself reports a short body as a network error; this one comes
 * from a body that ended cleanly but short (a custom fetch, a proxy).
 */
export class ZohoBodyLengthError extends ZohoError {
  static {
    brandErrorClass(ZohoBodyLengthError, "ZohoBodyLengthError");
  }

  /** Bytes the body should have held. */
  readonly expectedBytes: number;
  /** Bytes received before it ended (or the count that passed the expected length). */
  readonly receivedBytes: number;

  constructor(expectedBytes: number, receivedBytes: number, path: string) {
    super(
      receivedBytes < expectedBytes
        ? `The download ended after ${receivedBytes} of ${expectedBytes} bytes (the connection closed early); ${path} was not written.`
        : `The download sent more than the ${expectedBytes} bytes it announced; ${path} was not written.`,
    );
    this.expectedBytes = expectedBytes;
    this.receivedBytes = receivedBytes;
  }

  /** The error as plain data (for structured logs). */
  toJSON(): Record<string, unknown> {
    const { name, message, expectedBytes, receivedBytes } = this;
    return { name, message, expectedBytes, receivedBytes };
  }
}

/** Which body passed its cap, and so which option raises it. */
export type BodyKind = "download" | "json";

/** Facts about a body over its cap, as `ZohoBodyTooLargeError` takes them. */
export interface ZohoBodyTooLargeErrorInit {
  /** "download" (an attachment or photo) or "json" (a JSON answer). */
  body: BodyKind;
  /** The cap, in bytes. */
  limitBytes: number;
  /** Bytes counted when the client stopped (decoded), or the length the response announced. */
  receivedBytes: number;
  /** HTTP method of the request. */
  method: string;
  /** Full request URL. */
  url: string;
  /** How many times the request was retried before this response. */
  retries: number;
}

const RAISE_WITH: Readonly<Record<BodyKind, string>> = {
  download: "pass a larger maxBytes to the download method to allow more",
  json: "raise the client's maxJsonBytes to allow more",
};

/**
 * A response body was larger than the client takes: a download over `maxBytes` (by default Zoho's
 * own file limit) or a JSON answer over `maxJsonBytes`. Bytes are counted after decoding, so a small
 * gzip body that unpacks to gigabytes stops at the cap. Not retried; nothing was written or parsed.
 */
export class ZohoBodyTooLargeError extends ZohoError {
  static {
    brandErrorClass(ZohoBodyTooLargeError, "ZohoBodyTooLargeError");
  }

  /** "download" or "json": which cap it passed (and so which option raises it). */
  readonly body: BodyKind;
  /** The cap it passed, in bytes. */
  readonly limitBytes: number;
  /** Bytes counted when the client stopped reading, or the larger length the response announced. */
  readonly receivedBytes: number;
  /** HTTP method of the request. */
  readonly method: string;
  /** Full request URL. */
  readonly url: string;
  /** How many times the request was retried before this response. */
  readonly retries: number;

  constructor(init: ZohoBodyTooLargeErrorInit) {
    const what = init.body === "download" ? "The download" : "The JSON answer";
    super(
      `${what} of ${init.method} ${init.url} is over the client's limit of ${init.limitBytes} bytes ` +
        `(${init.receivedBytes} bytes or more), so it was not read on; nothing was kept. ${RAISE_WITH[init.body]}.`,
    );
    this.body = init.body;
    this.limitBytes = init.limitBytes;
    this.receivedBytes = init.receivedBytes;
    this.method = init.method;
    this.url = init.url;
    this.retries = init.retries;
  }

  /** The error as plain data (for structured logs). */
  toJSON(): Record<string, unknown> {
    const { name, message, body, limitBytes, receivedBytes, method, url, retries } = this;
    return { name, message, body, limitBytes, receivedBytes, method, url, retries };
  }
}
