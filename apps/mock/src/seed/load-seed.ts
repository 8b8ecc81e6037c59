/**
 * The `seed` option read into a plan: a file path (a HAR recording by its `.har` name or by its
 * content, a JSON scenario otherwise), or an object (a HAR log or a scenario) given in code. The
 * id rule comes from the spec the mock serves (its `record_id` parameter), not from a copy here.
 * Every failure names the seed as given and, below it, the entry or record that is wrong.
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { IHttpOperation } from "@stoplight/types";
import { isRecord } from "../prism/example-catalog.js";
import { harPlan } from "./har-seed.js";
import type { Scenario } from "./scenario-schema.js";
import { scenarioPlan } from "./scenario-seed.js";
import type { SeedPlan } from "./seed-plan.js";

/** What `seed` takes: a path to a HAR or scenario file, or a scenario (or a parsed HAR) in code. */
export type SeedInput = string | Scenario | { log: unknown };

// Any id, should a served spec not say: Prism then checks ids as that spec has them.
const ANY_ID = "^.+$";

/** Reads `seed` into a checked plan; `now` dates a scenario's attachments that give no time. */
export async function loadSeed(seed: SeedInput, operations: readonly IHttpOperation[], now: number): Promise<SeedPlan> {
  const idPattern = idPatternOf(operations);
  if (typeof seed === "string") {
    let text: string;
    try {
      text = await readFile(seed, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new Error(`seed file ${seed} cannot be read (${code}).`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      throw new Error(`seed file ${seed} is not JSON: ${(error as Error).message}`);
    }
    if (/\.har$/i.test(seed) || isHar(value)) return harPlan(value, seed, new RegExp(idPattern), now);
    return scenarioPlan(value, { source: seed, baseDir: dirname(resolve(seed)), idPattern, now });
  }
  if (!isRecord(seed)) throw new Error("seed must be the path of a HAR or scenario file, or a scenario object.");
  const source = "the seed object";
  if (isHar(seed)) return harPlan(seed, source, new RegExp(idPattern), now);
  return scenarioPlan(seed, { source, baseDir: process.cwd(), idPattern, now });
}

function isHar(value: unknown): boolean {
  return isRecord(value) && isRecord(value.log);
}

/** The pattern of the served spec's `record_id` path parameter (the RecordId schema). */
function idPatternOf(operations: readonly IHttpOperation[]): string {
  for (const operation of operations) {
    const param = operation.request?.path?.find((p) => p.name === "record_id");
    const pattern = (param?.schema as { pattern?: unknown } | undefined)?.pattern;
    if (typeof pattern === "string") return pattern;
  }
  return ANY_ID;
}
