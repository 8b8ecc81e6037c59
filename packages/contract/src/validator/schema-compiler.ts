/**
 * Compiles the document's schemas with Ajv's JSON Schema 2020-12 build (OpenAPI 3.1's dialect),
 * formats included, and says for each error where in the document the failing keyword is written.
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
  /** Where the failing keyword is written in the document, as a JSON pointer fragment (`#/components/…/type`). */
  spec: string;
}

/** A compiled validator for one schema of the document. */
export type CheckValue = (value: unknown) => SchemaError[];

/** Compiles schemas of one OpenAPI document, caching each compiled schema. */
export class SchemaCompiler {
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<unknown, ValidateFunction>();
  /** The place in the document of every schema object handed to Ajv (Ajv's own paths are relative to a reference). */
  readonly #where = new WeakMap<object, string>();

  constructor(doc: OpenApiDocument) {
    // verbose: each error carries the schema object it failed in, which #where locates.
    this.#ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    addFormats(this.#ajv);
    // OpenAPI's marker for raw bytes (files, form parts): any string stands for them.
    this.#ajv.addFormat("binary", true);
    // OpenAPI adds these keywords to JSON Schema; `components` holds the document's schemas below.
    this.#ajv.addVocabulary(["components", "example", "discriminator", "xml", "externalDocs"]);
    // Specification extensions (`x-…`, e.g. the spec's x-zcrm-max-bytes) annotate schemas; Ajv's
    // strict mode would refuse them as unknown keywords, so each one the document uses is declared.
    this.#ajv.addVocabulary([...extensionKeys(doc)]);
    this.#ajv.addSchema({ $id: DOCUMENT_ID, components: this.#anchor(doc.components ?? {}, "#/components") });
  }

  /**
   * Returns a checker for a schema taken from the document (references resolve against it); `at`
   * is where the schema is written, so errors can name their keyword's place.
   */
  compile(schema: unknown, at = "#"): CheckValue {
    let validate = this.#cache.get(schema);
    if (!validate) {
      validate = this.#ajv.compile(this.#anchor(schema, at) as object);
      this.#cache.set(schema, validate);
    }
    const fn = validate;
    return (value) => (fn(value) ? [] : (fn.errors ?? []).map((error) => this.#error(error)));
  }

  #error(error: ErrorObject): SchemaError {
    const parent = error.parentSchema as object | undefined;
    const place = parent === undefined ? undefined : this.#where.get(parent);
    const spec = place === undefined ? "#" : `${place}/${error.keyword}`;
    return { ...toSchemaError(error), spec };
  }

  /** A copy with local references pointed into the registered document, each object's place noted. */
  #anchor(node: unknown, at: string): unknown {
    if (Array.isArray(node)) return node.map((item, i) => this.#anchor(item, `${at}/${i}`));
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === "$ref" && typeof value === "string" && value.startsWith("#/")
          ? DOCUMENT_ID + value
          : this.#anchor(value, `${at}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    }
    this.#where.set(out, at);
    return out;
  }
}

function toSchemaError(error: ErrorObject): Omit<SchemaError, "spec"> {
  const extra =
    error.keyword === "additionalProperties"
      ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
      : error.keyword === "enum" || error.keyword === "const"
        ? ` (${JSON.stringify((error.params as { allowedValues?: unknown; allowedValue?: unknown }).allowedValues ?? (error.params as { allowedValue?: unknown }).allowedValue)})`
        : "";
  return { at: error.instancePath, message: `${error.message ?? error.keyword}${extra}` };
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
