import type { IHttpOperation } from "@stoplight/types";
import { describe, expect, it } from "vitest";
import { routedOperation } from "../../src/prism/operation-kind.js";

/** An operation as Prism hands it over: only its operationId matters here. */
function operation(iid: string | undefined): IHttpOperation {
  return { iid } as IHttpOperation;
}

describe("routedOperation", () => {
  it.each([
    ["listAttachmentsV2", { kind: "listAttachments", line: "v2", resource: "Attachments" }],
    ["uploadAttachment", { kind: "uploadAttachment", line: "current", resource: "Attachments" }],
    ["downloadAttachmentV2", { kind: "downloadAttachment", line: "v2", resource: "Attachments" }],
    ["deletePhotoV2", { kind: "deletePhoto", line: "v2", resource: "photo" }],
    ["getPhoto", { kind: "getPhoto", line: "current", resource: "photo" }],
  ])("%s → %j", (iid, routed) => {
    expect(routedOperation(operation(iid))).toStrictEqual(routed);
  });

  it.each(["listNotes", "toString", undefined])("%s (not an operation of the spec's facts) → undefined", (iid) => {
    expect(routedOperation(operation(iid))).toBeUndefined();
  });
});
