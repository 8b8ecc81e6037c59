/**
 * Compiles the document's schemas with Ajv's JSON Schema 2020-12 build (OpenAPI 3.1's dialect),
 * formats included.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { isObject, type OpenApiDocument } from "./spec.js";

// ajv-formats ships CommonJS with a default export; unwrap it under either loader.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

const DOCUMENT_ID = "urn:zcrm-attachments:openapi";

/** One way a value departs from its schema. */
export interface SchemaError {
  /** JSON pointer into the value, "" for the root. */
  at: string;
  message: string;
  /** The keyword that failed, as Ajv names it: relative to the compiled schema (`#/…`) or into the document. */
  schemaPath: string;
}

/** A compiled validator for one schema of the document. */
export type CheckValue = (value: unknown) => SchemaError[];

/** Compiles schemas of one OpenAPI document, caching each compiled schema. */
export class SchemaCompiler {
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<unknown, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    this.#ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(this.#ajv);
    // OpenAPI's marker for raw bytes (files, form parts): any string stands for them.
    this.#ajv.addFormat("binary", true);
    // OpenAPI adds these keywords to JSON Schema; `components` holds the document's schemas below.
    this.#ajv.addVocabulary(["components", "example", "discriminator", "xml", "externalDocs"]);
    // Specification extensions (`x-…`, e.g. the spec's x-zcrm-max-bytes) annotate schemas; Ajv's
    // strict mode would refuse them as unknown keywords, so each one the document uses is declared.
    this.#ajv.addVocabulary([...extensionKeys(doc)]);
    this.#ajv.addSchema({ $id: DOCUMENT_ID, components: anchorRefs(doc.components ?? {}) });
  }

  /** Returns a checker for a schema taken from the document (references resolve against it). */
  compile(schema: unknown): CheckValue {
    let validate = this.#cache.get(schema);
    if (!validate) {
      validate = this.#ajv.compile(anchorRefs(schema) as object);
      this.#cache.set(schema, validate);
    }
    const fn = validate;
    return (value) => (fn(value) ? [] : (fn.errors ?? []).map(toSchemaError));
  }
}

function toSchemaError(error: ErrorObject): SchemaError {
  const extra =
    error.keyword === "additionalProperties"
      ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
      : error.keyword === "enum" || error.keyword === "const"
        ? ` (${JSON.stringify((error.params as { allowedValues?: unknown; allowedValue?: unknown }).allowedValues ?? (error.params as { allowedValue?: unknown }).allowedValue)})`
        : "";
  return { at: error.instancePath, message: `${error.message ?? error.keyword}${extra}`, schemaPath: error.schemaPath };
}

/**
 * Where in the document a schema error's keyword is written: inside a referenced schema Ajv
 * already names the place in the document; otherwise the path is relative to the schema
 * compiled, which lives at `base`.
 */
export function specPointer(schemaPath: string, base: string): string {
  if (schemaPath.startsWith(`${DOCUMENT_ID}#`)) return schemaPath.slice(DOCUMENT_ID.length);
  return schemaPath.startsWith("#") ? `${base}${schemaPath.slice(1)}` : base;
}

/** Every `x-` key anywhere in the document. */
function extensionKeys(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) extensionKeys(item, found);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeys(value, found);
    }
  }
  return found;
}

/** Rewrites document-local references (`#/components/...`) to point into the registered document. */
function anchorRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(anchorRefs);
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/") ? DOCUMENT_ID + value : anchorRefs(value);
  }
  return out;
}
