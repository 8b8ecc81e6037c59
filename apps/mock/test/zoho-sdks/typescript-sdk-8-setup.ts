/**
 * Points Zoho's TypeScript SDK for API v8 (`@zohocrm/typescript-sdk-8.0`) at a stateful mock, the
 * way the mock's README tells users to: a custom `Environment` whose API and accounts URLs are
 * the mock's, a ready access token with the user lookup turned off (`findUser(false)`; left on,
 * the SDK first asks `GET /crm/v8/users?type=CurrentUser`), field auto-refresh off, logging off,
 * and the token file and resource folder inside a temp folder. The SDK's `Initializer` is a
 * process-global singleton, so a test file initializes it once (vitest runs each file in its own
 * worker process).
 */
import * as ZOHOCRMSDK from "@zohocrm/typescript-sdk-8.0";
import { type MockOptions, type MockServer, startMock } from "../../src/index.js";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy.js";
import { createSdkSandbox, type SdkSandbox } from "./sdk-sandbox.js";

/** The access token the tests hand the SDK (any non-empty token passes the mock's check). */
export const V8_ACCESS_TOKEN = "1000.typescript-sdk-8.ready-access-token";

/** A running mock, the recording hop in front of it, and the temp folder the SDK writes to. */
export interface TypescriptSdk8Context {
  mock: MockServer;
  proxy: RecordingProxy;
  sandbox: SdkSandbox;
  /** Stops both servers and removes the temp folder. */
  close(): Promise<void>;
}

/** Starts a stateful mock (with `options` on top) behind a recording hop, and a fresh temp folder; does not initialize. */
export async function startTypescriptSdk8Servers(options: MockOptions = {}): Promise<TypescriptSdk8Context> {
  const mock = await startMock({ port: 0, stateful: true, ...options });
  const proxy = await startRecordingProxy(mock.url);
  const sandbox = createSdkSandbox("typescript-sdk-8");
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

/** Initializes the SDK against `baseUrl` with `token` (default: the ready access token, no user lookup). */
export async function initializeTypescriptSdk8(
  baseUrl: string,
  sandbox: SdkSandbox,
  token: ZOHOCRMSDK.OAuthToken = new ZOHOCRMSDK.OAuthBuilder().accessToken(V8_ACCESS_TOKEN).findUser(false).build(),
): Promise<void> {
  // API, accounts (token refresh) and content-upload URLs: all the mock.
  const environment = new ZOHOCRMSDK.Environment(baseUrl, `${baseUrl}/oauth/v2/token`, baseUrl);
  await (await new ZOHOCRMSDK.InitializeBuilder())
    .environment(environment)
    .token(token)
    .store(new ZOHOCRMSDK.FileStore(sandbox.tokenFile))
    .SDKConfig(new ZOHOCRMSDK.SDKConfigBuilder().autoRefreshFields(false).pickListValidation(false).build())
    .resourcePath(sandbox.resourcePath)
    .logger(new ZOHOCRMSDK.LogBuilder().level(ZOHOCRMSDK.Levels.OFF).build())
    .initialize();
}

/** Starts the servers and initializes the SDK with the ready access token against the recording hop. */
export async function startTypescriptSdk8(): Promise<TypescriptSdk8Context> {
  const context = await startTypescriptSdk8Servers();
  await initializeTypescriptSdk8(context.proxy.url, context.sandbox);
  return context;
}

/** A FileBodyWrapper (attachments' or records') holding the file at `path`, as the SDK's samples build it. */
export function fileBody<T extends { setFile(file: ZOHOCRMSDK.StreamWrapper): void }>(wrapper: T, path: string): T {
  wrapper.setFile(new ZOHOCRMSDK.StreamWrapper(undefined, undefined, path));
  return wrapper;
}

/** A ParameterMap with the given params added in order (the SDK's `add` is async and validates each). */
export async function params(...entries: [ZOHOCRMSDK.Param, unknown][]): Promise<ZOHOCRMSDK.ParameterMap> {
  const map = new ZOHOCRMSDK.ParameterMap();
  for (const [param, value] of entries) await map.add(param, value);
  return map;
}
