/**
 * Rows about module names, which the spec leaves open to any API name of Zoho's form: a renamed
 * custom module goes through the client like a standard one; a module a line serves only from a
 * later version is refused before it and served from it; and a standard module's name in the
 * wrong case is the one mistake the client still catches, before sending anything.
 */
import {
  type ApiLine,
  type ApiVersion,
  apiLines,
  knownModules,
  moduleSince,
  type OperationKind,
} from "@zcrm-attachments/types";
import { answer, NOT_LIVE, ok, type RowSpec } from "./row-spec.js";

/**
 * A custom module an admin renamed: an API name of Zoho's form that is no standard module. Only
 * the mocks have it; a live org runs none of its rows.
 */
export const RENAMED_CUSTOM_MODULE = "ServiceCenters";

/** The module rows of one line, by the operation they exercise. */
export function moduleRows(line: ApiLine): Partial<Record<OperationKind, RowSpec[]>> {
  const standard = knownModules[line].Attachments[0];
  const wrongCase = standard.toLowerCase();
  const renamed = { module: RENAMED_CUSTOM_MODULE, on: NOT_LIVE };
  const label = `a renamed custom module (${RENAMED_CUSTOM_MODULE})`;
  return {
    listAttachments: [
      { ...renamed, name: `${label}: lists its attachments`, call: "list", expect: { status: [200, 204] } },
      ...lateModuleRows(line),
      {
        name: `a standard module in the wrong case (${wrongCase}) → the client refuses it before any request`,
        call: "list",
        module: wrongCase,
        expect: { status: [], refusal: `Did you mean "${standard}"?` },
      },
    ],
    uploadAttachment: [
      { ...renamed, name: `${label}: uploads a file`, call: "uploadFile", file: "sample", expect: ok },
    ],
    downloadAttachment: [
      {
        ...renamed,
        name: `${label}: downloads a file`,
        call: "download",
        prepare: { kind: "file", file: "sample" },
        expect: ok,
      },
    ],
    deleteAttachment: [
      {
        ...renamed,
        name: `${label}: deletes an attachment`,
        call: "deleteOne",
        prepare: { kind: "file", file: "sample" },
        expect: ok,
      },
    ],
  };
}

/**
 * For each module the line serves only from a later version (Calls on the v2 line): at the
 * version just before, the server refuses it (sent with client.raw, since the client refuses
 * it too); from that version on, it lists.
 */
function lateModuleRows(line: ApiLine): RowSpec[] {
  const table = (moduleSince as Partial<Record<ApiLine, Readonly<Record<string, ApiVersion>>>>)[line] ?? {};
  const versions: readonly ApiVersion[] = apiLines[line].versions;
  return Object.entries(table).flatMap(([module, since]) => {
    const before = versions[versions.indexOf(since) - 1];
    const rows: RowSpec[] = [
      {
        name: `${module} at ${since}: lists its attachments`,
        call: "list",
        module,
        version: since,
        on: NOT_LIVE,
        expect: { status: [200, 204] },
      },
    ];
    if (before !== undefined)
      rows.unshift({
        name: `${module} at ${before} → 400 INVALID_MODULE (sent with client.raw: the client refuses ${module} before ${since})`,
        call: "rawList",
        module,
        version: before,
        on: NOT_LIVE,
        expect: answer(400, "INVALID_MODULE"),
      });
    return rows;
  });
}
