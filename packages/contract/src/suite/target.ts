/**
 * Where a contract run sends its requests: the embedded mock by default, or another server (a live
 * org) given by environment variables, read-only unless writes are explicitly allowed.
 */

/** A server to check, and the record to work on. */
export interface ContractTarget {
  baseUrl: string;
  /** The access token sent as `Authorization: Zoho-oauthtoken <token>`. */
  token: string;
  module: string;
  recordId: string;
  /** A live Zoho org: only the rows a real server can be driven into run. */
  live: boolean;
  /** The server keeps what is written (the stateful mock; always true of a live org). */
  stateful: boolean;
  /** Rows that write may run. Always true on a mock; on a live org only with CONTRACT_ALLOW_WRITES=1. */
  allowWrites: boolean;
  /** An attachment of the record that a live run may download (CONTRACT_ATTACHMENT_ID). */
  attachmentId?: string;
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
  allowWrites: "CONTRACT_ALLOW_WRITES",
  attachmentId: "CONTRACT_ATTACHMENT_ID",
} as const;

/** A target for a mock the caller started (`stateful` as the mock was started). */
export function mockTarget(baseUrl: string, stateful = false): ContractTarget {
  return { baseUrl, token: MOCK_TOKEN, ...MOCK_RECORD, live: false, stateful, allowWrites: true };
}

/** Reads a live target from the environment, or returns undefined when CONTRACT_BASE_URL is unset. */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): ContractTarget | undefined {
  const baseUrl = env[TARGET_ENV.baseUrl];
  if (!baseUrl) return undefined;
  return liveTarget({
    baseUrl,
    token: env[TARGET_ENV.token],
    module: env[TARGET_ENV.module],
    recordId: env[TARGET_ENV.recordId],
    allowWrites: env[TARGET_ENV.allowWrites] === "1",
    attachmentId: env[TARGET_ENV.attachmentId],
  });
}

/** Settings of a run against another server. */
export interface LiveSettings {
  baseUrl: string;
  token?: string | undefined;
  module?: string | undefined;
  recordId?: string | undefined;
  /** Let rows that write run (they clean up what they create). */
  allowWrites?: boolean | undefined;
  attachmentId?: string | undefined;
  /** A server on loopback that keeps state (a mock started with --stateful). */
  stateful?: boolean | undefined;
}

/** Builds a target for another server, saying exactly which setting is missing. */
export function liveTarget(settings: LiveSettings): ContractTarget {
  const missing: string[] = [];
  if (!settings.token)
    missing.push(`${TARGET_ENV.token} (or --token): an access token with ZohoCRM.modules.attachments.READ`);
  if (!settings.recordId) missing.push(`${TARGET_ENV.recordId} (or --record-id): the id of a record to work on`);
  if (missing.length > 0)
    throw new Error(`A contract run against ${settings.baseUrl} needs:\n  - ${missing.join("\n  - ")}`);
  try {
    new URL(settings.baseUrl);
  } catch {
    throw new Error(
      `${TARGET_ENV.baseUrl} must be an origin such as https://www.zohoapis.com, got ${settings.baseUrl}`,
    );
  }
  const live = !/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(settings.baseUrl);
  const target: ContractTarget = {
    baseUrl: settings.baseUrl.replace(/\/+$/, ""),
    token: settings.token as string,
    module: settings.module ?? "Leads",
    recordId: settings.recordId as string,
    live,
    stateful: live || settings.stateful === true,
    // A local server is a stand-in: writing to it harms nothing.
    allowWrites: !live || settings.allowWrites === true,
  };
  if (settings.attachmentId) target.attachmentId = settings.attachmentId;
  return target;
}
