/** Test fixtures drawn from the spec's own named examples. */
import { deref, loadSpec, type OpenApiDocument } from "../../src/validator/spec.js";

export const doc: OpenApiDocument = loadSpec();

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Every named example of every response, with the operation it belongs to. */
export function responseExamples(spec: OpenApiDocument = doc) {
  const rows: { path: string; method: string; operationId: string; status: number; key: string; value: unknown }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      // Path items also hold `parameters` and `x-…` extensions; only operations have responses.
      if (!HTTP_METHODS.has(method) || typeof op !== "object" || op === null) continue;
      const { operationId, responses } = op as { operationId: string; responses: Record<string, unknown> };
      for (const [status, raw] of Object.entries(responses)) {
        const response = deref<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(
          spec,
          raw as object,
        );
        for (const media of Object.values(response.content ?? {})) {
          for (const [key, example] of Object.entries(media.examples ?? {})) {
            rows.push({
              path,
              method,
              operationId,
              status: Number(status),
              key,
              value: deref(spec, example as { value: unknown }).value,
            });
          }
        }
      }
    }
  }
  return rows;
}

/** The value of one named example of one operation's response. */
export function example(operationId: string, status: number, key: string): unknown {
  const row = responseExamples().find((r) => r.operationId === operationId && r.status === status && r.key === key);
  if (!row) throw new Error(`no example ${operationId} ${status} ${key}`);
  return structuredClone(row.value);
}

/**
 * The query string a request to the operation needs to be complete: each required query parameter
 * with its example value (arrays comma-separated), or "" when none is required.
 */
export function requiredQuery(operationId: string, spec: OpenApiDocument = doc): string {
  for (const item of Object.values(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const op = (item as Record<string, unknown>)[method] as { operationId?: string; parameters?: unknown[] };
      if (op?.operationId !== operationId) continue;
      const query = new URLSearchParams();
      for (const raw of [...((item as { parameters?: unknown[] }).parameters ?? []), ...(op.parameters ?? [])]) {
        type Parameter = { name: string; in: string; required?: boolean; example?: unknown };
        const p = deref<Parameter>(spec, raw as Parameter);
        if (p.in !== "query" || !p.required) continue;
        query.set(p.name, Array.isArray(p.example) ? p.example.join(",") : String(p.example));
      }
      const text = query.toString();
      return text === "" ? "" : `?${decodeURIComponent(text)}`;
    }
  }
  throw new Error(`no operation ${operationId}`);
}

/** A template path with the sample record (and attachment) filled in. */
export function concretePath(template: string): string {
  return template
    .replace("{module}", "Leads")
    .replace("{record_id}", "1000000231009")
    .replace("{attachment_id}", "1386586000002588005");
}

export const V2_PATH = "/crm/v2/Leads/1000000231009/Attachments";
export const V8_PATH = "/crm/v8/Leads/1000000231009/Attachments";
export const JSON_HEADERS = { "content-type": "application/json;charset=UTF-8" };
