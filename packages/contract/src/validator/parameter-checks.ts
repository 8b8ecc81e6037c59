/**
 * Checks of the request's query and header parameters against the operation's parameter list:
 * required ones are present, each value is valid against its schema (a query string read as the
 * schema's type, an array split as the parameter's style says), and none is sent to a version
 * older than the one it arrived in (the facts module's `since`, for form fields too). A server
 * that answers such a request with a success is drifting from the contract, and the message
 * says so. Path parameters are left to the server: module names are open, and the server's answer
 * to a bad record id is what the rows judge.
 */
import { type ApiVersion, since, versionAtLeast } from "@zcrm-attachments/types";
import { type Exchange, headerValue } from "./exchange.js";
import type { SchemaCompiler } from "./schema-compiler.js";
import { deref, isObject, locate, type OpenApiDocument, type OperationRef } from "./spec.js";
import type { Violation } from "./violations.js";

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
  style?: string;
  explode?: boolean;
}
interface SchemaNode {
  type?: string | string[];
  items?: unknown;
}

/** Reports every query or header parameter of the request that departs from the operation's. */
export function checkParameters(
  doc: OpenApiDocument,
  schemas: SchemaCompiler,
  op: OperationRef,
  request: Exchange["request"],
  version: ApiVersion | undefined,
  status: number,
): Violation[] {
  const operation = `${op.method.toUpperCase()} ${op.template}`;
  // A request off the contract that got a success is the server's drift, not only the client's slip.
  const answered = status < 400 ? `, yet the server answered ${status} instead of refusing it` : "";
  const arrived: Readonly<Record<string, ApiVersion>> =
    (since as Record<string, Record<string, ApiVersion>>)[op.operationId] ?? {};
  const tooNew = (name: string, what: string, where: string, spec?: string): Violation[] => {
    const first = arrived[name];
    if (first === undefined || version === undefined || versionAtLeast(version, first)) return [];
    const message = `request ${what} arrived in ${first}; this request is ${version}${answered}`;
    return [{ kind: "parameter-not-in-version", at: where, message, ...(spec === undefined ? {} : { spec }) }];
  };

  const violations: Violation[] = [];
  const seen = new Set<string>();
  op.parameters.forEach((raw, i) => {
    const { value: p, at } = locate<ParameterObject>(doc, raw as ParameterObject, op.parameterPointers[i] as string);
    if (p.in !== "query" && p.in !== "header") return;
    const given = p.in === "query" ? request.query?.[p.name] : headerValue(request.headers, p.name);
    const what = p.in === "query" ? `query parameter ${p.name}` : `header ${p.name}`;
    const where = p.in === "query" ? `query.${p.name}` : p.name;
    if (given === undefined) {
      if (p.required)
        violations.push({
          kind: "missing-parameter",
          at: where,
          spec: at,
          message: `request ${what} is required by ${operation} and was not sent${answered}`,
        });
      return;
    }
    seen.add(p.name);
    violations.push(...tooNew(p.name, what, where, at));
    if (p.schema === undefined) return;
    const values = Array.isArray(given) ? given : [given];
    const schema = deref<SchemaNode>(doc, p.schema as SchemaNode);
    if (schema.type !== "array" && values.length > 1) {
      violations.push({
        kind: "invalid-parameter",
        at: where,
        spec: at,
        message: `request ${what} is sent ${values.length} times; the contract takes one value${answered}`,
      });
      return;
    }
    for (const error of schemas.compile(p.schema, `${at}/schema`)(readValue(doc, p, schema, values))) {
      violations.push({
        kind: "invalid-parameter",
        at: `${where}${error.at}`,
        spec: error.spec,
        message: `request ${what}${error.at} ${error.message} (sent ${JSON.stringify(given)})${answered}`,
      });
    }
  });
  // Fields that arrived later count in the form too (a link's title before v5).
  for (const part of request.body?.parts ?? []) {
    if (!seen.has(part.name)) violations.push(...tooNew(part.name, `form field ${part.name}`, `form.${part.name}`));
  }
  return violations;
}

/** The values of a parameter as its schema types them: arrays split per style, numbers and booleans read. */
function readValue(doc: OpenApiDocument, p: ParameterObject, schema: SchemaNode, values: string[]): unknown {
  if (schema.type === "array") {
    // OpenAPI's default for query parameters is form style, exploded: one key per value.
    const explode = p.explode ?? (p.style ?? "form") === "form";
    const items = explode ? values : values.flatMap((value) => value.split(","));
    const itemSchema = isObject(schema.items) ? deref<SchemaNode>(doc, schema.items as SchemaNode) : {};
    return items.map((item) => coerce(itemSchema, item));
  }
  return coerce(schema, values[0] as string);
}

function coerce(schema: SchemaNode, text: string): unknown {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text))
    return Number(text);
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  return text;
}
