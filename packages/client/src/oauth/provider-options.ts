/**
 * The options of `createRefreshTokenProvider`, checked once. Messages name the option at fault but
 * never quote its value: a client secret or refresh token must not end up in an error or a log.
 */
import { normalizeOrigin, originProblem } from "../api-domain.js";
import { accountsServerFor, type DataCenter, dataCenters, isDataCenter } from "../data-centres.js";
import { ZohoInputError } from "../errors/errors.js";
import type { ZohoLogger } from "../events.js";
import type { FetchLike } from "../pipeline/types.js";
import { DEFAULT_REFUSED_TOKEN_COOLDOWN_MS } from "./refusal-cooldown.js";
import type { TokenEndpoint } from "./token-endpoint.js";
import { MemoryTokenStore, type TokenStore, tokenStoreKey } from "./token-store.js";

/** Options of `createRefreshTokenProvider`. */
export interface RefreshTokenProviderOptions {
  /** The OAuth client id from Zoho's API console. */
  clientId: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** A refresh token issued to this client (grant type authorization_code, access_type offline). */
  refreshToken: string;
  /** The org's data centre, which picks the accounts server (default "US"). */
  dataCenter?: DataCenter;
  /** An accounts server origin to use instead, e.g. http://127.0.0.1:4010 for the local mock. */
  accountsServer?: string;
  /** Where tokens are kept between refreshes (default: a MemoryTokenStore of this provider's own). */
  tokenStore?: TokenStore;
  /** fetch to use for the token endpoint (default globalThis.fetch, read at creation). */
  fetch?: FetchLike;
  /** Refresh this long before the token expires (default 60,000 ms). */
  refreshMarginMs?: number;
  /** Time limit of one token request (default 30,000 ms). */
  timeoutMs?: number;
  /**
   * After Zoho refuses a token this provider had just minted to replace a refused one, refresh no
   * more for this long; calls fail at once instead (default 300,000 ms; 0 turns the pause off).
   */
  refusedTokenCooldownMs?: number;
  /** Clock in ms since the epoch (default Date.now); tests move it to expire tokens. */
  now?: () => number;
  /** Receives `refresh` and `token-store` events (clients using the provider also pass their own). */
  logger?: ZohoLogger;
}

/** Checked provider settings; `endpoint` holds the secrets and stays in a private field. */
export interface ProviderSettings {
  readonly endpoint: TokenEndpoint;
  readonly dataCenter: DataCenter | undefined;
  readonly accountsServer: string;
  readonly store: TokenStore;
  /** The store key of this identity (a hash, no secret). */
  readonly key: string;
  readonly fetch: FetchLike;
  readonly marginMs: number;
  readonly timeoutMs: number;
  readonly cooldownMs: number;
  readonly now: () => number;
  readonly logger: ZohoLogger | undefined;
}

const KNOWN = new Set([
  "clientId",
  "clientSecret",
  "refreshToken",
  "dataCenter",
  "accountsServer",
  "tokenStore",
  "fetch",
  "refreshMarginMs",
  "timeoutMs",
  "refusedTokenCooldownMs",
  "now",
  "logger",
]);

function secretOption(options: Record<string, unknown>, name: string): string {
  const value = options[name];
  if (typeof value === "string" && value.trim() !== "" && !/\s/.test(value)) return value;
  // The value is never quoted: it may be the secret itself, or most of it.
  throw new ZohoInputError(
    name,
    `${name} must be a non-empty string without spaces (got ${value === "" ? "an empty string" : typeof value}).`,
  );
}

function durationOption(options: Record<string, unknown>, name: string, fallback: number): number {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  throw new ZohoInputError(name, `${name} must be a number of milliseconds, 0 or more.`);
}

function functionOption<T>(options: Record<string, unknown>, name: string, fallback: T): T {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value === "function") return value as T;
  throw new ZohoInputError(name, `${name} must be a function.`);
}

function accountsServerOf(dataCenter: unknown, accountsServer: unknown): string {
  if (dataCenter !== undefined && !isDataCenter(dataCenter)) {
    const known = Object.keys(dataCenters).join(", ");
    throw new ZohoInputError("dataCenter", `dataCenter must be one of ${known} (got ${JSON.stringify(dataCenter)}).`);
  }
  if (accountsServer === undefined) return accountsServerFor((dataCenter as DataCenter | undefined) ?? "US");
  const origin = normalizeOrigin(accountsServer);
  if (origin !== undefined) return origin;
  const problem = originProblem("accountsServer", accountsServer, "https://accounts.zoho.eu or http://127.0.0.1:4010");
  throw new ZohoInputError("accountsServer", problem);
}

function storeOf(tokenStore: unknown): TokenStore {
  const store = (tokenStore ?? new MemoryTokenStore()) as Partial<TokenStore>;
  if (typeof store.get !== "function" || typeof store.set !== "function" || typeof store.delete !== "function") {
    throw new ZohoInputError("tokenStore", "tokenStore must have get, set and delete methods.");
  }
  return store as TokenStore;
}

/** Checks the options; throws a ZohoInputError naming the first wrong one. */
export function toProviderSettings(input: unknown): ProviderSettings {
  if (typeof input !== "object" || input === null) {
    throw new ZohoInputError("options", "createRefreshTokenProvider needs { clientId, clientSecret, refreshToken }.");
  }
  const options = input as Record<string, unknown>;
  const unknown = Object.keys(options).find((key) => !KNOWN.has(key));
  if (unknown !== undefined) {
    throw new ZohoInputError(
      unknown,
      `Unknown option ${JSON.stringify(unknown)}. Known options: ${[...KNOWN].join(", ")}.`,
    );
  }
  const accountsServer = accountsServerOf(options.dataCenter, options.accountsServer);
  // With an explicit accounts server and no data centre, the error messages name the server alone.
  const given = options.dataCenter as DataCenter | undefined;
  const dataCenter = options.accountsServer !== undefined && given === undefined ? undefined : (given ?? "US");
  const clientId = secretOption(options, "clientId");
  const clientSecret = secretOption(options, "clientSecret");
  const refreshToken = secretOption(options, "refreshToken");
  return {
    endpoint: { accountsServer, dataCenter, clientId, clientSecret, refreshToken },
    dataCenter,
    accountsServer,
    store: storeOf(options.tokenStore),
    key: tokenStoreKey(accountsServer, clientId, refreshToken),
    // Resolved now, so a later change to globalThis.fetch does not reach an existing provider.
    fetch: functionOption<FetchLike>(options, "fetch", globalThis.fetch),
    marginMs: durationOption(options, "refreshMarginMs", 60_000),
    timeoutMs: durationOption(options, "timeoutMs", 30_000),
    cooldownMs: durationOption(options, "refusedTokenCooldownMs", DEFAULT_REFUSED_TOKEN_COOLDOWN_MS),
    now: functionOption(options, "now", Date.now),
    logger: functionOption<ZohoLogger | undefined>(options, "logger", undefined),
  };
}
