/**
 * Where a token provider keeps access tokens between refreshes. The default keeps them in memory, one
 * store per provider, so nothing is shared unless a user shares a store on purpose. Keys are hashes of
 * the provider's identity (accounts server, client id, refresh token): two identities never meet on
 * one key, and a key never reveals a secret.
 */
import { createHash } from "node:crypto";

/** An access token as a store keeps it. */
export interface StoredToken {
  /** The access token itself. */
  accessToken: string;
  /** When it expires, in ms since the epoch. */
  expiresAt: number;
  /** The API origin Zoho named with it (`api_domain`), if any. */
  apiDomain?: string | undefined;
}

/** A place to keep access tokens, keyed by provider identity (get/set/delete; sync or async). */
export interface TokenStore {
  /** Returns the token kept under `key`, if any. */
  get(key: string): StoredToken | undefined | Promise<StoredToken | undefined>;
  /** Keeps `token` under `key`, replacing what was there. */
  set(key: string, token: StoredToken): void | Promise<void>;
  /** Forgets the token under `key`. */
  delete(key: string): void | Promise<void>;
}

/** Keeps tokens in this process only; the default store, one per provider. */
export class MemoryTokenStore implements TokenStore {
  readonly #entries = new Map<string, StoredToken>();

  /** Returns the token kept under `key`, if any. */
  get(key: string): StoredToken | undefined {
    const entry = this.#entries.get(key);
    return entry === undefined ? undefined : { ...entry };
  }

  /** Keeps a copy of `token` under `key`. */
  set(key: string, token: StoredToken): void {
    this.#entries.set(key, { ...token });
  }

  /** Forgets the token under `key`. */
  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Shows how many tokens it holds, never the tokens. */
  toJSON(): Record<string, unknown> {
    return { store: "memory", size: this.#entries.size };
  }
}

/** The store key of a provider identity: a hash, so it holds no secret. */
export function tokenStoreKey(accountsServer: string, clientId: string, refreshToken: string): string {
  const digest = createHash("sha256").update(`${accountsServer}\n${clientId}\n${refreshToken}`).digest("hex");
  return `zoho-oauth:${digest.slice(0, 40)}`;
}

/** Returns `value` when it is a well-formed StoredToken (stores may hold anything), else undefined. */
export function asStoredToken(value: unknown): StoredToken | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { accessToken, expiresAt, apiDomain } = value as Record<string, unknown>;
  // A token that could not be sent as a header value is as good as none (and must never reach fetch,
  // whose header errors quote the value).
  if (
    typeof accessToken !== "string" ||
    !/^[\x21-\x7e]+$/.test(accessToken) ||
    typeof expiresAt !== "number" ||
    !Number.isFinite(expiresAt)
  ) {
    return undefined;
  }
  return { accessToken, expiresAt, apiDomain: typeof apiDomain === "string" ? apiDomain : undefined };
}
