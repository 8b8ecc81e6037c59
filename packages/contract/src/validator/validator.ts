/**
 * Checks one recorded HTTP exchange against the contract: is the status documented, the content
 * type documented, the body valid against its schema (or, for a file, as long as its headers say),
 * every required header present and valid, and the request (its query and header parameters and
 * its body) one the operation takes at the version it was sent to?
 */
import { versionOfPath } from "@zcrm-attachments/types";
import { type Exchange, queryRecord } from "./exchange.js";
import { checkParameters } from "./parameter-checks.js";
import { checkRequestBody } from "./request-checks.js";
import { checkBody, checkHeaders, type ResponseObject } from "./response-checks.js";
import { SchemaCompiler } from "./schema-compiler.js";
import { loadSpec, locate, type OpenApiDocument, OperationIndex, type OperationRef } from "./spec.js";
import type { Violation } from "./violations.js";

export type { Exchange, FormPart, HeaderValues, ReceivedBody, RequestBody } from "./exchange.js";
export { REQUEST_VIOLATIONS, type Violation, type ViolationKind } from "./violations.js";

/** The outcome of validating one exchange. */
export interface ValidationResult {
  /** The operation the exchange was matched to (`METHOD template`), if any. */
  operation?: string;
  operationId?: string;
  violations: Violation[];
}

/** Options for one validation. */
export interface ValidateOptions {
  /**
   * Validate against this operation instead of the one the path matches. Use it for exchanges whose
   * request was deliberately wrong (an unknown path, a wrong method) but whose answer is documented.
   */
  operationId?: string;
}

/** Validates exchanges against one OpenAPI document. */
export class ContractValidator {
  readonly doc: OpenApiDocument;
  readonly index: OperationIndex;
  readonly #schemas: SchemaCompiler;

  /** Uses the given document, or the bundled spec of @zcrm-attachments/spec. */
  constructor(doc: OpenApiDocument = loadSpec()) {
    this.doc = doc;
    this.index = new OperationIndex(doc);
    this.#schemas = new SchemaCompiler(doc);
  }

  /** Reports every way the exchange departs from the contract (an empty list means it conforms). */
  validate(exchange: Exchange, options: ValidateOptions = {}): ValidationResult {
    const { request, response } = exchange;
    const path = pathOf(request.path);
    const op = options.operationId ? this.index.byId(options.operationId) : this.index.find(request.method, path);
    if (!op) {
      const why = options.operationId
        ? `no operation has operationId ${options.operationId}`
        : `${request.method.toUpperCase()} ${path} matches no documented operation`;
      return { violations: [{ kind: "unknown-operation", spec: "#/paths", message: why }] };
    }
    const result: ValidationResult = {
      operation: `${op.method.toUpperCase()} ${op.template}`,
      operationId: op.operationId,
      violations: [],
    };
    const documented = this.#responseFor(op, response.status);
    if (!documented) {
      const known = Object.keys(op.operation.responses).join(", ");
      result.violations.push({
        kind: "undocumented-status",
        spec: `${op.pointer}/responses`,
        message: `status ${response.status} is not documented for ${result.operation} (documented: ${known})`,
      });
    } else {
      const { value, at } = documented;
      result.violations.push(...checkHeaders(this.doc, this.#schemas, value, response.headers ?? {}, at));
      result.violations.push(...checkBody(this.#schemas, value, response, at));
    }
    // A query written into the path counts too; `query` wins where both name a parameter.
    const inPath = queryRecord(new URL(request.path, "http://path.invalid"));
    const sent = { ...request, query: { ...inPath, ...(request.query ?? {}) } };
    result.violations.push(...checkRequestBody(this.doc, this.#schemas, op, sent));
    result.violations.push(...checkParameters(this.doc, this.#schemas, op, sent, versionOfPath(path), response.status));
    return result;
  }

  /** The documented response for a status (or its range, or the default), and where it is written. */
  #responseFor(op: OperationRef, status: number): { value: ResponseObject; at: string } | undefined {
    const responses = op.operation.responses;
    const key = [String(status), `${String(status)[0]}XX`, "default"].find((k) => responses[k] !== undefined);
    if (key === undefined) return undefined;
    return locate<ResponseObject>(this.doc, responses[key] as ResponseObject, `${op.pointer}/responses/${key}`);
  }
}

function pathOf(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return new URL(path).pathname;
  const q = path.indexOf("?");
  return q === -1 ? path : path.slice(0, q);
}
