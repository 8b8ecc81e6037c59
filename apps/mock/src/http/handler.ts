/**
 * The API handler: one request through Prism and Zoho's checks, in the order Zoho runs them
 * (route, method, Authorization, module, record id, query), then the mock's own answer or Prism's;
 * the route and Prism's violations go into the request's notes for the journal. Every answer is
 * Zoho-shaped, every error body one of the spec's named examples: a path that routes nowhere is
 * INVALID_URL_PATTERN, a `Prefer` the spec cannot honour is INVALID_DATA naming what it documents,
 * and a bug in the mock answers INTERNAL_ERROR (the exception goes to the log, never the client).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { NO_METHOD_MATCHED_ERROR } from "@stoplight/prism-http";
import type { IHttpOperation } from "@stoplight/types";
import type { MockRoutes } from "../answers/routes.js";
import type { FailureLog } from "../failure-log.js";
import { wasCut } from "../faults/response-shaper.js";
import { noteRequest } from "../journal/request-notes.js";
import { ACCESS_TOKEN_RESET, type AccessTokens } from "../oauth/access-tokens.js";
import { checkAuthorization } from "../oauth/auth.js";
import { withParamName } from "../prism/example-catalog.js";
import { recordAddress, routedOperation } from "../prism/operation-kind.js";
import { type Preferences, preferenceSource, readPreferences } from "../prism/prefer.js";
import type { PrismMock } from "../prism/prism.js";
import { classifyViolations, moduleTooNew, refusedModuleError, violationLine } from "../prism/violations.js";
import type { ZohoErrorCatalog, ZohoErrorKey } from "../prism/zoho-errors.js";
import { missingExampleBody, sendPrismOutput, sendZohoJson, sendZohoValue } from "../wire/reply.js";
import { BodyTooLargeError, hasBody, readBody } from "../wire/request-body.js";
import { requestTarget, toPrismRequest } from "../wire/request-input.js";

const METHOD_NOT_MATCHED = `#${NO_METHOD_MATCHED_ERROR.type}`;

/** Answers one HTTP request: Zoho's checks in Zoho's order, then Prism's answer. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Builds the request handler over one Prism instance, the spec's error examples, the mock's token
 * issuer, the mock's own routes (uploads, real bytes, the stateful mode) and its failure log.
 */
export function createRequestHandler(
  prism: PrismMock,
  errors: ZohoErrorCatalog,
  tokens: AccessTokens,
  routes: MockRoutes,
  log: FailureLog,
): RequestHandler {
  function sendZohoError(res: ServerResponse, key: ZohoErrorKey, operation?: IHttpOperation): boolean {
    const example = errors.find(key, operation);
    if (example === undefined) return false;
    sendZohoJson(res, example.status, example.json);
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = requestTarget(req);
    // An upload's body is streamed by the mock's own routes (step 6); Prism checks a stand-in.
    const claimed = routes.claimsBody(req, target);
    let body: unknown = null;
    if (!claimed && hasBody(req)) body = await readBody(req);
    const input = claimed ? routes.prismInput(toPrismRequest(req, target, null)) : toPrismRequest(req, target, body);
    const query = input.url.query;
    const prefer = req.headers.prefer;
    const preferences = readPreferences(typeof prefer === "string" ? prefer : undefined, query);
    let result = await prism.request(input, preferences.ok ? preferences.mock : { dynamic: false });
    const operation = prism.matchedOperation(input);
    if (operation?.iid !== undefined) noteRequest(req, { operationId: operation.iid });

    // 1-3. requestTarget swapped the version for its line's; routing failures become Zoho's URL
    // errors. A target that is no path (`*`, a broken absolute URL) routes nowhere either.
    if (operation === undefined) {
      const name = result._tag === "Left" ? result.left.name : "";
      const key: ZohoErrorKey = name.endsWith(METHOD_NOT_MATCHED) ? "invalidRequestMethod" : "invalidUrlPattern";
      if (!sendZohoError(res, key)) sendBareError(res, key === "invalidUrlPattern" ? 404 : 400, key);
      return;
    }

    // 4. Zoho's own Authorization scheme; tokens the mock issued also expire.
    const authorization = req.headers.authorization;
    const authProblem = checkAuthorization(authorization);
    if (authProblem !== undefined && sendZohoError(res, authProblem, operation)) return;
    const issued = authorization === undefined ? undefined : tokens.inspect(authorization);
    if (issued?.valid === false && sendZohoError(res, "invalidToken", operation)) return;
    if (issued?.valid === true) res.setHeader(ACCESS_TOKEN_RESET, issued.resetHeader);

    // 5. The module first: one newer than the version asked for is unknown to that version
    // (the schema lists it for the whole line).
    const routed = routedOperation(operation);
    const { module } = recordAddress(target);
    if (routed !== undefined && target.version !== undefined && moduleTooNew(routed, target.version, module)) {
      if (sendZohoError(res, "invalidModule", operation)) return;
    }
    // Then the request's violations, named the way Zoho names them. A Prefer that Prism could not
    // honour hides the violations (Prism fails before reporting them), so ask again without it;
    // when that answers, the Prefer itself was the problem.
    let preferProblem: string | undefined;
    if (
      result._tag === "Left" &&
      preferences.ok &&
      (preferences.mock.code ?? preferences.mock.exampleKey) !== undefined
    ) {
      const plain = await prism.request(input, { dynamic: false });
      if (plain._tag === "Right") {
        preferProblem = `${preferenceSource(prefer, query)} asks for ${asked(preferences)}, which the spec does not document for this operation.`;
        result = plain;
      }
    }
    if (result._tag === "Right" && result.right.validations.input.length > 0) {
      const violations = result.right.validations.input;
      noteRequest(req, { violations: violations.map(violationLine) });
      const fault = classifyViolations(violations, operation, query, refusedModuleError(routed, module));
      const example = fault && errors.find(fault.key, operation);
      if (fault !== undefined && example !== undefined) {
        const json = fault.paramName === undefined ? example.json : withParamName(example, fault.paramName);
        sendZohoJson(res, example.status, json, violationsHeader(violations));
        return;
      }
    }

    // 6. The mock's own answer, or Prism's, as the Prefer header selected it.
    if (!preferences.ok || preferProblem !== undefined) {
      const problem = preferences.ok ? (preferProblem ?? "") : preferences.message;
      sendPreferRefusal(res, operation, preferenceSource(prefer, query), problem);
      return;
    }
    // The mock's own answers: uploads, real bytes, the stateful mode (not when Prefer names an example).
    if (await routes.answer(req, res, target, operation, preferences.mock)) return;
    if (result._tag === "Left") {
      // Prism could not produce the documented answer it was asked for: the mock's failure.
      log("Prism's answer", result.left, req);
      sendInternalError(res, operation);
      return;
    }
    sendPrismOutput(res, result.right.output);
  }

  /** A Zoho INVALID_DATA naming the preference, whose message lists what the operation documents. */
  function sendPreferRefusal(res: ServerResponse, operation: IHttpOperation, source: string, problem: string): void {
    const base = errors.find("invalidParameter", operation);
    const message = `${problem} The documented responses are: ${describeResponses(operation)}.`;
    sendZohoValue(res, base?.status ?? 400, {
      code: base?.value.code ?? "INVALID_DATA",
      details: { param_name: source },
      message,
      status: "error",
    });
  }

  function sendInternalError(res: ServerResponse, operation?: IHttpOperation): void {
    if (!sendZohoError(res, "internalError", operation)) sendBareError(res, 500, "internalError");
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A fault cut the connection on purpose: the handler's failure to finish is expected.
      if (wasCut(res)) return;
      if (res.headersSent || res.destroyed) {
        // Half an answer is out (or nobody is left to read one): all that can be done is to stop.
        log("request", error, req);
        res.destroy();
        return;
      }
      if (error instanceof BodyTooLargeError) {
        // A body on a route that takes none, past Prism's limit: Zoho's "body size reached".
        if (!sendZohoError(res, "bodySizeReached")) sendBareError(res, 413, "bodySizeReached");
        return;
      }
      // Only a bug gets here: one line in the log, and the spec's INTERNAL_ERROR for the client.
      log("request", error, req);
      sendInternalError(res);
    });
  };
}

/** The last resort for a spec (not the bundled one) without the example needed. */
function sendBareError(res: ServerResponse, status: number, key: ZohoErrorKey): void {
  sendZohoJson(res, status, missingExampleBody(key));
}

function asked(preferences: Preferences): string {
  if (!preferences.ok) return "";
  const parts: string[] = [];
  if (preferences.mock.code !== undefined) parts.push(`code=${preferences.mock.code}`);
  if (preferences.mock.exampleKey !== undefined) parts.push(`example=${preferences.mock.exampleKey}`);
  return parts.join(", ");
}

function describeResponses(operation: IHttpOperation): string {
  return operation.responses
    .map((response) => {
      const keys = (response.contents ?? []).flatMap((content) => (content.examples ?? []).map((e) => e.key));
      return keys.length === 0 ? response.code : `${response.code} (examples: ${keys.join(", ")})`;
    })
    .join("; ");
}

// Prism's header limit: a long list is cut rather than risk an oversize header.
const MAX_VIOLATIONS_HEADER = 8 * 1024 - 100;

function violationsHeader(violations: readonly { path?: string[]; code?: string | number; message: string }[]): string {
  const value = JSON.stringify(
    violations.map((v) => ({ location: ["request", ...(v.path ?? [])], code: v.code, message: v.message })),
  );
  return value.length > MAX_VIOLATIONS_HEADER ? value.slice(0, MAX_VIOLATIONS_HEADER) : value;
}
