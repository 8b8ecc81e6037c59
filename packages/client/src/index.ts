/**
 * @zcrm-attachments/client: a typed client for Zoho CRM's record attachments, on openapi-fetch.
 */
export { createAttachmentsClient } from "./client.js";
export type {
  ApiLocation,
  AttachmentsClient,
  AttachmentsClientOptions,
  FieldsOption,
  InfoFor,
  ListAttachmentsArgs,
  ListAttachmentsOptions,
} from "./client-types.js";
export {
  type ApiLine,
  type ApiVersion,
  apiVersions,
  defaultApiVersion,
  isApiVersion,
  lineOf,
  type PageTokenVersion,
  supportsPageToken,
  type V2LineVersion,
} from "./api-versions.js";
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
export type { AccessToken } from "./auth.js";
export type { FetchLike } from "./transport.js";
export type { CustomModuleApiName, ModuleName } from "./modules.js";
export type {
  AttachmentsPage,
  AttachmentsPageEmpty,
  AttachmentsPageNotModified,
  AttachmentsPageOk,
} from "./list-attachments.js";
export {
  isZohoApiError,
  isZohoError,
  isZohoInputError,
  isZohoNetworkError,
  type NetworkFailureKind,
  ZohoApiError,
  type ZohoApiErrorInit,
  ZohoError,
  type ZohoErrorCode,
  type ZohoErrorDetails,
  ZohoInputError,
  ZohoNetworkError,
  ZohoPaginationError,
} from "./errors.js";
export type {
  Attachment,
  ErrorResponse,
  KnownErrorCode,
  ListInfo,
  ListInfoV2,
  StandardModule,
  StandardModuleV2,
  UserReference,
} from "@zcrm-attachments/types";
