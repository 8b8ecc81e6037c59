/**
 * When a refresh does not help, stop refreshing for a while. The client replays a call once after
 * Zoho refuses its token (401 INVALID_TOKEN), with a token the provider refreshes for it. If Zoho
 * refuses that fresh token as well (on the replay, or on the next call, within a minute of minting),
 * the fault is not the token's age but the setup (the API domain of another data centre than the
 * accounts server's, a revoked grant, a proxy that drops the header), and every later call would
 * mint one more token in vain. Zoho allows at most 10 access
 * tokens per refresh token in 10 minutes (https://www.zoho.com/crm/developer/docs/api/v3/token-validity.html,
 * https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token-expiry.html), and the budget
 * is shared by every process using that refresh token, so the provider then refuses to refresh for
 * `refusedTokenCooldownMs` (default 5 minutes: at most 2 tokens minted per 5 minutes in that state,
 * 4 of the 10, leaving the rest to other processes) and calls fail at once with a ZohoAuthError.
 */
import type { DataCenter } from "../data-centres.js";
import { ZohoAuthError } from "../errors/errors.js";

/** The default pause after a fresh replacement token was refused. */
export const DEFAULT_REFUSED_TOKEN_COOLDOWN_MS = 300_000;

// A refusal counts against a token only this soon after it was minted: a token that worked for an
// hour and was then revoked (or pushed out by newer tokens) says nothing about the setup.
const FRESH_MS = 60_000;

interface Minted {
  token: string;
  at: number;
  /** Minted to replace a token Zoho had refused. */
  replacing: boolean;
}

/** Remembers the last token a provider minted, and whether refreshing is on hold. */
export class RefusalCooldown {
  readonly #cooldownMs: number;
  #minted: Minted | undefined;
  #until: number | undefined;

  constructor(cooldownMs: number) {
    this.#cooldownMs = cooldownMs;
  }

  /** A refresh issued `token` at `at`; `replacing` when it was made because Zoho refused the previous one. */
  minted(token: string, at: number, replacing: boolean): void {
    this.#minted = { token, at, replacing };
  }

  /** Zoho refused `token` at `now`: starts the cooldown when it was a fresh replacement. */
  refused(token: string, now: number): void {
    const minted = this.#minted;
    if (this.#cooldownMs === 0 || minted?.token !== token || !minted.replacing || now - minted.at > FRESH_MS) return;
    this.#until = now + this.#cooldownMs;
  }

  /** The time refreshing may resume, while it is on hold at `now`; undefined when a refresh may go ahead. */
  holdUntil(now: number): number | undefined {
    if (this.#until !== undefined && now >= this.#until) this.#until = undefined;
    return this.#until;
  }
}

/** The error of a call made while refreshing is on hold until `until`; it names the usual causes. */
export function onHoldError(until: number, dataCenter: DataCenter | undefined, accountsServer: string): ZohoAuthError {
  const source = dataCenter === undefined ? accountsServer : `the ${dataCenter} data centre's accounts server`;
  const message =
    `Zoho refused (401 INVALID_TOKEN) an access token from ${source} right after it was issued to replace a ` +
    "refused one, so refreshing again would not help; the provider does not refresh until " +
    `${new Date(until).toISOString()} (refusedTokenCooldownMs), since Zoho issues at most 10 access tokens ` +
    "per refresh token in 10 minutes. Check that the client calls the API domain of the data centre that " +
    "issued the token, that the grant was not revoked, and that nothing on the way strips the Authorization header.";
  return new ZohoAuthError({ message, dataCenter, accountsServer, oauthError: undefined, status: undefined });
}
