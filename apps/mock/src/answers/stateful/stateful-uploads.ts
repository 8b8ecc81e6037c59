/**
 * Uploads in the stateful mode: the upload rules decide what the call carried, the store keeps it.
 * A file keeps its bytes (written to the store's folder as they arrive) and its type (declared,
 * else guessed from its name); a link is refused as a duplicate when the record already holds the
 * same URL (Zoho's "Attachment link already exists", a 200 whose item is an error); a photo
 * replaces the record's photo. Past the store's bounds the answer is 507, and the file is deleted.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IHttpNameValues } from "@stoplight/prism-http";
import type { IHttpOperation } from "@stoplight/types";
import type { ApiVersion } from "@zcrm-attachments/types";
import type { ExampleCatalog } from "../../prism/example-catalog.js";
import type { RecordAddress } from "../../prism/operation-kind.js";
import { sendMockProblem } from "../../wire/reply.js";
import { uploadedFileType } from "../bytes/content-types.js";
import { imageType } from "../bytes/image-type.js";
import { sendUploadRefusal } from "../uploads/refusal-answers.js";
import { ATTACHMENT_FILE_LIMIT, PHOTO_FILE_LIMIT } from "../uploads/upload-limits.js";
import { readUpload } from "../uploads/upload-rules.js";
import { uploadedAnswer } from "./answer-bodies.js";
import type { AttachmentStore } from "./attachment-store.js";
import type { ByteFolder } from "./byte-folder.js";

/** One upload call, as the stateful mode reads it. */
export interface UploadCall {
  req: IncomingMessage;
  res: ServerResponse;
  operation: IHttpOperation;
  address: RecordAddress;
  query: IHttpNameValues;
  /** The version asked for (a link title counts from its version on). */
  version: ApiVersion;
}

/** Answers an attachment upload (`photo` false) or a photo upload into `store`. */
export type StatefulUpload = (call: UploadCall, photo: boolean) => Promise<void>;

/** Creates the upload answer of one stateful mock. */
export function createStatefulUpload(
  store: AttachmentStore,
  folder: ByteFolder,
  catalog: ExampleCatalog,
): StatefulUpload {
  function storeFull(res: ServerResponse): void {
    const { maxBytes, maxAttachments } = store.limits;
    sendMockProblem(
      res,
      507,
      "STORE_FULL",
      "The mock's attachment store is full",
      `The stateful mock keeps at most ${maxBytes} bytes of files and photos and ${maxAttachments} attachments. ` +
        "Delete some, or start the mock with larger limits.",
    );
  }

  return async (call, photo) => {
    const { module, recordId } = call.address;
    const keepUpTo = Math.min(photo ? PHOTO_FILE_LIMIT : ATTACHMENT_FILE_LIMIT, store.freeBytes());
    const decision = await readUpload(call.req, {
      photo,
      version: call.version,
      query: call.query,
      keepUpTo,
      openSink: () => folder.sink(),
    });
    if (decision.kind === "refused") {
      sendUploadRefusal(call.req, call.res, catalog, call.operation, decision, photo);
      return;
    }
    // Bytes are only missing when they would not have fitted in the store (or on its disk).
    if (decision.kind === "file" && decision.file.kept === undefined) return storeFull(call.res);
    if (photo) {
      // readUpload answers a photo call with a file or a refusal, never a link.
      if (decision.kind !== "file" || decision.file.kept === undefined) return storeFull(call.res);
      const { kept, head, fileName } = decision.file;
      const saved = store.setPhoto(module, recordId, {
        file: kept,
        contentType: imageType(head) ?? "application/octet-stream",
        fileName,
      });
      if (saved) return catalog.send(call.res, "photoUploaded", call.operation);
      kept.discard();
      return storeFull(call.res);
    }
    if (decision.kind === "link" && store.list(module, recordId).some((item) => item.linkUrl === decision.url)) {
      // The same URL twice on one record: nothing is stored, and the answer is the spec's own.
      return catalog.send(call.res, "linkAlreadyExists", call.operation);
    }
    const stored =
      decision.kind === "file"
        ? store.add(module, recordId, {
            kind: "file",
            fileName: decision.file.fileName,
            contentType: uploadedFileType(decision.file.contentType, decision.file.fileName),
            size: decision.file.size,
            file: decision.file.kept,
            sha256: decision.file.sha256,
            linkUrl: null,
          })
        : store.add(module, recordId, {
            kind: "link",
            fileName: decision.title ?? decision.url,
            contentType: "",
            size: 0,
            file: undefined,
            sha256: undefined,
            linkUrl: decision.url,
          });
    if (stored === undefined) {
      if (decision.kind === "file") decision.file.kept?.discard();
      return storeFull(call.res);
    }
    const answer = uploadedAnswer(catalog, call.operation, stored);
    catalog.send(call.res, answer.key, call.operation, answer.body);
  };
}
