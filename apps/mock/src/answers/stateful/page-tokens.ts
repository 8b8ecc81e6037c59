/**
 * Page tokens (v7 and later) are opaque to clients. Here each one names a position in a record's
 * list by creation order rather than by index, so the next page continues after the last item
 * the client saw even when attachments were added or deleted in between. Tokens live in memory,
 * per mock; the oldest are forgotten beyond a cap.
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../../clock.js";

/** Where a token continues: the items older than `afterSeq`, or the page just newer than `beforeSeq`. */
export interface PageCursor {
  recordKey: string;
  direction: "next" | "previous";
  /** The creation number of the boundary item (the last one of a page for "next", the first for "previous"). */
  seq: number;
  perPage: number;
  /** The page number the token leads to. */
  page: number;
}

/** How long a token stays valid. Zoho documents no figure; clients read `page_token_expiry`. */
export const PAGE_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_TOKENS = 10_000;

/** Issues and resolves the page tokens of one mock. */
export class PageTokens {
  readonly #tokens = new Map<string, PageCursor & { expiresAt: number }>();
  readonly #now: Clock;

  constructor(now: Clock) {
    this.#now = now;
  }

  /** A new token for the cursor, and when it expires (epoch ms). */
  issue(cursor: PageCursor): { token: string; expiresAt: number } {
    const token = randomBytes(24).toString("hex");
    const expiresAt = this.#now() + PAGE_TOKEN_TTL_MS;
    this.#tokens.set(token, { ...cursor, expiresAt });
    if (this.#tokens.size > MAX_TOKENS) {
      const oldest = this.#tokens.keys().next().value;
      if (oldest !== undefined) this.#tokens.delete(oldest);
    }
    return { token, expiresAt };
  }

  /** The cursor of a token, or undefined when it is unknown, expired or was issued for another record. */
  resolve(token: string, recordKey: string): PageCursor | undefined {
    const cursor = this.#tokens.get(token);
    if (cursor === undefined || cursor.recordKey !== recordKey) return undefined;
    if (this.#now() >= cursor.expiresAt) {
      this.#tokens.delete(token);
      return undefined;
    }
    return cursor;
  }
}
