/**
 * Rows about module names, which the spec leaves open to any API name of Zoho's form: a standard
 * module's name in the wrong case is the one mistake the client still catches, and it must do so
 * before sending anything.
 */
import { type ApiLine, knownModules, type OperationKind } from "@zcrm-attachments/types";
import type { RowSpec } from "./row-spec.js";

/** The module rows of one line, by the operation they exercise. */
export function moduleRows(line: ApiLine): Partial<Record<OperationKind, RowSpec[]>> {
  const standard = knownModules[line].Attachments[0];
  const wrongCase = standard.toLowerCase();
  return {
    listAttachments: [
      {
        name: `a standard module in the wrong case (${wrongCase}) → the client refuses it before any request`,
        call: "list",
        module: wrongCase,
        expect: { status: [], refusal: `Did you mean "${standard}"?` },
      },
    ],
  };
}
