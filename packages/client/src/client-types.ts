/**
 * The public, per-version types of the client. The version picked at creation decides which modules
 * type-check, whether `fields` is required, whether `pageToken` exists and which `info` comes back.
 */

import type { Attachment, components, ListInfo, ListInfoV2, paths, RestrictTrigger } from "@zcrm-attachments/types";
import type { Client } from "openapi-fetch";
import type { ApiLine, ApiVersion, IdsVersion, PageTokenVersion, TitleVersion } from "./api-versions.js";
import type { AccessToken } from "./auth.js";
import type { DataCenter, Environment } from "./data-centres.js";
import type { ZohoLogger } from "./events.js";
import type { FileInput } from "./files/file-source.js";
import type { CallOptions } from "./input/call-options.js";

import type { ModuleName } from "./input/modules.js";
import type { AttachLinkOptions } from "./operations/attach-link.js";
import type { DeleteResult } from "./operations/delete-attachment.js";
import type { DeleteAttachmentsOptions, DeleteManyResult } from "./operations/delete-attachments.js";
import type { DownloadOptions, DownloadResult } from "./operations/download.js";
import type { AttachmentsPage, AttachmentsPageOk } from "./operations/list-attachments.js";
import type { DeletePhotoOptions, PhotoResult, UploadPhotoOptions } from "./operations/photos.js";
import type { DownloadToOptions, SavedDownload } from "./operations/save-download.js";
import type { UploadAttachmentOptions, UploadResult } from "./operations/upload-attachment.js";
import type { Clock, RetryOptions } from "./pipeline/retry-policy.js";
import type { FetchLike } from "./pipeline/types.js";

/** Where requests go: an explicit API origin, or a data centre and environment (default US production). */
export type ApiLocation =
  | {
      /** API origin such as https://www.zohoapis.eu, or http://127.0.0.1:4010 for the local mock. */
      apiDomain: string;
      dataCenter?: never;
      environment?: never;
    }
  | {
      apiDomain?: never;
      /** The org's data centre (default "US", or the `api_domain` a token provider reports when no location is given). */
      dataCenter?: DataCenter;
      /** "production" (default), "sandbox" or "developer". */
      environment?: Environment;
    };

/** Options of `createAttachmentsClient`. */
export type AttachmentsClientOptions<V extends ApiVersion, C extends readonly string[]> = ApiLocation & {
  /** API version to call, "v2" to "v8" (default "v8"). */
  apiVersion?: V;
  /** The OAuth access token, a function returning one (called before every request), or a provider such as createRefreshTokenProvider(). */
  accessToken: AccessToken;
  /** fetch to use instead of globalThis.fetch (for proxies or recording). */
  fetch?: FetchLike;
  /**
   * @deprecated Any module API name is accepted now (a custom module such as ServiceCenters needs no
   * listing). Still checked for its shape (an array of API names), otherwise ignored.
   */
  customModules?: C;
  /**
   * Retries of 429, 502, 503, 504 and connection errors; false turns them off.
   * Default { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 30000 }.
   */
  retry?: RetryOptions | false;
  /** Most requests in flight at once; more wait in a FIFO queue (default 5, Zoho's lowest per-org cap); false for no limit. */
  maxConcurrency?: number | false;
  /** Time limit of each attempt, up to the response headers and a JSON body (default 60000 ms); false for none. */
  timeoutMs?: number | false;
  /**
   * Longest wait without progress (1 KiB, or the end) while reading any response body, a download's
   * included, which timeoutMs does not cover (default 30000 ms); false for none. Also per call.
   */
  bodyIdleTimeoutMs?: number | false;
  /** Most bytes of a JSON answer, counted after decoding (default 33554432, 32 MiB). */
  maxJsonBytes?: number;
  /** Receives request, response, retry and refresh events; never a token or secret. */
  logger?: ZohoLogger;
  /** Time, randomness and timers to use instead of the real ones (tests): now, sleep, random, schedule. */
  clock?: Partial<Clock>;
};

/** The `info` object a version returns: ListInfoV2 on the v2 line, ListInfo on the current line. */
export type InfoFor<V extends ApiVersion> = [ApiLine<V>] extends ["v2"]
  ? ListInfoV2
  : [ApiLine<V>] extends ["current"]
    ? ListInfo
    : ListInfo | ListInfoV2;

/** Field API names to return: an array, or a comma-separated string. */
export type FieldsOption = readonly string[] | string;

/** Options of one list call; `fields` is required on the current line, `ids` exists from v5 on and `pageToken` from v7 on. */
export type ListAttachmentsOptions<V extends ApiVersion> = {
  /** Page number, from 1 (the paginators start here). */
  page?: number;
  /** Attachments per page, 1 to 200 (Zoho's default is 200). */
  perPage?: number;
  /** Answer 304 (notModified) unless something changed after this time. */
  ifModifiedSince?: Date | string;
  /** Aborts the request, including a wait in the queue or between retries. */
  signal?: AbortSignal;
  /** Time limit of each attempt of this call, overriding the client's; false for none. */
  timeoutMs?: number | false;
  /** Longest wait without progress (1 KiB) while reading the answer, overriding the client's; false for none. */
  bodyIdleTimeoutMs?: number | false;
} & ([ApiLine<V>] extends ["v2"]
  ? {
      /** Field API names to return (optional on the v2 line: all fields by default). */
      fields?: FieldsOption;
    }
  : {
      /** Field API names to return (mandatory on the current line). */
      fields: FieldsOption;
    }) &
  ([V] extends [Exclude<ApiVersion, PageTokenVersion>]
    ? { pageToken?: never }
    : {
        /** `info.next_page_token` of a previous page (v7 and later). */
        pageToken?: string;
      }) &
  ([V] extends [Exclude<ApiVersion, IdsVersion>]
    ? { ids?: never }
    : {
        /** Only the attachments with these ids (v5 and later); repeats are sent once. */
        ids?: readonly string[];
      });

/** The options argument: optional on the v2 line, required on the current line (because `fields` is). */
export type ListAttachmentsArgs<V extends ApiVersion> = [ApiLine<V>] extends ["v2"]
  ? [options?: ListAttachmentsOptions<V>]
  : [options: ListAttachmentsOptions<V>];

/** Options of the iterators: the list options, and how many pages to read at most. */
export type IterateAttachmentsOptions<V extends ApiVersion> = ListAttachmentsOptions<V> & {
  /** Pages to read at most (default 1000); a server still promising more after that throws ZohoPaginationError. */
  maxPages?: number;
};

/** The iterators' options argument: optional on the v2 line, required on the current line. */
export type IterateAttachmentsArgs<V extends ApiVersion> = [ApiLine<V>] extends ["v2"]
  ? [options?: IterateAttachmentsOptions<V>]
  : [options: IterateAttachmentsOptions<V>];

/**
 * Modules whose records can have a photo: the standard photo modules (Leads, Contacts, Accounts,
 * Products, Vendors) and any custom module (the spec's PhotoModule). Other standard modules are
 * refused at run time. `C` is the deprecated customModules list, which adds nothing.
 */
export type PhotoModuleName<C extends string = never> =
  | components["schemas"]["StandardPhotoModule"]
  | C
  | (string & {});

/** The automation a photo change may skip on version `V`: only "workflow" on the v2 line (and for a version union). */
export type RestrictTriggerFor<V extends ApiVersion> = [ApiLine<V>] extends ["current"]
  ? RestrictTrigger
  : components["schemas"]["RestrictTriggersV2"];

/** Options of attachLink on version `V`: `title` exists from v5 on. */
export type AttachLinkOptionsFor<V extends ApiVersion> = Omit<AttachLinkOptions, "title"> &
  ([V] extends [Exclude<ApiVersion, TitleVersion>]
    ? { title?: never }
    : {
        /** The title Zoho shows for the link, up to `limits.link.titleMaxLength` characters (v5 and later). */
        title?: string;
      });

/** Options of uploadPhoto on version `V`. */
export type UploadPhotoOptionsFor<V extends ApiVersion> = UploadPhotoOptions<RestrictTriggerFor<V>>;

/** Options of deletePhoto on version `V`: the v2 delete takes no restrictTriggers. */
export type DeletePhotoOptionsFor<V extends ApiVersion> = [ApiLine<V>] extends ["v2"]
  ? CallOptions & { restrictTriggers?: never }
  : DeletePhotoOptions<RestrictTriggerFor<V>>;

/** A client for one org, one API version and one token (source). */
export interface AttachmentsClient<V extends ApiVersion = "v8", C extends string = never> {
  /** The API version every request uses. */
  readonly apiVersion: V;
  /** The contract line of that version: "v2" or "current". */
  readonly line: ApiLine<V>;
  /** The API origin requests go to (with a token provider and no location given, the one its token response named, once known). */
  readonly apiDomain: string;
  /** The underlying openapi-fetch client, with auth, retries, limits, timeouts and the version rewrite applied. */
  readonly raw: Client<paths>;
  /** Fetches one page of a record's attachments. */
  listAttachments(
    module: ModuleName<V, C>,
    recordId: string,
    ...options: ListAttachmentsArgs<V>
  ): Promise<AttachmentsPage<InfoFor<V>>>;
  /** Walks every page of a record's attachments (page numbers, or page tokens from v7 on), at most `maxPages` (1000). */
  iterateAttachmentPages(
    module: ModuleName<V, C>,
    recordId: string,
    ...options: IterateAttachmentsArgs<V>
  ): AsyncGenerator<AttachmentsPageOk<InfoFor<V>>, void, undefined>;
  /** Walks every attachment of a record, page after page, at most `maxPages` pages (1000). */
  iterateAttachments(
    module: ModuleName<V, C>,
    recordId: string,
    ...options: IterateAttachmentsArgs<V>
  ): AsyncGenerator<Attachment, void, undefined>;
  /** Uploads a file (path, file: URL, Blob or File, bytes, Node or web stream; within `limits.attachment`); `data.details.id` is the new id. */
  uploadAttachment(
    module: ModuleName<V, C>,
    recordId: string,
    file: FileInput,
    options?: UploadAttachmentOptions,
  ): Promise<UploadResult>;
  /** Attaches a link (an absolute http(s) URL within `limits.link.urlMaxLength`), as form fields or in the query (`via`). */
  attachLink(
    module: ModuleName<V, C>,
    recordId: string,
    url: string,
    options?: AttachLinkOptionsFor<V>,
  ): Promise<UploadResult>;
  /** Downloads one attachment as a stream (at most `maxBytes`); read or cancel `body`. 204: nothing there; a link attachment throws DOWNLOAD_NOT_ALLOWED. */
  downloadAttachment(
    module: ModuleName<V, C>,
    recordId: string,
    attachmentId: string,
    options?: DownloadOptions,
  ): Promise<DownloadResult>;
  /** Downloads one attachment into a file, or into a directory under the server's (sanitised) name; atomically, never partially. */
  downloadAttachmentTo(
    module: ModuleName<V, C>,
    recordId: string,
    attachmentId: string,
    destination: string,
    options?: DownloadToOptions,
  ): Promise<SavedDownload>;
  /** Deletes one attachment. */
  deleteAttachment(
    module: ModuleName<V, C>,
    recordId: string,
    attachmentId: string,
    options?: CallOptions,
  ): Promise<DeleteResult>;
  /** Deletes several attachments (100 ids per request, one request at a time); one result per id, in the order given. */
  deleteAttachments(
    module: ModuleName<V, C>,
    recordId: string,
    ids: Iterable<string>,
    options?: DeleteAttachmentsOptions,
  ): Promise<DeleteManyResult>;
  /** Downloads a record's photo as a stream (at most `maxBytes`, by default Zoho's photo limit); 204 when it has none. */
  getPhoto(module: PhotoModuleName<C>, recordId: string, options?: DownloadOptions): Promise<DownloadResult>;
  /** Sets or replaces a record's photo (PNG, JPEG, GIF or BMP, at most 10 MB). */
  uploadPhoto(
    module: PhotoModuleName<C>,
    recordId: string,
    file: FileInput,
    options?: UploadPhotoOptionsFor<V>,
  ): Promise<PhotoResult>;
  /** Removes a record's photo. */
  deletePhoto(module: PhotoModuleName<C>, recordId: string, options?: DeletePhotoOptionsFor<V>): Promise<PhotoResult>;
}
