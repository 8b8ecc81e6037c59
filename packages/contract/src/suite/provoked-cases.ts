/**
 * "Provoked" rows: requests shaped so that any faithful server gives the documented answer. Every
 * operation gets a valid call, the same call at another version of its line, an unknown module, a
 * record id that is not a number and a missing token; then its own cases.
 */
import type { ApiLine, OperationKind } from "@zcrm-attachments/types";
import type { CallName, ContractCase, Expectation, FixtureName, Preparation, TargetKind } from "./case-types.js";
import { LINE_DEFAULTS, operationIdOf, operationLabel } from "./line-defaults.js";
import { dropQuery, type RequestTweak, rewriteUrl, setQuery, withHeader, withMethod } from "./tweaks.js";

/** A row before the line fills in its operation, ids and version. */
interface RowSpec {
  name: string;
  call: CallName;
  expect: Expectation;
  on?: readonly TargetKind[];
  file?: FixtureName;
  prepare?: Preparation;
  tweak?: RequestTweak;
  otherVersion?: true;
  unknownAttachment?: true;
  needsAttachmentId?: true;
  offContractRequest?: true;
  lines?: readonly ApiLine[];
}

const EVERYWHERE: readonly TargetKind[] = ["mock", "stateful", "live"];
const NOT_LIVE: readonly TargetKind[] = ["mock", "stateful"];
const STATEFUL: readonly TargetKind[] = ["stateful", "live"];
const ok: Expectation = { status: [200] };
const answer = (status: number, ...codes: string[]): Expectation => ({ status: [status], codes });

/** Calls that change data on the server. */
const WRITING_CALLS: ReadonlySet<CallName> = new Set([
  "uploadFile",
  "attachLinkForm",
  "attachLinkQuery",
  "rawUploadNeither",
  "deleteMany",
  "rawDeleteManyNoIds",
  "deleteOne",
  "uploadPhoto",
  "deletePhoto",
]);

/** Each operation's valid call and its own cases; the common error rows are added to each. */
const OPERATION_ROWS: Record<OperationKind, { valid: RowSpec; own: RowSpec[] }> = {
  listAttachments: {
    valid: { name: "lists a record's attachments", call: "list", expect: { status: [200, 204] } },
    own: [
      {
        name: "Bearer instead of Zoho-oauthtoken → 401",
        call: "list",
        expect: answer(401, "AUTHENTICATION_FAILURE", "INVALID_TOKEN"),
        tweak: withHeader("authorization", "Bearer 1000.not-a-zoho-header"),
      },
      {
        name: "unknown path → 404 INVALID_URL_PATTERN",
        call: "list",
        expect: answer(404, "INVALID_URL_PATTERN"),
        tweak: rewriteUrl(/\/Attachments(?=\?|$)/, "/Attachmentz"),
      },
      {
        name: "PUT on the list URL → 400 INVALID_REQUEST_METHOD",
        call: "list",
        on: NOT_LIVE,
        expect: answer(400, "INVALID_REQUEST_METHOD"),
        tweak: withMethod("PUT"),
      },
      {
        name: "per_page above 200 → 400 INVALID_DATA",
        call: "list",
        on: NOT_LIVE,
        expect: answer(400, "INVALID_DATA"),
        tweak: setQuery("per_page", "500"),
      },
      {
        name: "without fields → 400 REQUIRED_PARAM_MISSING",
        call: "list",
        lines: ["current"],
        expect: answer(400, "REQUIRED_PARAM_MISSING"),
        tweak: dropQuery("fields"),
      },
    ],
  },
  uploadAttachment: {
    valid: { name: "uploads a file", call: "uploadFile", file: "sample", expect: ok },
    own: [
      {
        name: "uploads a file with a non-ASCII name (Résumé 日本.pdf)",
        call: "uploadFile",
        file: "nonAscii",
        expect: ok,
      },
      { name: "attaches a link as a form field", call: "attachLinkForm", expect: ok },
      { name: "attaches a link in the query", call: "attachLinkQuery", expect: ok },
      {
        name: "neither a file nor a link → 400 MANDATORY_NOT_FOUND (sent with client.raw: the client refuses to build it)",
        call: "rawUploadNeither",
        expect: answer(400, "MANDATORY_NOT_FOUND"),
        offContractRequest: true,
      },
    ],
  },
  deleteAttachments: {
    valid: {
      name: "deletes two attachments by ids",
      call: "deleteMany",
      prepare: { kind: "files", count: 2 },
      expect: ok,
    },
    own: [
      {
        name: "one known and one unknown id → 200, one deleted and one failed",
        call: "deleteMany",
        on: STATEFUL,
        prepare: { kind: "files", count: 1 },
        unknownAttachment: true,
        expect: ok,
      },
      {
        name: "without ids → 400 REQUIRED_PARAM_MISSING (sent with client.raw: the client refuses an empty list)",
        call: "rawDeleteManyNoIds",
        expect: answer(400, "REQUIRED_PARAM_MISSING"),
      },
    ],
  },
  downloadAttachment: {
    valid: { name: "downloads a file", call: "download", prepare: { kind: "file", file: "sample" }, expect: ok },
    own: [
      {
        name: "downloads a file with a non-ASCII name",
        call: "download",
        on: STATEFUL,
        prepare: { kind: "file", file: "nonAscii" },
        expect: ok,
      },
      {
        name: "a link attachment → 400 DOWNLOAD_NOT_ALLOWED",
        call: "download",
        on: STATEFUL,
        prepare: { kind: "link" },
        expect: answer(400, "DOWNLOAD_NOT_ALLOWED"),
      },
      {
        name: "downloads the attachment named by CONTRACT_ATTACHMENT_ID",
        call: "download",
        on: ["live"],
        needsAttachmentId: true,
        expect: { status: [200, 204] },
      },
    ],
  },
  deleteAttachment: {
    valid: { name: "deletes an attachment", call: "deleteOne", prepare: { kind: "file", file: "sample" }, expect: ok },
    own: [
      {
        name: "an unknown attachment id → 400 INVALID_DATA",
        call: "deleteOne",
        on: STATEFUL,
        unknownAttachment: true,
        expect: answer(400, "INVALID_DATA"),
      },
    ],
  },
  getPhoto: {
    valid: { name: "gets the record's photo", call: "getPhoto", on: NOT_LIVE, prepare: { kind: "photo" }, expect: ok },
    own: [
      {
        name: "gets the record's photo, if it has one → 200 or 204",
        call: "getPhoto",
        on: ["live"],
        expect: { status: [200, 204] },
      },
      {
        name: "a record without a photo → 204",
        call: "getPhoto",
        on: ["stateful"],
        prepare: { kind: "no-photo" },
        expect: { status: [204] },
      },
    ],
  },
  uploadPhoto: {
    // Never on a live org: it would replace the record's real photo.
    valid: { name: "uploads a PNG photo", call: "uploadPhoto", on: NOT_LIVE, expect: answer(200, "SUCCESS") },
    own: [],
  },
  deletePhoto: {
    valid: {
      name: "deletes the record's photo",
      call: "deletePhoto",
      on: NOT_LIVE,
      prepare: { kind: "photo" },
      expect: answer(200, "SUCCESS"),
    },
    own: [
      {
        name: "a record without a photo → 400 INVALID_DATA",
        call: "deletePhoto",
        on: ["stateful"],
        prepare: { kind: "no-photo" },
        expect: answer(400, "INVALID_DATA"),
      },
    ],
  },
};

/** The error rows every operation gets, made with the operation's valid call. */
function commonRows(valid: RowSpec, line: ApiLine): RowSpec[] {
  const { name: _, ...call } = valid;
  const bare = { call: call.call, ...(call.file ? { file: call.file } : {}) };
  return [
    { ...call, name: `${valid.name}, at ${LINE_DEFAULTS[line].otherVersion}`, otherVersion: true },
    {
      ...bare,
      name: "unknown module → 400 INVALID_MODULE",
      expect: answer(400, "INVALID_MODULE"),
      tweak: rewriteUrl(/(\/crm\/[^/]+\/)[^/]+/, "$1Not-A-Module"),
    },
    {
      ...bare,
      name: "record id that is not a number → 400 INVALID_DATA",
      expect: answer(400, "INVALID_DATA"),
      tweak: rewriteUrl(/(\/crm\/[^/]+\/[^/]+\/)[^/?]+/, "$1not-a-number"),
    },
    {
      ...bare,
      name: "no Authorization header → 401",
      expect: answer(401, "AUTHENTICATION_FAILURE", "INVALID_TOKEN"),
      tweak: withHeader("authorization", null),
    },
  ];
}

/** Every provoked row of every operation on one line. */
export function provokedCases(line: ApiLine): ContractCase[] {
  return Object.entries(OPERATION_ROWS).flatMap(([name, { valid, own }]) => {
    const specs = [valid, ...commonRows(valid, line), ...own].filter(
      (spec) => !spec.lines || spec.lines.includes(line),
    );
    return specs.map((spec) => toCase(name as OperationKind, line, spec));
  });
}

function toCase(name: OperationKind, line: ApiLine, spec: RowSpec): ContractCase {
  const { lines: _lines, otherVersion, on, ...rest } = spec;
  return {
    ...rest,
    operation: operationLabel(name, line),
    operationId: operationIdOf(name, line),
    line,
    version: otherVersion ? LINE_DEFAULTS[line].otherVersion : LINE_DEFAULTS[line].version,
    source: "provoked",
    on: on ?? EVERYWHERE,
    writes: WRITING_CALLS.has(spec.call) || spec.prepare !== undefined,
  };
}

/** Whether a call writes; documented and workflow rows use it too. */
export function callWrites(call: CallName): boolean {
  return WRITING_CALLS.has(call);
}
