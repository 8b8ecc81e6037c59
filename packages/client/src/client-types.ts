/**
 * The public, per-version types of the client. The version picked at creation decides which modules
 * type-check, whether `fields` is required, whether `pageToken` exists and which `info` comes back.
 */
import type { Client } from "openapi-fetch";
import type { Attachment, ListInfo, ListInfoV2, paths } from "@zcrm-attachments/types";
import type { ApiLine, ApiVersion, PageTokenVersion } from "./api-versions.js";
import type { AccessToken } from "./auth.js";
import type { DataCenter, Environment } from "./data-centres.js";
import type { AttachmentsPage, AttachmentsPageOk } from "./list-attachments.js";
import type { ModuleName } from "./modules.js";
import type { ZohoLogger } from "./pipeline/log-events.js";
import type { Clock, RetryOptions } from "./pipeline/retry-policy.js";
import type { FetchLike } from "./transport.js";

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
  /** API names of the org's own custom modules, accepted besides the standard ones and CustomModule<N>. */
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
  /** Receives request, response, retry and refresh events; never a token or secret. */
  logger?: ZohoLogger;
  /** Time and randomness to use instead of the real ones (tests). */
  clock?: Partial<Clock>;
};

/** The `info` object a version returns: ListInfoV2 on v2/v2.1, ListInfo on v3 to v8. */
export type InfoFor<V extends ApiVersion> = [ApiLine<V>] extends ["v2"]
  ? ListInfoV2
  : [ApiLine<V>] extends ["current"]
    ? ListInfo
    : ListInfo | ListInfoV2;

/** Field API names to return: an array, or a comma-separated string. */
export type FieldsOption = readonly string[] | string;

/** Options of one list call; `fields` is required from v3 on and `pageToken` exists from v7 on. */
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
} & ([ApiLine<V>] extends ["v2"]
  ? {
      /** Field API names to return (optional on v2/v2.1: all fields by default). */
      fields?: FieldsOption;
    }
  : {
      /** Field API names to return (mandatory from v3 on). */
      fields: FieldsOption;
    }) &
  ([V] extends [Exclude<ApiVersion, PageTokenVersion>]
    ? { pageToken?: never }
    : {
        /** `info.next_page_token` of a previous page (v7 and later). */
        pageToken?: string;
      });

/** The options argument: optional on v2/v2.1, required from v3 on (because `fields` is). */
export type ListAttachmentsArgs<V extends ApiVersion> = [ApiLine<V>] extends ["v2"]
  ? [options?: ListAttachmentsOptions<V>]
  : [options: ListAttachmentsOptions<V>];

/** A client for one org, one API version and one token (source). */
export interface AttachmentsClient<V extends ApiVersion = "v8", C extends string = never> {
  /** The API version every request uses. */
  readonly apiVersion: V;
  /** The contract line of that version: "v2" (v2, v2.1) or "current" (v3 to v8). */
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
  /** Walks every page of a record's attachments (page numbers, or page tokens from v7 on). */
  iterateAttachmentPages(
    module: ModuleName<V, C>,
    recordId: string,
    ...options: ListAttachmentsArgs<V>
  ): AsyncGenerator<AttachmentsPageOk<InfoFor<V>>, void, undefined>;
  /** Walks every attachment of a record, page after page. */
  iterateAttachments(
    module: ModuleName<V, C>,
    recordId: string,
    ...options: ListAttachmentsArgs<V>
  ): AsyncGenerator<Attachment, void, undefined>;
}
