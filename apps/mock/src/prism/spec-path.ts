/**
 * Where the bundled contract lives: the mock serves `@zcrm-attachments/spec`'s openapi.json unless
 * told otherwise, resolved from this package so an installed mock finds its own copy.
 */
import { createRequire } from "node:module";

/** Path of the bundled spec shipped by `@zcrm-attachments/spec`, resolved the way Node resolves it from this package. */
export function defaultSpecPath(): string {
  return createRequire(import.meta.url).resolve("@zcrm-attachments/spec/openapi.json");
}
