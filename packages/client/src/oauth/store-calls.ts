/**
 * Calls into a token store that never fail a request: a store is a cache, so when it breaks (disk full,
 * Redis down) the provider goes on with the token it holds in memory and reports a `token-store` event.
 * Entries that are not well-formed tokens are ignored.
 */
import { emit, type ZohoLogger } from "../events.js";
import { asStoredToken, type StoredToken, type TokenStore } from "./token-store.js";

function report(loggers: readonly ZohoLogger[], operation: "get" | "set" | "delete", error: unknown): void {
  // Only the error's name and code: a store's message may quote what it was asked to write.
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const text = [typeof name === "string" ? name : "Error", typeof code === "string" ? code : undefined]
    .filter(Boolean)
    .join(" ");
  for (const logger of loggers) emit(logger, { type: "token-store", operation, error: text });
}

/** Reads a token, or undefined when there is none, it is malformed, or the store failed. */
export async function readStore(
  store: TokenStore,
  key: string,
  loggers: readonly ZohoLogger[],
): Promise<StoredToken | undefined> {
  try {
    return asStoredToken(await store.get(key));
  } catch (error) {
    report(loggers, "get", error);
    return undefined;
  }
}

/** Writes a token; a failure is reported, not thrown. */
export async function writeStore(
  store: TokenStore,
  key: string,
  token: StoredToken,
  loggers: readonly ZohoLogger[],
): Promise<void> {
  try {
    await store.set(key, token);
  } catch (error) {
    report(loggers, "set", error);
  }
}

/** Deletes a token; a failure is reported, not thrown. */
export async function removeFromStore(store: TokenStore, key: string, loggers: readonly ZohoLogger[]): Promise<void> {
  try {
    await store.delete(key);
  } catch (error) {
    report(loggers, "delete", error);
  }
}
