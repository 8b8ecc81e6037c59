/**
 * `createAttachmentsClient`: checks the options once, then builds a client whose state (token source,
 * pipeline, openapi-fetch instance) lives in private fields. Nothing is shared between clients, and
 * nothing secret is enumerable, so logging or serialising a client shows only its version and origin.
 */

import type { Attachment, paths } from "@zcrm-attachments/types";
import type { Client } from "openapi-fetch";
import { type ApiLine, type ApiVersion, lineOf } from "./api-versions.js";
import { createTokenSource } from "./auth.js";
import type { AttachmentsClient, AttachmentsClientOptions } from "./client-types.js";
import { ZohoInputError } from "./errors/errors.js";
import type { FileInput } from "./files/file-source.js";
import { checkApiVersion, checkOptionNames, resolveLocation } from "./input/client-options.js";
import { ITERATE_OPTIONS, maxPagesOf, type PageRequest, toPageRequest } from "./input/list-options.js";
import { checkCustomModules, createModuleCheck } from "./input/modules.js";
import { attachLink } from "./operations/attach-link.js";
import { type DeleteResult, deleteAttachment } from "./operations/delete-attachment.js";
import { type DeleteManyResult, deleteAttachments } from "./operations/delete-attachments.js";
import type { DownloadResult } from "./operations/download.js";
import { downloadAttachment } from "./operations/download-attachment.js";
import { type AttachmentsPage, type AttachmentsPageOk, sendListRequest } from "./operations/list-attachments.js";
import type { OperationContext } from "./operations/operation-context.js";
import { iterateAttachments, iteratePages } from "./operations/paginate.js";
import { deletePhoto, getPhoto, type PhotoResult, uploadPhoto } from "./operations/photos.js";
import { downloadAttachmentTo, type SavedDownload } from "./operations/save-download.js";
import { type UploadResult, uploadAttachment } from "./operations/upload-attachment.js";
import { toPipelineSettings } from "./pipeline/pipeline-options.js";
import type { FetchLike, PipelineContext } from "./pipeline/types.js";
import { createRawClient } from "./raw-client.js";

class ZohoAttachmentsClient {
  readonly apiVersion: ApiVersion;
  readonly line: ApiLine;
  readonly #context: OperationContext;
  #raw: Client<paths> | undefined;

  constructor(input: unknown) {
    if (typeof input !== "object" || input === null) {
      throw new ZohoInputError("options", "createAttachmentsClient needs an options object with at least accessToken.");
    }
    const options = input as Record<string, unknown>;
    checkOptionNames(options);
    const version = checkApiVersion(options.apiVersion);
    const line = lineOf(version);
    const location = resolveLocation(options);
    const settings = toPipelineSettings(options);
    const tokens = createTokenSource(options.accessToken, settings.logger);
    if (options.fetch !== undefined && typeof options.fetch !== "function") {
      throw new ZohoInputError("fetch", "fetch must be a function with the signature of globalThis.fetch.");
    }
    // Deprecated and otherwise ignored (any API name is a module), but still checked, so a typo still fails.
    checkCustomModules(options.customModules);
    const pipeline: PipelineContext = {
      // Resolved now, so a later change to globalThis.fetch does not reach an existing client.
      fetch: (options.fetch as FetchLike | undefined) ?? globalThis.fetch,
      tokens,
      baseUrl: location.baseUrl,
      fallbackBaseUrl: location.fallback,
      ...settings,
    };

    this.apiVersion = version;
    this.line = line;
    this.#context = { version, line, pipeline, checkModule: createModuleCheck(version) };
  }

  /** The API origin requests go to (with a token provider and no location: the one Zoho named, once known). */
  get apiDomain(): string {
    const { pipeline } = this.#context;
    return pipeline.baseUrl ?? pipeline.fallbackBaseUrl;
  }

  /** The underlying openapi-fetch client (created on first use), sending through the same pipeline. */
  get raw(): Client<paths> {
    this.#raw ??= createRawClient(this.apiDomain, this.apiVersion, this.#context.pipeline);
    return this.#raw;
  }

  /** The client's public facts as plain data (no token, no options). */
  toJSON(): Record<string, unknown> {
    return { apiVersion: this.apiVersion, line: this.line, apiDomain: this.apiDomain };
  }

  #request(module: unknown, recordId: unknown, options: unknown, known?: ReadonlySet<string>): PageRequest {
    return toPageRequest(this.apiVersion, this.#context.checkModule(module), recordId, options, known);
  }

  /** Fetches one page of a record's attachments. */
  listAttachments(module: unknown, recordId: unknown, options?: unknown): Promise<AttachmentsPage> {
    // Not `async`: one promise fewer per call; input errors still arrive as a rejection.
    try {
      return sendListRequest(this.#context, this.#request(module, recordId, options));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Walks every page of a record's attachments, up to `maxPages`. */
  async *iterateAttachmentPages(
    module: unknown,
    recordId: unknown,
    options?: unknown,
  ): AsyncGenerator<AttachmentsPageOk<unknown>, void, undefined> {
    const request = this.#request(module, recordId, options, ITERATE_OPTIONS);
    yield* iteratePages(this.#context, request, maxPagesOf(options));
  }

  /** Walks every attachment of a record, page after page, up to `maxPages`. */
  async *iterateAttachments(
    module: unknown,
    recordId: unknown,
    options?: unknown,
  ): AsyncGenerator<Attachment, void, undefined> {
    const request = this.#request(module, recordId, options, ITERATE_OPTIONS);
    yield* iterateAttachments(this.#context, request, maxPagesOf(options));
  }

  // The methods below check their input in src/operations/* (always before a request) and reject with it.

  /** Uploads a file (path, file: URL, Blob, bytes or stream) to a record's attachments. */
  uploadAttachment(module: unknown, recordId: unknown, file: unknown, options?: unknown): Promise<UploadResult> {
    return uploadAttachment(this.#context, module, recordId, file as FileInput, options);
  }

  /** Attaches a link (URL) to a record. */
  attachLink(module: unknown, recordId: unknown, url: unknown, options?: unknown): Promise<UploadResult> {
    return attachLink(this.#context, module, recordId, url, options);
  }

  /** Downloads one attachment as a stream (204: nothing there). */
  downloadAttachment(
    module: unknown,
    recordId: unknown,
    attachmentId: unknown,
    options?: unknown,
  ): Promise<DownloadResult> {
    return downloadAttachment(this.#context, module, recordId, attachmentId, options);
  }

  /** Downloads one attachment into a file (or a directory), atomically. */
  downloadAttachmentTo(
    module: unknown,
    recordId: unknown,
    attachmentId: unknown,
    destination: unknown,
    options?: unknown,
  ): Promise<SavedDownload> {
    return downloadAttachmentTo(this.#context, module, recordId, attachmentId, destination, options);
  }

  /** Deletes one attachment. */
  deleteAttachment(
    module: unknown,
    recordId: unknown,
    attachmentId: unknown,
    options?: unknown,
  ): Promise<DeleteResult> {
    return deleteAttachment(this.#context, module, recordId, attachmentId, options);
  }

  /** Deletes several attachments of a record, 100 ids per request; one result per id. */
  deleteAttachments(module: unknown, recordId: unknown, ids: unknown, options?: unknown): Promise<DeleteManyResult> {
    return deleteAttachments(this.#context, module, recordId, ids, options);
  }

  /** Downloads a record's photo as a stream (204: it has none). */
  getPhoto(module: unknown, recordId: unknown, options?: unknown): Promise<DownloadResult> {
    return getPhoto(this.#context, module, recordId, options);
  }

  /** Sets or replaces a record's photo. */
  uploadPhoto(module: unknown, recordId: unknown, file: unknown, options?: unknown): Promise<PhotoResult> {
    return uploadPhoto(this.#context, module, recordId, file as FileInput, options);
  }

  /** Removes a record's photo. */
  deletePhoto(module: unknown, recordId: unknown, options?: unknown): Promise<PhotoResult> {
    return deletePhoto(this.#context, module, recordId, options);
  }
}

/**
 * Creates a client for one org, version and token. Throws a ZohoInputError when an option is wrong.
 *
 * @example
 * const zoho = createAttachmentsClient({ dataCenter: "EU", accessToken: () => tokens.current() });
 * const page = await zoho.listAttachments("Leads", "4150868000002728001", { fields: ["id", "File_Name"] });
 */
export function createAttachmentsClient<
  const V extends ApiVersion = "v8",
  const C extends readonly string[] = readonly [],
>(options: AttachmentsClientOptions<V, C>): AttachmentsClient<V, C[number]> {
  return new ZohoAttachmentsClient(options) as unknown as AttachmentsClient<V, C[number]>;
}
