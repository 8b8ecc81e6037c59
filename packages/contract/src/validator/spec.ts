/**
 * Loading the bundled OpenAPI document, finding the operation an exchange belongs to, and naming
 * places in the document by JSON pointer, so a report can say which part of the spec a finding
 * is about.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { specPathFor } from "@zcrm-attachments/types";

/** The parts of an OpenAPI 3.1 document the validator reads. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, PathItem>;
  components?: Record<string, Record<string, unknown>>;
}
export type PathItem = Partial<Record<HttpMethod, Operation>> & { parameters?: unknown[] };
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
export interface Operation {
  operationId?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Reads the bundled spec shipped by @zcrm-attachments/spec, or another one by path. */
export function loadSpec(path?: string): OpenApiDocument {
  const file = path ?? createRequire(import.meta.url).resolve("@zcrm-attachments/spec/openapi.json");
  return JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument;
}

/** Follows a local `$ref` (`#/components/...`) until it reaches a non-reference value. */
export function deref<T>(doc: OpenApiDocument, value: T): T {
  let current: unknown = value;
  for (let hops = 0; hops < 32; hops++) {
    const ref = isObject(current) && typeof current.$ref === "string" ? current.$ref : undefined;
    if (!ref) return current as T;
    if (!ref.startsWith("#/")) throw new Error(`only local references are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), doc);
    if (current === undefined) throw new Error(`unresolved reference ${ref}`);
  }
  throw new Error("reference chain too long");
}

/**
 * Follows a local `$ref` like deref, and says where the value it reached lives in the document:
 * `at` is the value's own pointer, replaced by each reference followed.
 */
export function locate<T>(doc: OpenApiDocument, value: T, at: string): { value: T; at: string } {
  let pointer = at;
  let current: unknown = value;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current.$ref === "string"; hops++) {
    pointer = current.$ref;
    current = deref(doc, { $ref: current.$ref });
  }
  return { value: current as T, at: pointer };
}

/** A JSON pointer fragment into the document from its segments (`/` and `~` escaped). */
export function pointer(...segments: (string | number)[]): string {
  return `#${segments.map((s) => `/${String(s).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("")}`;
}

/** Whether a value is a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One documented operation, addressable by method and path template. */
export interface OperationRef {
  method: HttpMethod;
  template: string;
  operationId: string;
  operation: Operation;
  /** The path item's parameters followed by the operation's own (references unresolved). */
  parameters: unknown[];
  /** Where each of `parameters` is written in the document (before following a reference). */
  parameterPointers: string[];
  /** The operation's JSON pointer in the document (`#/paths/~1crm~1v8~1…/get`). */
  pointer: string;
}

interface Route extends OperationRef {
  pattern: RegExp;
  params: number;
}

/** Matches request paths against the document's templates, literal segments first. */
export class OperationIndex {
  readonly #routes: Route[] = [];

  constructor(doc: OpenApiDocument) {
    for (const [template, item] of Object.entries(doc.paths)) {
      const source = template
        .split("/")
        .map((segment) => (/^\{[^}]+\}$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("/");
      const params = (template.match(/\{/g) ?? []).length;
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const shared = item.parameters ?? [];
        const own = operation.parameters ?? [];
        this.#routes.push({
          method,
          template,
          operationId: operation.operationId ?? `${method} ${template}`,
          operation,
          parameters: [...shared, ...own],
          parameterPointers: [
            ...shared.map((_, i) => pointer("paths", template, "parameters", i)),
            ...own.map((_, i) => pointer("paths", template, method, "parameters", i)),
          ],
          pointer: pointer("paths", template, method),
          pattern: new RegExp(`^${source}$`),
          params,
        });
      }
    }
    this.#routes.sort((a, b) => a.params - b.params);
  }

  /** The operation for a method and a concrete path (any supported version), if any. */
  find(method: string, path: string): OperationRef | undefined {
    // The spec writes each line's paths under one version (v2, v8); the facts map the others onto it.
    const specPath = specPathFor(path);
    if (specPath === undefined) return undefined;
    const m = method.toLowerCase();
    return this.#routes.find((route) => route.method === m && route.pattern.test(specPath));
  }

  /** The operation with this operationId, if any. */
  byId(operationId: string): OperationRef | undefined {
    return this.#routes.find((route) => route.operationId === operationId);
  }
}
