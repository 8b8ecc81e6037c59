/**
 * The client calls a row can make, as a table: each takes the row's context and returns what the
 * client reported, for the judge to hold against the wire. Downloads are read to their end here
 * (counted and hashed, never kept), so the judge can compare the client's bytes with the wire's.
 */
import { createHash } from "node:crypto";
import { createAttachmentsClient } from "@zcrm-attachments/client";
import { type ApiLine, type ApiVersion, apiOperations, since, versionAtLeast } from "@zcrm-attachments/types";
import type { CallName } from "./case-types.js";
import type { FixtureFile } from "./fixtures.js";
import { LINE_DEFAULTS, operationIdOf } from "./line-defaults.js";
import type { ContractTarget } from "./target.js";

/**
 * What the suite uses of the typed client. The suite drives it with wire-level values (modules and
 * ids it then bends on the wire) and judges its answers at run time, so it calls through this
 * loose view; test/client-surface.test.ts checks the real client still fits it.
 */
export interface SuiteClient {
  listAttachments(module: string, recordId: string, options?: object): Promise<unknown>;
  uploadAttachment(module: string, recordId: string, file: string, options?: object): Promise<unknown>;
  attachLink(module: string, recordId: string, url: string, options?: object): Promise<unknown>;
  downloadAttachment(module: string, recordId: string, attachmentId: string, options?: object): Promise<unknown>;
  deleteAttachment(module: string, recordId: string, attachmentId: string, options?: object): Promise<unknown>;
  deleteAttachments(module: string, recordId: string, ids: Iterable<string>, options?: object): Promise<unknown>;
  getPhoto(module: string, recordId: string, options?: object): Promise<unknown>;
  uploadPhoto(module: string, recordId: string, file: string, options?: object): Promise<unknown>;
  deletePhoto(module: string, recordId: string, options?: object): Promise<unknown>;
  readonly raw: {
    GET(path: never, init: never): Promise<unknown>;
    POST(path: never, init: never): Promise<unknown>;
    DELETE(path: never, init: never): Promise<unknown>;
  };
}

/**
 * A typed client on the target at one version, through `fetchImpl`. Retries are off: each call is
 * judged on the one exchange it caused (a documented 503 must reach the caller as one 503).
 */
export function suiteClient(target: ContractTarget, version: ApiVersion, fetchImpl: typeof fetch): SuiteClient {
  const options = {
    apiDomain: target.baseUrl,
    apiVersion: version,
    accessToken: target.token,
    fetch: fetchImpl,
    retry: false,
  };
  const client = createAttachmentsClient(options as Parameters<typeof createAttachmentsClient>[0]);
  return client as unknown as SuiteClient;
}

/** Everything a call needs. */
export interface CallContext {
  client: SuiteClient;
  line: ApiLine;
  /** The version the client is set to. */
  version: ApiVersion;
  module: string;
  recordId: string;
  /** The attachment to address (prepared, the spec's example, or an unknown one). */
  attachmentId: string;
  /** The attachments a delete-many call names. */
  ids: readonly string[];
  /** The file an upload sends, and the photo a photo upload sends. */
  file: FixtureFile;
  photo: FixtureFile;
}

/** How the judge reads a call's result (see client-judge.ts). */
export type ResultShape = "list" | "attachment-write" | "delete-many" | "binary" | "photo-write" | "raw";

/** A download read to its end: the client's result with its body replaced by what it carried. */
export interface DrainedDownload {
  status: unknown;
  fileName: unknown;
  contentType: unknown;
  contentLength: unknown;
  headers: unknown;
  /** Bytes and SHA-256 of the stream the client returned; undefined when it returned none. */
  received: { bytes: number; sha256: string } | undefined;
}

/** The link the link rows attach. */
export const LINK_URL = "https://www.zohocorp.com";

/**
 * The spec path of a line's attachment collection, as `client.raw` takes it: the raw client puts
 * its own version in place of the one the spec writes the line's paths under.
 */
const collectionPath = (line: ApiLine) => apiOperations[operationIdOf("listAttachments", line)].path as never;

/** The list options a line's rows send: its `fields`, if any, plus `extra`. */
const listOptions = (line: ApiLine, extra: object = {}) => {
  const fields = LINE_DEFAULTS[line].fields;
  return { ...(fields ? { fields: [...fields] } : {}), ...extra };
};

/** Each call: how to make it, and how its result is judged. */
export const CALLS: Record<CallName, { shape: ResultShape; run(ctx: CallContext): Promise<unknown> }> = {
  list: {
    shape: "list",
    run: ({ client, line, module, recordId }) => client.listAttachments(module, recordId, listOptions(line)),
  },
  listByIds: {
    shape: "list",
    // Only the first of the row's attachments: the answer must leave the others out.
    run: ({ client, line, module, recordId, ids }) =>
      client.listAttachments(module, recordId, listOptions(line, { ids: ids.slice(0, 1) })),
  },
  rawList: {
    shape: "raw",
    run: ({ client, line, module, recordId }) =>
      client.raw.GET(collectionPath(line), {
        params: { path: { module, record_id: recordId }, query: listOptions(line) },
      } as never),
  },
  uploadFile: {
    shape: "attachment-write",
    run: ({ client, module, recordId, file }) => client.uploadAttachment(module, recordId, file.path),
  },
  attachLinkForm: {
    shape: "attachment-write",
    // A link's `title` is sent only at versions that take one.
    run: ({ client, version, module, recordId }) =>
      client.attachLink(
        module,
        recordId,
        LINK_URL,
        versionAtLeast(version, since.uploadAttachment.title) ? { title: "Zoho Corporation" } : {},
      ),
  },
  attachLinkQuery: {
    shape: "attachment-write",
    run: ({ client, module, recordId }) => client.attachLink(module, recordId, LINK_URL, { via: "query" }),
  },
  attachSameLink: {
    shape: "attachment-write",
    // Exactly as the row's preparation attached it (prepare.ts), so the server sees the same link twice.
    run: ({ client, module, recordId }) => client.attachLink(module, recordId, LINK_URL),
  },
  rawUploadNeither: {
    shape: "raw",
    run: ({ client, line, module, recordId }) =>
      client.raw.POST(collectionPath(line), { params: { path: { module, record_id: recordId } } } as never),
  },
  deleteMany: {
    shape: "delete-many",
    run: ({ client, module, recordId, ids }) => client.deleteAttachments(module, recordId, ids),
  },
  rawDeleteManyNoIds: {
    shape: "raw",
    run: ({ client, line, module, recordId }) =>
      client.raw.DELETE(collectionPath(line), { params: { path: { module, record_id: recordId } } } as never),
  },
  download: {
    shape: "binary",
    run: async ({ client, module, recordId, attachmentId }) =>
      drain(await client.downloadAttachment(module, recordId, attachmentId)),
  },
  deleteOne: {
    shape: "attachment-write",
    run: ({ client, module, recordId, attachmentId }) => client.deleteAttachment(module, recordId, attachmentId),
  },
  getPhoto: {
    shape: "binary",
    run: async ({ client, module, recordId }) => drain(await client.getPhoto(module, recordId)),
  },
  uploadPhoto: {
    shape: "photo-write",
    run: ({ client, module, recordId, photo }) => client.uploadPhoto(module, recordId, photo.path),
  },
  deletePhoto: { shape: "photo-write", run: ({ client, module, recordId }) => client.deletePhoto(module, recordId) },
};

/** Reads a download's stream to its end, counting and hashing it. */
async function drain(result: unknown): Promise<DrainedDownload> {
  const r = (typeof result === "object" && result !== null ? result : {}) as Record<string, unknown>;
  const drained: DrainedDownload = {
    status: r.status,
    fileName: r.fileName,
    contentType: r.contentType,
    contentLength: r.contentLength,
    headers: r.headers,
    received: undefined,
  };
  if (r.body instanceof ReadableStream) {
    const hash = createHash("sha256");
    let bytes = 0;
    for await (const chunk of r.body as ReadableStream<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.byteLength;
    }
    drained.received = { bytes, sha256: hash.digest("hex") };
  }
  return drained;
}
