/**
 * The attachment operations' own provoked rows (list, upload a file or a link, delete several,
 * download, delete one): each one's valid call and the cases only it has.
 */
import { limits, lineOf, since } from "@zcrm-attachments/types";
import { answer, NOT_LIVE, type OperationRows, ok, STATEFUL } from "./row-spec.js";
import { dropQuery, rewriteUrl, setQuery, withHeader, withMethod } from "./tweaks.js";

type AttachmentKind =
  | "listAttachments"
  | "uploadAttachment"
  | "deleteAttachments"
  | "downloadAttachment"
  | "deleteAttachment";

/** Each attachment operation's valid call and its own cases. */
export const ATTACHMENT_ROWS: Record<AttachmentKind, OperationRows> = {
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
        name: `per_page above ${limits.list.perPageMax} → 400 INVALID_DATA`,
        call: "list",
        on: NOT_LIVE,
        expect: answer(400, "INVALID_DATA"),
        tweak: setQuery("per_page", String(limits.list.perPageMax + 1)),
        offContractRequest: true,
      },
      {
        name: "with ids → only those attachments",
        call: "listByIds",
        // ids exist on one line only, from the version the facts name.
        lines: [lineOf(since.listAttachments.ids)],
        on: STATEFUL,
        prepare: { kind: "files", count: 2 },
        expect: ok,
      },
      {
        name: "without fields → 400 REQUIRED_PARAM_MISSING",
        call: "list",
        lines: ["current"],
        expect: answer(400, "REQUIRED_PARAM_MISSING"),
        tweak: dropQuery("fields"),
        offContractRequest: true,
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
        name: "the same link twice → 200 with a DUPLICATE_DATA item, raised as a ZohoApiError",
        call: "attachSameLink",
        on: STATEFUL,
        prepare: { kind: "link" },
        expect: { status: [200], itemCodes: ["DUPLICATE_DATA"] },
      },
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
        name: "one known and one unknown id → 207, one deleted and one failed",
        call: "deleteMany",
        on: ["stateful"],
        prepare: { kind: "files", count: 1 },
        unknownAttachment: true,
        expect: { status: [207], itemCodes: ["SUCCESS", "INVALID_DATA"] },
      },
      {
        // The spec reads Zoho's 202 with per-item errors like a 207; a live org may answer either.
        name: "one known and one unknown id → 202 or 207, one deleted and one failed",
        call: "deleteMany",
        on: ["live"],
        prepare: { kind: "files", count: 1 },
        unknownAttachment: true,
        expect: { status: [202, 207], itemCodes: ["SUCCESS", "INVALID_DATA"] },
      },
      {
        name: "without ids → 400 REQUIRED_PARAM_MISSING (sent with client.raw: the client refuses an empty list)",
        call: "rawDeleteManyNoIds",
        expect: answer(400, "REQUIRED_PARAM_MISSING"),
        offContractRequest: true,
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
};
