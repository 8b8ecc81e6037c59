/**
 * `createRefreshTokenProvider`: turns a Zoho refresh token into access tokens for one or more clients.
 * A cached token is handed out without waiting until `refreshMarginMs` before it expires; then one
 * refresh serves every caller waiting at that moment (single flight), however many there are. When
 * Zoho rejects a token (401 INVALID_TOKEN) the client calls `invalidate`, and the next call refreshes,
 * unless Zoho refused a token minted moments before to replace a refused one: then refreshing is
 * put on hold for a while (refusal-cooldown.ts), since Zoho caps the tokens a refresh token may mint.
 * The three secrets live in private fields only: inspecting or serialising a provider shows its data
 * centre and accounts server, nothing else.
 */
import { normalizeOrigin } from "../api-domain.js";
import { type AccessTokenProvider, cachedToken, type GetAccessTokenOptions } from "../auth.js";
import { apiDomainFor, type DataCenter } from "../data-centres.js";
import type { ZohoAuthError } from "../errors/errors.js";
import { emit, type RefreshLogEvent, type ZohoLogger } from "../events.js";
import type { FetchLike } from "../pipeline/types.js";
import { type RefreshTokenProviderOptions, toProviderSettings } from "./provider-options.js";
import { onHoldError, RefusalCooldown } from "./refusal-cooldown.js";
import { readStore, removeFromStore, writeStore } from "./store-calls.js";
import { refreshAccessToken, type TokenEndpoint } from "./token-endpoint.js";
import type { StoredToken, TokenStore } from "./token-store.js";

export type { RefreshTokenProviderOptions } from "./provider-options.js";

/** A token provider backed by a refresh token. */
export interface RefreshTokenProvider extends AccessTokenProvider {
  /** The data centre asked (undefined when an accountsServer was given instead). */
  readonly dataCenter: DataCenter | undefined;
  /** The accounts server asked for tokens. */
  readonly accountsServer: string;
  /** The API origin of the last token (`api_domain`), else the data centre's, else undefined. */
  apiDomain(): string | undefined;
}

interface Current {
  token: string;
  promise: Promise<string>;
  refreshAt: number;
}

class ZohoRefreshTokenProvider implements RefreshTokenProvider {
  readonly dataCenter: DataCenter | undefined;
  readonly accountsServer: string;
  readonly #endpoint: TokenEndpoint;
  readonly #store: TokenStore;
  readonly #key: string;
  readonly #fetch: FetchLike;
  readonly #marginMs: number;
  readonly #timeoutMs: number;
  readonly #now: () => number;
  readonly #logger: ZohoLogger | undefined;
  #current: Current | undefined;
  #pending: Promise<string> | undefined;
  #rejected: string | undefined;
  #apiDomain: string | undefined;
  #trigger: RefreshLogEvent["trigger"] = "missing";
  readonly #cooldown: RefusalCooldown;

  constructor(options: unknown) {
    const settings = toProviderSettings(options);
    this.dataCenter = settings.dataCenter;
    this.accountsServer = settings.accountsServer;
    this.#endpoint = settings.endpoint;
    this.#store = settings.store;
    this.#key = settings.key;
    this.#fetch = settings.fetch;
    this.#marginMs = settings.marginMs;
    this.#timeoutMs = settings.timeoutMs;
    this.#now = settings.now;
    this.#logger = settings.logger;
    this.#cooldown = new RefusalCooldown(settings.cooldownMs);
  }

  /** Returns a usable access token; refreshes (once for all waiting callers) when needed. */
  getAccessToken(options?: GetAccessTokenOptions): Promise<string> {
    const current = this.#current;
    if (current !== undefined && this.#now() < current.refreshAt) return current.promise;
    const hold = this.#cooldown.holdUntil(this.#now());
    if (hold !== undefined) return Promise.reject(this.#onHold(hold, options?.logger));
    if (this.#pending !== undefined) return this.#pending;
    const pending = this.#obtain(options?.logger);
    this.#pending = pending;
    const clear = (): void => {
      if (this.#pending === pending) this.#pending = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }

  /** The cached token while it is fresh, else undefined (the client's synchronous fast path). */
  [cachedToken](): string | undefined {
    const current = this.#current;
    return current !== undefined && this.#now() < current.refreshAt ? current.token : undefined;
  }

  /** Forgets `token` (Zoho rejected it), here and in the store, so the next call refreshes. */
  async invalidate(token: string): Promise<void> {
    this.#cooldown.refused(token, this.#now());
    this.#rejected = token;
    if (this.#current?.token !== token) return;
    this.#current = undefined;
    this.#trigger = "invalidated";
    const stored = await readStore(this.#store, this.#key, this.#loggers());
    if (stored?.accessToken === token) await removeFromStore(this.#store, this.#key, this.#loggers());
  }

  /** The API origin of the last token, else the data centre's production origin, else undefined. */
  apiDomain(): string | undefined {
    return this.#apiDomain ?? (this.dataCenter === undefined ? undefined : apiDomainFor(this.dataCenter));
  }

  /** Shows where tokens come from, never the secrets or tokens. */
  toJSON(): Record<string, unknown> {
    return { dataCenter: this.dataCenter, accountsServer: this.accountsServer };
  }

  #loggers(extra?: ZohoLogger): ZohoLogger[] {
    const loggers: ZohoLogger[] = [];
    if (this.#logger !== undefined) loggers.push(this.#logger);
    if (extra !== undefined && extra !== this.#logger) loggers.push(extra);
    return loggers;
  }

  // The error of a call made while refreshing is on hold; reported to the loggers like a failed refresh.
  #onHold(until: number, callerLogger: ZohoLogger | undefined): ZohoAuthError {
    for (const logger of this.#loggers(callerLogger)) {
      emit(logger, {
        type: "refresh",
        trigger: "invalidated",
        accountsServer: this.accountsServer,
        dataCenter: this.dataCenter,
        outcome: "failure",
        durationMs: 0,
        oauthError: undefined,
        error: "on hold: Zoho refused a fresh token",
      });
    }
    return onHoldError(until, this.dataCenter, this.accountsServer);
  }

  #adopt(token: string, refreshAt: number, apiDomain: string | undefined): string {
    this.#current = { token, promise: Promise.resolve(token), refreshAt };
    if (apiDomain !== undefined) this.#apiDomain = apiDomain;
    this.#trigger = "expiring";
    return token;
  }

  async #obtain(callerLogger: ZohoLogger | undefined): Promise<string> {
    const loggers = this.#loggers(callerLogger);
    // Another process (or provider sharing the store) may have refreshed already.
    const stored: StoredToken | undefined = await readStore(this.#store, this.#key, loggers);
    const now = this.#now();
    if (stored !== undefined && stored.accessToken !== this.#rejected && now < stored.expiresAt - this.#marginMs) {
      return this.#adopt(stored.accessToken, stored.expiresAt - this.#marginMs, normalizeOrigin(stored.apiDomain));
    }
    const trigger = this.#trigger;
    const base = {
      type: "refresh",
      trigger,
      accountsServer: this.accountsServer,
      dataCenter: this.dataCenter,
    } as const;
    try {
      const issued = await refreshAccessToken(this.#endpoint, this.#fetch, this.#timeoutMs);
      const at = this.#now();
      for (const logger of loggers)
        emit(logger, { ...base, outcome: "success", durationMs: at - now, oauthError: undefined, error: undefined });
      this.#cooldown.minted(issued.accessToken, at, trigger === "invalidated");
      const expiresAt = at + issued.lifetimeMs;
      // A margin longer than half the lifetime would mean refreshing on nearly every call.
      const refreshAt = at + Math.max(issued.lifetimeMs - this.#marginMs, issued.lifetimeMs / 2);
      this.#adopt(issued.accessToken, refreshAt, issued.apiDomain);
      await writeStore(
        this.#store,
        this.#key,
        { accessToken: issued.accessToken, expiresAt, apiDomain: issued.apiDomain },
        loggers,
      );
      return issued.accessToken;
    } catch (error) {
      const at = this.#now();
      const details = error as { oauthError?: unknown; message?: unknown };
      const oauthError = typeof details.oauthError === "string" ? details.oauthError : undefined;
      const message = typeof details.message === "string" ? details.message : "refresh failed";
      for (const logger of loggers)
        emit(logger, { ...base, outcome: "failure", durationMs: at - now, oauthError, error: message });
      throw error;
    }
  }
}

/**
 * Creates an access token provider from a refresh token; pass it as a client's `accessToken`.
 *
 * @example
 * const tokens = createRefreshTokenProvider({ clientId, clientSecret, refreshToken, dataCenter: "EU" });
 * const zoho = createAttachmentsClient({ accessToken: tokens });
 */
export function createRefreshTokenProvider(options: RefreshTokenProviderOptions): RefreshTokenProvider {
  return new ZohoRefreshTokenProvider(options);
}
