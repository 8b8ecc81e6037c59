/**
 * Where a contract run sends its requests: the embedded mock by default, or a live org given by
 * environment variables (read-only).
 */

/** A server to check, and the record to read from it. */
export interface ContractTarget {
  baseUrl: string;
  /** The access token sent as `Authorization: Zoho-oauthtoken <token>`. */
  token: string;
  module: string;
  recordId: string;
  /** A live Zoho org: only the cases a real server can be driven into run, and nothing is written. */
  live: boolean;
}

/** The record the embedded mock serves examples for (the v2 page's sample request). */
export const MOCK_RECORD = { module: "Leads", recordId: "1000000231009" } as const;

/** A placeholder token for the mock, which accepts any non-empty one. */
export const MOCK_TOKEN = "1000.contract-suite.mock-token";

/** Env vars that point a run at a live org. */
export const TARGET_ENV = {
  baseUrl: "CONTRACT_BASE_URL",
  token: "ZOHO_ACCESS_TOKEN",
  module: "CONTRACT_MODULE",
  recordId: "CONTRACT_RECORD_ID",
} as const;

/** Reads a live target from the environment, or returns undefined when CONTRACT_BASE_URL is unset. */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): ContractTarget | undefined {
  const baseUrl = env[TARGET_ENV.baseUrl];
  if (!baseUrl) return undefined;
  return liveTarget({ baseUrl, token: env[TARGET_ENV.token], module: env[TARGET_ENV.module], recordId: env[TARGET_ENV.recordId] });
}

/** Builds a live target, saying exactly which setting is missing. */
export function liveTarget(settings: { baseUrl: string; token?: string | undefined; module?: string | undefined; recordId?: string | undefined }): ContractTarget {
  const missing: string[] = [];
  if (!settings.token) missing.push(`${TARGET_ENV.token} (or --token): an access token with ZohoCRM.modules.attachments.READ`);
  if (!settings.recordId) missing.push(`${TARGET_ENV.recordId} (or --record-id): the id of a record to list attachments of`);
  if (missing.length > 0) throw new Error(`A contract run against ${settings.baseUrl} needs:\n  - ${missing.join("\n  - ")}`);
  try {
    new URL(settings.baseUrl);
  } catch {
    throw new Error(`${TARGET_ENV.baseUrl} must be an origin such as https://www.zohoapis.com, got ${settings.baseUrl}`);
  }
  return {
    baseUrl: settings.baseUrl.replace(/\/+$/, ""),
    token: settings.token as string,
    module: settings.module ?? "Leads",
    recordId: settings.recordId as string,
    live: !/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(settings.baseUrl),
  };
}
