/**
 * `ZohoError`, the base class of every error the client throws, on its own so that the error
 * families (errors.ts, body-errors.ts) can extend it without importing one another.
 */
import { brandErrorClass, hasBrandedInstance } from "./brand.js";

/** Base class of every error the client throws. */
export class ZohoError extends Error {
  static {
    brandErrorClass(ZohoError, "ZohoError");
  }

  /** True for an error of this class from any copy of the package (the ESM and the CommonJS build alike). */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    // biome-ignore lint/complexity/noThisInStatic: subclasses inherit this method; `this` is the class asked.
    return hasBrandedInstance(this, value);
  }
}
