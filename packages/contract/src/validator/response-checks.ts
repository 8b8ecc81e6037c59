/**
 * Checks of a response against the documented response object: its headers, its content type and
 * its body. JSON bodies are validated against their schema; binary bodies are judged by their
 * headers and their length only, never by their bytes.
 */
import { parseContentDisposition } from "./content-disposition.js";
import { type Exchange, type HeaderValues, headerValue } from "./exchange.js";
import { isJsonMediaType, matchMediaRange } from "./media-type.js";
import type { SchemaCompiler } from "./schema-compiler.js";
import { locate, type OpenApiDocument } from "./spec.js";
import type { Violation } from "./violations.js";

/** The parts of an OpenAPI response object the checks read. */
export interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, unknown>;
}
interface HeaderObject {
  required?: boolean;
  schema?: unknown;
}

/**
 * Required headers must be present; present documented ones must match their schema (and parse,
 * for Content-Disposition). `spec` is the response object's pointer in the document.
 */
export function checkHeaders(
  doc: OpenApiDocument,
  schemas: SchemaCompiler,
  documented: ResponseObject,
  headers: HeaderValues,
  spec: string,
): Violation[] {
  const violations: Violation[] = [];
  for (const [name, raw] of Object.entries(documented.headers ?? {})) {
    const { value: header, at } = locate<HeaderObject>(doc, raw as HeaderObject, `${spec}/headers/${name}`);
    const value = headerValue(headers, name);
    if (value === undefined) {
      if (header.required)
        violations.push({ kind: "missing-header", at: name, spec: at, message: `required header ${name} is missing` });
      continue;
    }
    if (header.schema !== undefined) {
      for (const error of schemas.compile(header.schema, `${at}/schema`)(value)) {
        violations.push({
          kind: "invalid-header",
          at: name,
          spec: error.spec,
          message: `header ${name} ${error.message}`,
        });
      }
    }
    if (name.toLowerCase() === "content-disposition") violations.push(...checkDisposition(name, value, at));
  }
  return violations;
}

function checkDisposition(name: string, value: string, spec: string): Violation[] {
  const bad = (message: string): Violation[] => [{ kind: "invalid-header", at: name, spec, message }];
  try {
    if (parseContentDisposition(value).fileName !== undefined) return [];
    return bad(`header ${name} carries no file name (filename or filename*): ${value}`);
  } catch (error) {
    return bad(`header ${name} does not parse: ${(error as Error).message}`);
  }
}

/** The body's length in bytes when it can be known, and whether anything arrived at all. */
function measure(response: Exchange["response"]): { bytes: number | undefined; present: boolean | undefined } {
  const { body, received } = response;
  if (typeof body === "string") return { bytes: Buffer.byteLength(body), present: body !== "" };
  if (body instanceof Uint8Array) return { bytes: body.byteLength, present: body.byteLength > 0 };
  if (body !== undefined && body !== null)
    return { bytes: received?.complete ? received.bytes : undefined, present: true };
  if (!received) return { bytes: 0, present: false };
  // A streamed body that nobody read to the end: its size is unknown, not zero.
  if (!received.complete) return { bytes: undefined, present: received.bytes > 0 ? true : undefined };
  return { bytes: received.bytes, present: received.bytes > 0 };
}

/**
 * Checks presence, content type, schema (JSON) and Content-Length of the body. `spec` is the
 * response object's pointer in the document.
 */
export function checkBody(
  schemas: SchemaCompiler,
  documented: ResponseObject,
  response: Exchange["response"],
  spec: string,
): Violation[] {
  const headers = response.headers ?? {};
  const content = documented.content ?? {};
  const keys = Object.keys(content);
  const { bytes, present } = measure(response);
  const where = `${spec}/content`;
  if (keys.length === 0) {
    return present
      ? [{ kind: "unexpected-body", spec, message: "the response has a body where the contract documents none" }]
      : [];
  }
  const contentType = headerValue(headers, "content-type");
  const match = matchMediaRange(keys, contentType);
  const binary = "key" in match && !isJsonMediaType(match.key);
  // An empty file is still a file; an empty JSON answer is not.
  if (present === false && !binary)
    return [
      { kind: "missing-body", spec: where, message: "the response has no body where the contract documents one" },
    ];
  if ("problem" in match)
    return [{ kind: "undocumented-content-type", at: "content-type", spec: where, message: match.problem }];
  const violations = checkLength(headers, bytes);
  // A JSON body recorded only by its size (a HAR without texts, a proxy's cap) cannot be checked:
  // the verdict notes that, rather than calling the missing text invalid.
  if (binary || present === undefined || response.body === undefined) return violations;

  let value = response.body;
  if (typeof value === "string" || value instanceof Uint8Array) {
    const text = typeof value === "string" ? value : new TextDecoder().decode(value);
    try {
      value = JSON.parse(text);
    } catch {
      return [
        ...violations,
        { kind: "invalid-body", spec: where, message: `the body is not valid JSON: ${text.slice(0, 80)}` },
      ];
    }
  }
  const schema = content[match.key]?.schema;
  if (schema === undefined) return violations;
  const schemaAt = `${where}/${match.key.replaceAll("~", "~0").replaceAll("/", "~1")}/schema`;
  for (const error of schemas.compile(schema, schemaAt)(value)) {
    violations.push({
      kind: "invalid-body",
      at: error.at,
      spec: error.spec,
      message: `body${error.at} ${error.message}`,
    });
  }
  return violations;
}

function checkLength(headers: HeaderValues, actual: number | undefined): Violation[] {
  const declared = headerValue(headers, "content-length");
  const encoding = headerValue(headers, "content-encoding");
  // fetch undoes a content coding, so the bytes counted are not the bytes Content-Length counts.
  if (
    declared === undefined ||
    actual === undefined ||
    (encoding !== undefined && encoding.toLowerCase() !== "identity")
  )
    return [];
  if (/^\d+$/.test(declared.trim()) && Number(declared) === actual) return [];
  return [
    {
      kind: "length-mismatch",
      at: "content-length",
      message: `Content-Length says ${declared} bytes, the body has ${actual}`,
    },
  ];
}
