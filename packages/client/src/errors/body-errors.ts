/**
 * The errors of a response body that the client refused to take in full. Thrown before anything is
 * kept: no file is written.
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
