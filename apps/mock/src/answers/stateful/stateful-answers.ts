/**
 * The stateful mode answers the eight operations from the store instead of the spec's examples;
 * the bodies still start from those examples (their keys, codes and messages).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IHttpNameValues } from "@stoplight/prism-http";
import type { IHttpOperation } from "@stoplight/types";
import type { ApiLine, ApiVersion, OperationKind } from "@zcrm-attachments/types";
import type { Clock } from "../../clock.js";
import { type ExampleCatalog, withParamName } from "../../prism/example-catalog.js";
import type { RecordAddress } from "../../prism/operation-kind.js";
import { sendMockProblem, sendNoContent, sendZohoJson, sendZohoValue } from "../../wire/reply.js";
import { imageType } from "../bytes/image-type.js";
import { sendFile } from "../bytes/send-bytes.js";
import { sendUploadRefusal } from "../uploads/refusal-answers.js";
import { ATTACHMENT_FILE_LIMIT, PHOTO_FILE_LIMIT } from "../uploads/upload-limits.js";
import { readUpload } from "../uploads/upload-rules.js";
import { MOCK_USER_SHORT, splitList, zohoTime } from "./attachment-fields.js";
import { AttachmentStore, recordKey, type StoredAttachment, type StoreLimits } from "./attachment-store.js";
import { listPage } from "./list-page.js";
import { PageTokens } from "./page-tokens.js";

/** One routed request, as the stateful answers need it. */
export interface StatefulRequest {
  req: IncomingMessage;
  res: ServerResponse;
  operation: IHttpOperation;
  kind: OperationKind;
  /** The line whose shape the answer takes. */
  line: ApiLine;
  address: RecordAddress;
  query: IHttpNameValues;
  /** The version asked for, for what arrived after the line's first version (page tokens, titles). */
  version: ApiVersion;
}

/** The stateful mode of one mock: its store and how it answers. */
export interface StatefulMode {
  store: AttachmentStore;
  answer(request: StatefulRequest): Promise<void>;
}

/** Creates the stateful mode of one mock, with its own store and page tokens. */
export function createStatefulMode(limits: StoreLimits, now: Clock, catalog: ExampleCatalog): StatefulMode {
  const store = new AttachmentStore(limits, now);
  const tokens = new PageTokens(now);

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

  async function upload(r: StatefulRequest, photo: boolean): Promise<void> {
    const { module, recordId } = r.address;
    const keepUpTo = Math.min(photo ? PHOTO_FILE_LIMIT : ATTACHMENT_FILE_LIMIT, store.freeBytes());
    const decision = await readUpload(r.req, { photo, version: r.version, query: r.query, keepUpTo });
    if (decision.kind === "refused") return sendUploadRefusal(r.req, r.res, catalog, r.operation, decision, photo);
    // Bytes are only missing when they would not have fitted in the store.
    if (decision.kind === "file" && decision.file.bytes === undefined) return storeFull(r.res);
    if (photo) {
      // readUpload answers a photo call with a file or a refusal, never a link.
      const bytes = decision.kind === "file" ? decision.file.bytes : undefined;
      const saved =
        bytes !== undefined &&
        store.setPhoto(module, recordId, {
          bytes,
          contentType: imageType(bytes) ?? "application/octet-stream",
          fileName: decision.kind === "file" ? decision.file.fileName : "photo",
        });
      return saved ? catalog.send(r.res, "photoUploaded", r.operation) : storeFull(r.res);
    }
    const stored =
      decision.kind === "file"
        ? store.add(module, recordId, {
            kind: "file",
            fileName: decision.file.fileName,
            contentType: decision.file.contentType,
            size: decision.file.size,
            bytes: decision.file.bytes,
            sha256: decision.file.sha256,
            linkUrl: null,
          })
        : store.add(module, recordId, {
            kind: "link",
            fileName: decision.title ?? decision.url,
            contentType: "",
            size: 0,
            bytes: undefined,
            sha256: undefined,
            linkUrl: decision.url,
          });
    if (stored === undefined) return storeFull(r.res);
    catalog.send(
      r.res,
      stored.kind === "file" ? "fileUploaded" : "linkAttached",
      r.operation,
      uploadedBody(catalog, r.operation, stored),
    );
  }

  async function answer(r: StatefulRequest): Promise<void> {
    const { module, recordId, attachmentId = "" } = r.address;
    switch (r.kind) {
      case "uploadAttachment":
        return upload(r, false);
      case "uploadPhoto":
        return upload(r, true);
      case "listAttachments": {
        const page = listPage(
          store.list(module, recordId),
          {
            line: r.line,
            version: r.version,
            recordKey: recordKey(module, recordId),
            page: numberParam(r.query.page),
            perPage: numberParam(r.query.per_page),
            pageToken: stringParam(r.query.page_token),
            fields: splitList(r.query.fields),
          },
          tokens,
        );
        if (page.kind === "empty") return sendNoContent(r.res);
        if (page.kind === "badToken") return sendParamError(r, "page_token");
        return sendZohoValue(r.res, 200, page.body);
      }
      case "downloadAttachment": {
        const item = store.get(module, recordId, attachmentId);
        if (item === undefined) return sendNoContent(r.res);
        if (item.kind === "link" || item.bytes === undefined)
          return catalog.send(r.res, "downloadNotAllowed", r.operation);
        return sendFile(r.res, {
          bytes: item.bytes,
          contentType: item.contentType === "" ? "application/octet-stream" : item.contentType,
          fileName: item.fileName,
        });
      }
      case "deleteAttachment":
        if (!store.remove(module, recordId, attachmentId))
          return catalog.send(r.res, "attachmentNotDeleted", r.operation);
        return catalog.send(r.res, "deleted", r.operation, { data: [deletedItem(catalog, r.operation, attachmentId)] });
      case "deleteAttachments": {
        const ids = splitList(r.query.ids) ?? [];
        const data = ids.map((id) =>
          store.remove(module, recordId, id)
            ? deletedItem(catalog, r.operation, id)
            : notDeletedItem(catalog, r.operation, id),
        );
        return sendZohoValue(r.res, 200, { data });
      }
      case "getPhoto": {
        const photo = store.photo(module, recordId);
        return photo === undefined ? sendNoContent(r.res) : sendFile(r.res, photo);
      }
      case "deletePhoto":
        if (!store.removePhoto(module, recordId)) return catalog.send(r.res, "noSuchPhoto", r.operation);
        return catalog.send(r.res, "photoDeleted", r.operation);
    }
  }

  function sendParamError(r: StatefulRequest, paramName: string): void {
    const example = catalog.require("invalidParameter", r.operation);
    sendZohoJson(r.res, example.status, withParamName(example, paramName));
  }

  return { store, answer };
}

/** The upload success example with the new attachment's id, times and user. */
function uploadedBody(catalog: ExampleCatalog, operation: IHttpOperation, item: StoredAttachment): unknown {
  const example = catalog.require(item.kind === "file" ? "fileUploaded" : "linkAttached", operation);
  const [template] = example.value.data as Record<string, unknown>[];
  const time = zohoTime(item.createdAt);
  const details = {
    Modified_Time: time,
    Modified_By: { ...MOCK_USER_SHORT },
    Created_Time: time,
    id: item.id,
    Created_By: { ...MOCK_USER_SHORT },
  };
  return { data: [{ ...template, details }] };
}

function deletedItem(catalog: ExampleCatalog, operation: IHttpOperation, id: string): unknown {
  const [template] = catalog.require("deleted", operation).value.data as Record<string, unknown>[];
  return { ...template, details: { id } };
}

function notDeletedItem(catalog: ExampleCatalog, operation: IHttpOperation, id: string): unknown {
  const items = catalog.require("partlyDeleted", operation).value.data as Record<string, unknown>[];
  const template = items.find((item) => item.status === "error") ?? {};
  return { ...template, details: { id } };
}

function numberParam(value: string | string[] | undefined): number | undefined {
  return typeof value === "string" && value !== "" ? Number(value) : undefined;
}

function stringParam(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
