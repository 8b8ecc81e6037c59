/**
 * The stateful mode answers the eight operations from the store instead of the spec's examples;
 * the bodies still start from those examples (their keys, codes and messages). Uploads are in
 * stateful-uploads.ts, the bodies in answer-bodies.ts, the list's pages in list-page.ts.
 */
import type { ApiLine, OperationKind } from "@zcrm-attachments/types";
import type { Clock } from "../../clock.js";
import { type ExampleCatalog, withParamName } from "../../prism/example-catalog.js";
import { sendNoContent, sendZohoJson, sendZohoValue } from "../../wire/reply.js";
import { downloadType } from "../bytes/content-types.js";
import { sendStoredFile } from "../bytes/send-bytes.js";
import { bulkDeleteAnswer, deletedAnswer, type ExampleAnswer } from "./answer-bodies.js";
import { splitList } from "./attachment-fields.js";
import { AttachmentStore, recordKey, type StoreLimits } from "./attachment-store.js";
import { ByteFolder } from "./byte-folder.js";
import { listPage } from "./list-page.js";
import { PageTokens } from "./page-tokens.js";
import { createStatefulUpload, type UploadCall } from "./stateful-uploads.js";

/** One routed request, as the stateful answers need it. */
export interface StatefulRequest extends UploadCall {
  kind: OperationKind;
  /** The line whose shape the answer takes. */
  line: ApiLine;
}

/** The stateful mode of one mock: its store and how it answers. */
export interface StatefulMode {
  store: AttachmentStore;
  /** The folder holding the store's bytes. */
  folder: ByteFolder;
  answer(request: StatefulRequest): Promise<void>;
  /** Deletes the folder and every byte in it (the mock is closing). */
  close(): void;
}

/**
 * Creates the stateful mode of one mock, with its own store, page tokens and byte folder (made now,
 * under `tempDir`, `os.tmpdir()` by default).
 */
export function createStatefulMode(
  limits: StoreLimits,
  now: Clock,
  catalog: ExampleCatalog,
  tempDir?: string,
): StatefulMode {
  const store = new AttachmentStore(limits, now);
  const folder = new ByteFolder(tempDir);
  const tokens = new PageTokens(now);
  const upload = createStatefulUpload(store, folder, catalog);

  function send(r: StatefulRequest, answer: ExampleAnswer): void {
    catalog.send(r.res, answer.key, r.operation, answer.body);
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
            ids: splitList(r.query.ids),
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
        if (item.kind === "link" || item.file === undefined)
          return catalog.send(r.res, "downloadNotAllowed", r.operation);
        const sent = await sendStoredFile(r.res, {
          path: item.file.path,
          size: item.file.size,
          contentType: downloadType(r.line, item.contentType),
          fileName: item.fileName,
        });
        // Deleted while this request looked it up: as if it had never been there.
        return sent ? undefined : sendNoContent(r.res);
      }
      case "deleteAttachment":
        if (!store.remove(module, recordId, attachmentId))
          return catalog.send(r.res, "attachmentNotDeleted", r.operation);
        return send(r, deletedAnswer(catalog, r.operation, attachmentId));
      case "deleteAttachments": {
        const ids = splitList(r.query.ids) ?? [];
        const results = ids.map((id) => ({ id, deleted: store.remove(module, recordId, id) }));
        return send(r, bulkDeleteAnswer(catalog, r.operation, results));
      }
      case "getPhoto": {
        const photo = store.photo(module, recordId);
        const sent =
          photo !== undefined &&
          (await sendStoredFile(r.res, {
            path: photo.file.path,
            size: photo.file.size,
            contentType: photo.contentType,
            fileName: photo.fileName,
          }));
        return sent ? undefined : sendNoContent(r.res);
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

  return { store, folder, answer, close: () => folder.close() };
}

function numberParam(value: string | string[] | undefined): number | undefined {
  return typeof value === "string" && value !== "" ? Number(value) : undefined;
}

function stringParam(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
