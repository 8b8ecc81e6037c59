import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// Expected bodies come from the bundled spec itself, read here without Prism, so a test compares
// the mock's answer with the document and not with the mock's own lookup.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const specPath = createRequire(import.meta.url).resolve("@zcrm-attachments/spec/openapi.json");
const spec = JSON.parse(readFileSync(specPath, "utf8")) as Json;

function child(node: Json | undefined, key: string): Json | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  return deref(node[key]);
}

function deref(node: Json | undefined): Json | undefined {
  if (node !== null && typeof node === "object" && !Array.isArray(node) && typeof node.$ref === "string") {
    const pointer = node.$ref
      .replace(/^#\//, "")
      .split("/")
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    return deref(pointer.reduce<Json | undefined>((at, key) => child(at, key), spec));
  }
  return node;
}

/** The value of a named example of one operation's response in the bundled spec. */
export function example(method: string, path: string, status: number, key: string): Json {
  const response = [
    "paths",
    path,
    method.toLowerCase(),
    "responses",
    String(status),
    "content",
    "application/json",
    "examples",
    key,
  ].reduce<Json | undefined>((at, k) => child(at, k), spec);
  const value = child(response, "value");
  if (value === undefined) throw new Error(`No example ${key} under ${status} of ${method} ${path}`);
  return value;
}

/** The value of a named example of one response of `GET <path>` in the bundled spec. */
export function specExample(path: string, status: number, key: string): Json {
  return example("GET", path, status, key);
}

/** The spec's path of the v2 line's list operation. */
export const V2 = "/crm/v2/{module}/{record_id}/Attachments";
/** The spec's path of the current line's list operation. */
export const V8 = "/crm/v8/{module}/{record_id}/Attachments";
/** The bundled spec's file path. */
export const SPEC_PATH = specPath;
