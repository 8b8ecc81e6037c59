/**
 * Workflow rows: upload a file, see it in the list, download the same bytes, delete it, and see it
 * gone. They need a server that keeps what is written: the stateful mock, or a live org when
 * writes are allowed.
 */

import type { ApiLine } from "@zcrm-attachments/types";
import type { ContractCase, FixtureName } from "./case-types.js";
import { LINE_DEFAULTS, operationLabel } from "./line-defaults.js";

/** The files each line's workflow runs with, and how a row names them. */
export const WORKFLOW_FILES: readonly { file: FixtureName; label: string }[] = [
  { file: "oneByte", label: "a 1-byte file" },
  { file: "large", label: "a 15 MiB file" },
  { file: "nonAscii", label: "a file named Résumé 日本.pdf" },
];

/** One workflow row per file on one line. */
export function workflowCases(line: ApiLine): ContractCase[] {
  return WORKFLOW_FILES.map(({ file, label }) => ({
    operation: operationLabel("workflow", line),
    operationId: "workflow",
    line,
    version: LINE_DEFAULTS[line].version,
    name: `upload → list → download → delete → list, with ${label}`,
    source: "workflow",
    on: ["stateful", "live"],
    writes: true,
    call: "uploadFile",
    file,
    expect: { status: [200] },
  }));
}
