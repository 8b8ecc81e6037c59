/**
 * The JSON scenario format, as types for code and as a JSON Schema (draft 2020-12) that Ajv checks
 * a scenario against, its first mistake turned into a sentence naming the place. The
 * schema's limits are the spec's: the module name's form and the link lengths from
 * @zcrm-attachments/types, the id pattern from the spec's record_id parameter (passed in, as the
 * mock reads it from the operations it serves). Each constrained field's `description` is also the
 * message a mistake gets, so the schema and the error text cannot drift apart.
 */
import { limits } from "@zcrm-attachments/types";
import type { ErrorObject } from "ajv/dist/2020.js";

/** A scenario: the records the stateful mock starts with. */
export interface Scenario {
  /** Ignored: room for an editor's schema link. */
  $schema?: string;
  records: ScenarioRecord[];
}

/** One record: its module and id, its attachments (listed in the order written, newest first) and its photo. */
export interface ScenarioRecord {
  /** The module's API name (`Leads`, `ServiceCenters`). */
  module: string;
  /** The record's id, a string of digits. */
  id: string;
  attachments?: ScenarioAttachment[];
  /** A PNG, JPEG, GIF or BMP file, its path relative to the scenario file. */
  photo?: string;
}

/** A file or a link on a record. */
export type ScenarioAttachment = ScenarioFile | ScenarioLink;

/** A file attachment whose bytes are a file on disk. */
export interface ScenarioFile {
  /** The file, its path relative to the scenario file (to the working folder for a scenario object). */
  file: string;
  /** The name the list and the download give it. Default: the file's own name. */
  name?: string;
  /** Its attachment id. Default: a fresh one. */
  id?: string;
  /** The type a download on v3 and later answers with. Default: a guess from the name. */
  contentType?: string;
  /** When it was attached, ISO 8601. Default: when the mock started. */
  createdTime?: string;
}

/** A link attachment. */
export interface ScenarioLink {
  /** The URL: absolute http(s). */
  link: string;
  /** Its title (answered from v5 on, as Zoho does). */
  title?: string;
  /** Its attachment id. Default: a fresh one. */
  id?: string;
  /** When it was attached, ISO 8601. Default: when the mock started. */
  createdTime?: string;
}

const NON_EMPTY = { type: "string", minLength: 1, description: "must be a non-empty string" } as const;

/** The scenario's JSON Schema, with ids checked against `idPattern` (the spec's RecordId pattern). */
export function scenarioSchema(idPattern: string): Record<string, unknown> {
  const id = { type: "string", pattern: idPattern, description: `must be an id of the form ${idPattern}, as a string` };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    required: ["records"],
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      records: { type: "array", items: { $ref: "#/$defs/record" } },
    },
    $defs: {
      record: {
        type: "object",
        required: ["module", "id"],
        additionalProperties: false,
        properties: {
          module: {
            type: "string",
            pattern: limits.moduleName.pattern,
            maxLength: limits.moduleName.maxLength,
            description:
              "must be a module API name: a letter, then letters, digits and underscores, " +
              `at most ${limits.moduleName.maxLength} characters`,
          },
          id,
          attachments: { type: "array", items: { $ref: "#/$defs/attachment" } },
          photo: NON_EMPTY,
        },
      },
      attachment: {
        type: "object",
        additionalProperties: false,
        properties: {
          file: NON_EMPTY,
          name: NON_EMPTY,
          id,
          contentType: NON_EMPTY,
          createdTime: NON_EMPTY,
          link: NON_EMPTY,
          title: {
            type: "string",
            minLength: 1,
            maxLength: limits.link.titleMaxLength,
            description: `must be 1 to ${limits.link.titleMaxLength} characters`,
          },
        },
      },
    },
  };
}

/** Checks a parsed scenario against the schema; throws an Error naming the first place that is wrong. */
export async function checkScenarioShape(value: unknown, source: string, idPattern: string): Promise<void> {
  // Loaded only for a scenario: a mock that seeds nothing (or from a HAR) never loads Ajv.
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const validate = new Ajv2020({ allErrors: false, verbose: true }).compile(scenarioSchema(idPattern));
  if (validate(value)) return;
  const [error] = validate.errors ?? [];
  throw new Error(`${source}: ${error === undefined ? "is not a scenario" : describe(error)}`);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === "" ? "the scenario" : placeOf(error.instancePath);
  const schema = error.parentSchema as { description?: string; properties?: Record<string, unknown> } | undefined;
  switch (error.keyword) {
    case "required":
      return `${where} needs "${(error.params as { missingProperty: string }).missingProperty}".`;
    case "additionalProperties": {
      const keys = Object.keys(schema?.properties ?? {}).filter((key) => key !== "$schema");
      return `${where} has an unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"; the keys are ${keys.join(", ")}.`;
    }
    case "type":
      return `${where} must be ${article((error.params as { type: string }).type)}.`;
    default:
      return `${where} ${schema?.description ?? error.message ?? "is wrong"} (got ${JSON.stringify(error.data)}).`;
  }
}

/** `/records/0/attachments/1/file` as `records[0].attachments[1].file`. */
function placeOf(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out === "" ? part : `${out}.${part}`), "");
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
