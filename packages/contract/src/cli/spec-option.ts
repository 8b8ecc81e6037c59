/**
 * `--spec <openapi.json>`: judge against another bundled spec than the one this package ships,
 * such as a newer @zcrm-attachments/spec's, so that a recording made once can be checked again
 * against each new version of the contract. A file that cannot be used stops the command (exit 2)
 * with what is wrong with it.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { isObject, loadSpec, type OpenApiDocument } from "../validator/spec.js";
import { ContractValidator } from "../validator/validator.js";
import { UsageError } from "./exit-status.js";

/** The option as commander gives it. */
export interface SpecOptions {
  spec?: string;
}

/** Adds `--spec` to a command. */
export function withSpecOption(command: Command): Command {
  return command.option(
    "--spec <openapi.json>",
    "judge against this bundled OpenAPI document (JSON) instead of the one this version ships",
  );
}

/** The validator for the command: the bundled spec's, or the file's; throws a UsageError for a file that cannot be used. */
export function validatorFor(options: SpecOptions, cwd: string): ContractValidator {
  if (options.spec === undefined) return new ContractValidator();
  const path = resolve(cwd, options.spec);
  let doc: OpenApiDocument;
  try {
    doc = loadSpec(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code
        ? `cannot read the spec ${options.spec}: ${code}`
        : `the spec ${options.spec} is not JSON (${(error as Error).message}); give the bundled openapi.json, not the YAML sources`,
    );
  }
  const version = isObject(doc) ? doc.openapi : undefined;
  if (typeof version !== "string" || !version.startsWith("3.") || !isObject(doc.paths))
    throw new UsageError(`the spec ${options.spec} is not an OpenAPI 3 document (it needs "openapi": "3.x" and paths)`);
  try {
    return new ContractValidator(doc);
  } catch (error) {
    throw new UsageError(`the spec ${options.spec} cannot be used: ${(error as Error).message}`);
  }
}
