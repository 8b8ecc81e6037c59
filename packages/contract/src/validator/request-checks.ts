/**
 * Checks of the request body a client sent, against the operation's request schema. Multipart
 * forms are judged by their parts (names, which are files, the text of small fields); fields the
 * spec also takes in the query (Zoho's SDKs send `attachmentUrl` there) count as form fields.
 */
import type { Exchange, RequestBody } from "./exchange.js";
import { headerValue } from "./exchange.js";
import { matchMediaRange } from "./media-type.js";
import type { SchemaCompiler } from "./schema-compiler.js";
import { deref, isObject, locate, type OpenApiDocument, type OperationRef, pointer } from "./spec.js";
import type { Violation } from "./violations.js";

interface SchemaNode {
  type?: unknown;
  format?: unknown;
  required?: string[];
  properties?: Record<string, unknown>;
  oneOf?: unknown[];
}
interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, { schema?: unknown }>;
}

const bad = (message: string, spec?: string): Violation =>
  spec === undefined ? { kind: "invalid-request-body", message } : { kind: "invalid-request-body", message, spec };

/** Reports every way the recorded request body departs from the operation's request schema. */
export function checkRequestBody(
  doc: OpenApiDocument,
  schemas: SchemaCompiler,
  op: OperationRef,
  request: Exchange["request"],
): Violation[] {
  const body = request.body;
  if (body === undefined || (body !== null && !body.complete)) return []; // not recorded, or not seen whole
  const sent = body !== null && ((body.bytes ?? 0) > 0 || (body.parts?.length ?? 0) > 0);
  if (op.operation.requestBody === undefined)
    return sent ? [bad("the request has a body where the contract documents none", op.pointer)] : [];
  const { value: documented, at } = locate<RequestBodyObject>(
    doc,
    op.operation.requestBody as RequestBodyObject,
    `${op.pointer}/requestBody`,
  );
  const content = documented.content ?? {};
  if (!sent && documented.required)
    return [
      { kind: "missing-request-body", spec: at, message: "the request has no body where the contract requires one" },
    ];

  let mediaKey = Object.keys(content)[0];
  if (sent) {
    const match = matchMediaRange(Object.keys(content), headerValue(request.headers, "content-type"));
    if ("problem" in match)
      return [
        {
          kind: "undocumented-request-content-type",
          at: "content-type",
          spec: `${at}/content`,
          message: `request ${match.problem}`,
        },
      ];
    mediaKey = match.key;
  }
  const schema = mediaKey === undefined ? undefined : content[mediaKey]?.schema;
  if (schema === undefined) return [];
  const schemaAt = `${at}${pointer("content", mediaKey as string, "schema").slice(1)}`;
  const root = locate<SchemaNode>(doc, schema as SchemaNode, schemaAt);
  const located = root.value.oneOf
    ? root.value.oneOf.map((s, i) => locate<SchemaNode>(doc, s as SchemaNode, `${root.at}/oneOf/${i}`))
    : [root];
  const alternatives = located.map((alt) => alt.value);
  const properties = new Map<string, SchemaNode>();
  for (const alt of alternatives) {
    for (const [name, raw] of Object.entries(alt.properties ?? {}))
      properties.set(name, deref<SchemaNode>(doc, raw as SchemaNode));
  }

  const violations: Violation[] = [];
  const form: Record<string, unknown> = {};
  if (sent) {
    if (body.problem) return [bad(`the multipart body is malformed: ${body.problem}`)];
    if (!body.parts) return []; // a body whose parts could not be seen (too large to scan in memory)
    violations.push(...readParts(body, properties, form));
  }
  for (const name of queryFormFields(doc, op, properties)) {
    const value = request.query?.[name];
    if (value === undefined) continue;
    if (name in form) violations.push(bad(`${name} is sent both in the query and in the form`));
    else form[name] = Array.isArray(value) ? value.join(",") : value;
  }

  // Exactly one alternative's required members: say which are missing or doubled in plain words.
  if (alternatives.length > 1) {
    const members = [...new Set(alternatives.flatMap((alt) => alt.required ?? []))];
    const given = members.filter((name) => name in form);
    const listed = members.map((name) => describeMember(name, properties, doc, op)).join(", ");
    if (given.length === 0)
      return [...violations, bad(`the request carries none of ${listed}; the contract takes exactly one`, schemaAt)];
    if (given.length > 1)
      return [
        ...violations,
        bad(
          `the request carries ${given.join(" and ")} together; the contract takes exactly one of ${listed}`,
          schemaAt,
        ),
      ];
    const chosen =
      located.find((alt) => alt.value.required?.includes(given[0] as string)) ?? (located[0] as typeof root);
    return [...violations, ...schemaErrors(schemas, chosen.value, form, chosen.at)];
  }
  return [...violations, ...schemaErrors(schemas, schema, form, schemaAt)];
}

function readParts(body: RequestBody, properties: Map<string, SchemaNode>, form: Record<string, unknown>): Violation[] {
  const violations: Violation[] = [];
  for (const part of body.parts ?? []) {
    if (part.name in form) {
      violations.push(bad(`part ${part.name} appears more than once`));
      continue;
    }
    const binary = properties.get(part.name)?.format === "binary";
    if (binary && part.fileName === undefined)
      violations.push(bad(`part ${part.name} must be a file (its Content-Disposition has no filename)`));
    if (!binary && part.fileName !== undefined && properties.has(part.name))
      violations.push(bad(`part ${part.name} must be a plain field, not a file`));
    // A file's bytes are not schema material: a placeholder string stands for them.
    form[part.name] = part.fileName !== undefined ? `(${part.bytes} bytes)` : (part.value ?? "");
  }
  return violations;
}

/** Query parameters of the operation that share a name with a form field. */
function queryFormFields(doc: OpenApiDocument, op: OperationRef, properties: Map<string, SchemaNode>): string[] {
  return op.parameters
    .map((raw) => deref<{ name?: unknown; in?: unknown }>(doc, raw as object))
    .filter((p) => p.in === "query" && typeof p.name === "string" && properties.has(p.name))
    .map((p) => p.name as string);
}

function describeMember(
  name: string,
  properties: Map<string, SchemaNode>,
  doc: OpenApiDocument,
  op: OperationRef,
): string {
  if (properties.get(name)?.format === "binary") return `a ${name} part`;
  return queryFormFields(doc, op, properties).includes(name)
    ? `${name} (a form field or in the query)`
    : `a ${name} field`;
}

function schemaErrors(
  schemas: SchemaCompiler,
  schema: unknown,
  form: Record<string, unknown>,
  at: string,
): Violation[] {
  if (!isObject(schema)) return [];
  return schemas
    .compile(
      schema,
      at,
    )(form)
    .map((error) => ({
      kind: "invalid-request-body" as const,
      at: error.at,
      spec: error.spec,
      message: `request body${error.at} ${error.message}`,
    }));
}
