/**
 * Checks one recorded HTTP exchange against the contract: is the status documented, the content
 * type documented, the body valid against its schema, and every required header present and valid?
 */
import { SchemaCompiler } from "./schema-compiler.js";
import { deref, isObject, loadSpec, OperationIndex, type OpenApiDocument, type OperationRef } from "./spec.js";

export type HeaderValues = Record<string, string | string[] | undefined>;

/** A request and the response it got, as recorded. */
export interface Exchange {
  request: {
    method: string;
    /** The path, or a whole URL (its query is read too). */
    path: string;
    query?: Record<string, string | string[]>;
    headers?: HeaderValues;
  };
  response: {
    status: number;
    headers?: HeaderValues;
    /** Parsed JSON, raw text, bytes, or undefined for no body. */
    body?: unknown;
  };
}

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
  | "length-mismatch";

/** One way an exchange departs from the contract. */
export interface Violation {
  kind: ViolationKind;
  message: string;
  /** JSON pointer into the body, or the header name, where the violation is. */
  at?: string;
}

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

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
  headers?: Record<string, unknown>;
}
interface HeaderObject {
  required?: boolean;
  schema?: unknown;
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
      return { violations: [{ kind: "unknown-operation", message: why }] };
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
        message: `status ${response.status} is not documented for ${result.operation} (documented: ${known})`,
      });
      return result;
    }
    result.violations.push(...this.#checkHeaders(documented, response.headers ?? {}));
    result.violations.push(...this.#checkBody(documented, response.headers ?? {}, response.body));
    return result;
  }

  #responseFor(op: OperationRef, status: number): ResponseObject | undefined {
    const responses = op.operation.responses;
    const found = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    return found === undefined ? undefined : deref<ResponseObject>(this.doc, found as ResponseObject);
  }

  #checkHeaders(documented: ResponseObject, headers: HeaderValues): Violation[] {
    const violations: Violation[] = [];
    for (const [name, raw] of Object.entries(documented.headers ?? {})) {
      const header = deref<HeaderObject>(this.doc, raw as HeaderObject);
      const value = headerValue(headers, name);
      if (value === undefined) {
        if (header.required) violations.push({ kind: "missing-header", at: name, message: `required header ${name} is missing` });
        continue;
      }
      if (header.schema === undefined) continue;
      for (const error of this.#schemas.compile(header.schema)(value)) {
        violations.push({ kind: "invalid-header", at: name, message: `header ${name} ${error.message}` });
      }
    }
    return violations;
  }

  #checkBody(documented: ResponseObject, headers: HeaderValues, body: unknown): Violation[] {
    const content = documented.content;
    const empty = body === undefined || body === null || body === "" || (body instanceof Uint8Array && body.length === 0);
    if (!content || Object.keys(content).length === 0) {
      return empty ? [] : [{ kind: "unexpected-body", message: "the response has a body where the contract documents none" }];
    }
    if (empty) return [{ kind: "missing-body", message: "the response has no body where the contract documents one" }];

    const contentType = headerValue(headers, "content-type");
    const mediaKey = contentType === undefined ? undefined : matchMediaType(Object.keys(content), contentType);
    if (mediaKey === undefined) {
      return [
        {
          kind: "undocumented-content-type",
          at: "content-type",
          message: `content type ${contentType ?? "(none)"} is not documented (documented: ${Object.keys(content).join(", ")})`,
        },
      ];
    }
    const media = content[mediaKey] ?? {};
    if (!isJson(mediaKey)) return checkLength(headers, body);

    let value = body;
    if (typeof body === "string" || body instanceof Uint8Array) {
      const text = typeof body === "string" ? body : new TextDecoder().decode(body);
      try {
        value = JSON.parse(text);
      } catch {
        return [{ kind: "invalid-body", message: `the body is not valid JSON: ${text.slice(0, 80)}` }];
      }
    }
    if (media.schema === undefined) return [];
    return this.#schemas.compile(media.schema)(value).map((error) => ({
      kind: "invalid-body" as const,
      at: error.at,
      message: `body${error.at} ${error.message}`,
    }));
  }
}

function pathOf(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return new URL(path).pathname;
  const q = path.indexOf("?");
  return q === -1 ? path : path.slice(0, q);
}

function headerValue(headers: HeaderValues, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value.join(", ") : value;
  }
  return undefined;
}

/** The documented media type that a response's Content-Type matches, ignoring its parameters. */
function matchMediaType(documented: string[], contentType: string): string | undefined {
  const actual = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  const [type] = actual.split("/");
  return (
    documented.find((m) => m.toLowerCase() === actual) ??
    documented.find((m) => m.toLowerCase() === `${type}/*`) ??
    documented.find((m) => m === "*/*")
  );
}

function isJson(mediaType: string): boolean {
  return /^application\/(.+\+)?json$/i.test(mediaType);
}

function checkLength(headers: HeaderValues, body: unknown): Violation[] {
  const declared = headerValue(headers, "content-length");
  if (declared === undefined) return [];
  const actual = typeof body === "string" ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.length : undefined;
  if (actual === undefined || Number(declared) === actual) return [];
  return [{ kind: "length-mismatch", at: "content-length", message: `Content-Length says ${declared} bytes, the body has ${actual}` }];
}

