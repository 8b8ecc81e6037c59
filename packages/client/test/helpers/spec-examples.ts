/**
 * Fixtures straight from the bundled spec: the named examples of the list operations, with their
 * `$ref`s resolved, grouped by operation and HTTP status; and any named example by its name.
 */
import spec from "@zcrm-attachments/spec/openapi.json" with { type: "json" };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function resolve(node: Json): Json {
  if (node !== null && typeof node === "object" && !Array.isArray(node) && typeof node.$ref === "string") {
    let target: Json = spec as unknown as Json;
    for (const key of node.$ref.replace(/^#\//, "").split("/")) {
      if (target === null || typeof target !== "object" || Array.isArray(target))
        throw new Error(`bad $ref ${node.$ref}`);
      target = target[key] ?? null;
    }
    return resolve(target);
  }
  return node;
}

function child(node: Json, key: string): Json {
  const resolved = resolve(node);
  if (resolved === null || typeof resolved !== "object" || Array.isArray(resolved)) return null;
  return resolve(resolved[key] ?? null);
}

/** One named example of a response. */
export interface SpecExample {
  operation: "v2" | "current";
  status: number;
  name: string;
  body: Record<string, unknown>;
}

const OPERATION_PATHS = {
  v2: "/crm/v2/{module}/{record_id}/Attachments",
  current: "/crm/v8/{module}/{record_id}/Attachments",
} as const;

/** Every named JSON example of a list operation's responses. */
export function responseExamples(operation: "v2" | "current"): SpecExample[] {
  const get = child(child(child(spec as unknown as Json, "paths"), OPERATION_PATHS[operation]), "get");
  const responses = child(get, "responses");
  const found: SpecExample[] = [];
  if (responses === null || typeof responses !== "object" || Array.isArray(responses)) return found;
  for (const status of Object.keys(responses)) {
    const examples = child(child(child(child(responses, status), "content"), "application/json"), "examples");
    if (examples === null || typeof examples !== "object" || Array.isArray(examples)) continue;
    for (const name of Object.keys(examples)) {
      const body = child(child(examples, name), "value");
      found.push({ operation, status: Number(status), name, body: body as Record<string, unknown> });
    }
  }
  return found;
}

/** The error examples of both list operations (status 400 and above). */
export function errorExamples(): SpecExample[] {
  return [...responseExamples("v2"), ...responseExamples("current")].filter((example) => example.status >= 400);
}

/** The 200 example of an operation. */
export function successExample(operation: "v2" | "current"): Record<string, unknown> {
  const example = responseExamples(operation).find((candidate) => candidate.status === 200);
  if (example === undefined) throw new Error(`the spec has no 200 example for the ${operation} operation`);
  return example.body;
}

/** The value of one of the spec's named examples (`components.examples`), e.g. "link-already-exists". */
export function namedExample(name: string): Record<string, unknown> {
  const value = child(child(child(child(spec as unknown as Json, "components"), "examples"), name), "value");
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`the spec has no JSON example named ${name}`);
  }
  return value;
}
