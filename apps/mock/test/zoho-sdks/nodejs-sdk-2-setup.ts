/**
 * Points Zoho's Node.js SDK for API v2 (`@zohocrm/nodejs-sdk-2.0`) at a stateful mock, the way
 * the mock's README tells users to: a custom `Environment` whose API and accounts URLs are the
 * mock's, a ready access token (so no token request and nothing stored), and a token store,
 * resource path and log file inside a temp folder (this SDK has no "off" level and always opens
 * its log file, so it gets one there, at ERROR), initialized with an awaited
 * `Initializer.initialize`. The SDK ships CommonJS without types and is loaded by its documented
 * deep paths; its objects are `any` here.
 */
import { createRequire } from "node:module";
import { type MockOptions, type MockServer, startMock } from "../../src/index.js";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy.js";
import { createSdkSandbox, type SdkSandbox } from "./sdk-sandbox.js";

const load = createRequire(import.meta.url);
const sdk = (path: string): any => load(`@zohocrm/nodejs-sdk-2.0/${path}`);

/** The access token the tests hand the SDK (any non-empty token passes the mock's check). */
export const V2_ACCESS_TOKEN = "1000.nodejs-sdk-2.ready-access-token";

/** The SDK's classes the tests use, by their documented module paths. */
export const v2 = {
  AttachmentsOperations: sdk("core/com/zoho/crm/api/attachments/attachments_operations").AttachmentsOperations,
  GetAttachmentsParam: sdk("core/com/zoho/crm/api/attachments/attachments_operations").GetAttachmentsParam,
  UploadLinkAttachmentParam: sdk("core/com/zoho/crm/api/attachments/attachments_operations").UploadLinkAttachmentParam,
  DeleteAttachmentsParam: sdk("core/com/zoho/crm/api/attachments/attachments_operations").DeleteAttachmentsParam,
  AttachmentsFileBodyWrapper: sdk("core/com/zoho/crm/api/attachments/file_body_wrapper").FileBodyWrapper,
  AttachmentsResponseWrapper: sdk("core/com/zoho/crm/api/attachments/response_wrapper").ResponseWrapper,
  AttachmentsActionWrapper: sdk("core/com/zoho/crm/api/attachments/action_wrapper").ActionWrapper,
  AttachmentsSuccessResponse: sdk("core/com/zoho/crm/api/attachments/success_response").SuccessResponse,
  AttachmentsAPIException: sdk("core/com/zoho/crm/api/attachments/api_exception").APIException,
  RecordOperations: sdk("core/com/zoho/crm/api/record/record_operations").RecordOperations,
  RecordFileBodyWrapper: sdk("core/com/zoho/crm/api/record/file_body_wrapper").FileBodyWrapper,
  RecordSuccessResponse: sdk("core/com/zoho/crm/api/record/success_response").SuccessResponse,
  RecordAPIException: sdk("core/com/zoho/crm/api/record/api_exception").APIException,
  ParameterMap: sdk("routes/parameter_map").ParameterMap,
  OAuthBuilder: sdk("models/authenticator/oauth_builder").OAuthBuilder,
  StreamWrapper: sdk("utils/util/stream_wrapper").StreamWrapper,
};

/** A running mock, the recording hop in front of it, and the SDK initialized against the hop. */
export interface NodeSdk2Context {
  mock: MockServer;
  proxy: RecordingProxy;
  sandbox: SdkSandbox;
  /** Stops both servers and removes the temp folder. */
  close(): Promise<void>;
}

/** Starts a stateful mock (with `options` on top) behind a recording hop, and a fresh temp folder; does not initialize. */
export async function startNodeSdk2Servers(options: MockOptions = {}): Promise<NodeSdk2Context> {
  const mock = await startMock({ port: 0, stateful: true, ...options });
  const proxy = await startRecordingProxy(mock.url);
  const sandbox = createSdkSandbox("nodejs-sdk-2");
  return {
    mock,
    proxy,
    sandbox,
    close: async () => {
      await proxy.close();
      await mock.close();
      sandbox.remove();
    },
  };
}

/** An OAuthToken for the ready access token (the v2 SDK then never asks the accounts server). */
export function readyAccessToken(): any {
  return new v2.OAuthBuilder().accessToken(V2_ACCESS_TOKEN).build();
}

/** Initializes the SDK against `baseUrl` with `token` (a process-global singleton). */
export async function initializeNodeSdk2(baseUrl: string, sandbox: SdkSandbox, token: any = readyAccessToken()) {
  const { Environment } = sdk("routes/dc/environment");
  const { UserSignature } = sdk("routes/user_signature");
  const { FileStore } = sdk("models/authenticator/store/file_store");
  const { SDKConfigBuilder } = sdk("routes/sdk_config_builder");
  const { LogBuilder } = sdk("routes/logger/log_builder");
  const { Levels } = sdk("routes/logger/logger");
  const { Initializer } = sdk("routes/initializer");
  // API, accounts (token refresh) and content-upload URLs: all the mock. The fourth argument is
  // the environment's name, which the SDK only uses to name stored tokens.
  const environment = new Environment(baseUrl, `${baseUrl}/oauth/v2/token`, baseUrl, "zcrm_mock");
  // Initializer.initialize, not InitializeBuilder: the builder's initialize() starts it without
  // returning its promise, so a call made right after it fails with "SDK UNINITIALIZED ERROR".
  await Initializer.initialize(
    new UserSignature("sdk-tests@example.com"),
    environment,
    token,
    new FileStore(sandbox.tokenFile),
    new SDKConfigBuilder().autoRefreshFields(false).pickListValidation(false).build(),
    sandbox.resourcePath,
    new LogBuilder().level(Levels.ERROR).filePath(sandbox.logFile).build(),
  );
}

/** Starts the servers and initializes the SDK with the ready access token against the recording hop. */
export async function startNodeSdk2(): Promise<NodeSdk2Context> {
  const context = await startNodeSdk2Servers();
  await initializeNodeSdk2(context.proxy.url, context.sandbox);
  return context;
}
