/**
 * @zcrm-attachments/client: a typed client for Zoho CRM's record attachments, on openapi-fetch.
 */

export type {
  Attachment,
  DeleteAttachmentResult,
  DeleteAttachmentsResponse,
  ErrorResponse,
  KnownErrorCode,
  ListInfo,
  ListInfoV2,
  PhotoActionResponse,
  RestrictTrigger,
  StandardModule,
  StandardModuleV2,
  UploadAttachmentResponse,
  UserReference,
} from "@zcrm-attachments/types";
export {
  type ApiLine,
  type ApiVersion,
  apiVersions,
  defaultApiVersion,
  type IdsVersion,
  isApiVersion,
  lineOf,
  type PageTokenVersion,
  supportsPageToken,
  type V2LineVersion,
} from "./api-versions.js";
export type { AccessToken, AccessTokenProvider, GetAccessTokenOptions } from "./auth.js";
export { createAttachmentsClient } from "./client.js";
export type {
  ApiLocation,
  AttachLinkOptionsFor,
  AttachmentsClient,
  AttachmentsClientOptions,
  DeletePhotoOptionsFor,
  FieldsOption,
  InfoFor,
  IterateAttachmentsArgs,
  IterateAttachmentsOptions,
  ListAttachmentsArgs,
  ListAttachmentsOptions,
  PhotoModuleName,
  RestrictTriggerFor,
  UploadPhotoOptionsFor,
} from "./client-types.js";
export {
  accountsServerFor,
  apiDomainFor,
  type DataCenter,
  type DataCenterInfo,
  dataCenters,
  type Environment,
  isDataCenter,
  isEnvironment,
} from "./data-centres.js";
export {
  type BodyKind,
  isZohoApiError,
  isZohoAuthError,
  isZohoError,
  isZohoInputError,
  isZohoNetworkError,
  type NetworkFailureKind,
  ZohoApiError,
  type ZohoApiErrorInit,
  ZohoAuthError,
  type ZohoAuthErrorInit,
  ZohoBodyLengthError,
  ZohoBodyTooLargeError,
  type ZohoBodyTooLargeErrorInit,
  ZohoError,
  type ZohoErrorCode,
  type ZohoErrorDetails,
  ZohoInputError,
  ZohoNetworkError,
  ZohoPaginationError,
} from "./errors/errors.js";
export type {
  RefreshLogEvent,
  RequestLogEvent,
  ResponseLogEvent,
  RetryLogEvent,
  TokenStoreLogEvent,
  ZohoLogEvent,
  ZohoLogger,
} from "./events.js";
export { safeFileName } from "./files/content-disposition.js";
export type { FileInput } from "./files/file-source.js";
export type { CallOptions } from "./input/call-options.js";
export { DEFAULT_MAX_PAGES } from "./input/list-options.js";
export type { CustomModuleApiName, KnownModule, ModuleName } from "./input/modules.js";
export { FileTokenStore } from "./oauth/file-token-store.js";
export {
  createRefreshTokenProvider,
  type RefreshTokenProvider,
  type RefreshTokenProviderOptions,
} from "./oauth/refresh-token-provider.js";
export { DEFAULT_REFUSED_TOKEN_COOLDOWN_MS } from "./oauth/refusal-cooldown.js";
export { MemoryTokenStore, type StoredToken, type TokenStore } from "./oauth/token-store.js";
export type { AttachLinkOptions, LinkEncoding } from "./operations/attach-link.js";
export type { DeleteResult } from "./operations/delete-attachment.js";
export type { DeleteAttachmentsOptions, DeleteItemResult, DeleteManyResult } from "./operations/delete-attachments.js";
export type { DownloadNoContent, DownloadOk, DownloadOptions, DownloadResult } from "./operations/download.js";
export type {
  AttachmentsPage,
  AttachmentsPageEmpty,
  AttachmentsPageNotModified,
  AttachmentsPageOk,
} from "./operations/list-attachments.js";
export type { DeletePhotoOptions, PhotoResult, UploadPhotoOptions } from "./operations/photos.js";
export type { DownloadToOptions, SavedDownload } from "./operations/save-download.js";
export type { UploadAttachmentOptions, UploadedAttachment, UploadResult } from "./operations/upload-attachment.js";
export {
  DEFAULT_BODY_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_TIMEOUT_MS,
} from "./pipeline/pipeline-options.js";
export type { Clock, RetryOptions } from "./pipeline/retry-policy.js";
export type { FetchLike } from "./pipeline/types.js";
export type { ZohoResponseMeta } from "./response-meta.js";
