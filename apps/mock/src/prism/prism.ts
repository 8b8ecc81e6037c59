/**
 * Prism in process: one instance per mock, bound to the spec's operations, with its logging off and
 * its security hook turned into a record of which operation each request was routed to (Prism
 * reports no route otherwise, and the mock's checks need it).
 */
import { createInstance, type IHttpConfig, type IHttpOperationConfig, type IHttpRequest } from "@stoplight/prism-http";
import type { IHttpOperation } from "@stoplight/types";
import pino, { type Logger } from "pino";

type PrismInstance = ReturnType<typeof createInstance>;

/** What Prism answers for one request: Left (routing or mocking failed) or Right (response and violations). */
export type PrismResult = Awaited<ReturnType<ReturnType<PrismInstance["request"]>>>;

/** An in-process Prism bound to one spec's operations. */
export interface PrismMock {
  /** Routes, validates and mocks one request with the given per-request mock preferences. */
  request(input: IHttpRequest, mock: IHttpOperationConfig): Promise<PrismResult>;
  /** The operation Prism routed `input` to, once `request` has run (undefined when no route matched). */
  matchedOperation(input: IHttpRequest): IHttpOperation | undefined;
}

const BASE_CONFIG: IHttpConfig = {
  // Prism's security check only knows `Bearer`; the mock checks Zoho's header itself. The check is
  // left on so that Prism calls the `validateSecurity` hook below, which records the route instead.
  checkSecurity: true,
  validateRequest: true,
  // Output validation would only feed a header nobody reads here; it costs time on every request.
  validateResponse: false,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
  mock: { dynamic: false },
};

/** Creates a Prism instance for `operations` with a silent logger and the mock's fixed configuration. */
export function createPrismMock(operations: IHttpOperation[]): PrismMock {
  // Prism logs through pino at a custom `success` level (prism-core's createLogger adds it at info + 2).
  // pino types a logger with custom levels as Logger<"success">, which its own typings refuse to
  // widen to the plain Logger that Prism's signature names, though it is a superset at run time.
  const logger = pino({ level: "silent", customLevels: { success: 32 } }) as unknown as Logger;
  // Prism does not say which operation it routed to; the security hook receives it together with
  // the request object, which is unique to each request, so a WeakMap ties the two without leaking.
  const matched = new WeakMap<IHttpRequest, IHttpOperation>();
  const prism = createInstance(BASE_CONFIG, {
    logger,
    validateSecurity: ({ resource, element }) => {
      matched.set(element, resource);
      return { _tag: "Right", right: element };
    },
  });
  return {
    request(input, mock) {
      // A fresh config object per request: Prism fills in defaults by mutating what it is given.
      return prism.request(input, operations, { ...BASE_CONFIG, mock })();
    },
    matchedOperation(input) {
      return matched.get(input);
    },
  };
}
