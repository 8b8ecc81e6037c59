/**
 * A token store in one JSON file, as an example of a persistent store (tokens survive restarts, and
 * processes on one machine share them). The file holds live access tokens, so it is written with mode
 * 0600 through a temporary file and a rename (readers never see half a file), and a file that others
 * can read or write is not trusted: its contents are ignored and it is replaced at once by an empty
 * file of mode 0600, which costs one refresh. Concurrent writers in different processes may drop each other's keys (last write wins);
 * use a database or Redis-backed store for that.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { asStoredToken, type StoredToken, type TokenStore } from "./token-store.js";

type Entries = Record<string, StoredToken>;

const PRIVATE = 0o600;
const GROUP_OR_OTHER = 0o077;

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ENOENT";
}

/** Keeps tokens in a JSON file readable by its owner only. */
export class FileTokenStore implements TokenStore {
  /** The file's path. */
  readonly path: string;
  // Writes from this process run one after another, so none is lost to another's read-modify-write.
  #queue: Promise<unknown> = Promise.resolve();

  /** Uses the file at `path` (created on the first write, with its folder, if missing). */
  constructor(path: string) {
    if (typeof path !== "string" || path === "") throw new TypeError("FileTokenStore needs the path of its file.");
    this.path = path;
  }

  /** Returns the token kept under `key`, if any. */
  async get(key: string): Promise<StoredToken | undefined> {
    const { entries, exposed } = await this.#read();
    if (exposed) {
      // Its tokens may have been read by others: drop them all, and the loose mode with them.
      await this.#update(() => undefined);
      return undefined;
    }
    return Object.hasOwn(entries, key) ? asStoredToken(entries[key]) : undefined;
  }

  /** Keeps `token` under `key`. */
  set(key: string, token: StoredToken): Promise<void> {
    return this.#update((entries) => {
      entries[key] = { accessToken: token.accessToken, expiresAt: token.expiresAt, apiDomain: token.apiDomain };
    });
  }

  /** Forgets the token under `key`. */
  delete(key: string): Promise<void> {
    return this.#update((entries) => {
      delete entries[key];
    });
  }

  /** Shows the path, never the tokens. */
  toJSON(): Record<string, unknown> {
    return { store: "file", path: this.path };
  }

  #update(change: (entries: Entries) => void): Promise<void> {
    const run = this.#queue.then(async () => {
      const { entries } = await this.#read();
      change(entries);
      await this.#write(entries);
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  // Reads the file; `exposed` when others may read or write it (its entries are then left out).
  async #read(): Promise<{ entries: Entries; exposed: boolean }> {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(this.path, "r");
    } catch (error) {
      if (isMissing(error)) return { entries: {}, exposed: false };
      throw error;
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new Error(`FileTokenStore: ${this.path} is not a regular file.`);
      // Modes mean little on Windows; elsewhere a file others can read may have leaked its tokens.
      if (process.platform !== "win32" && (stats.mode & GROUP_OR_OTHER) !== 0) return { entries: {}, exposed: true };
      const parsed: unknown = JSON.parse(await handle.readFile("utf8"));
      const entries =
        typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Entries) : {};
      return { entries, exposed: false };
    } catch (error) {
      // A half-written or hand-edited file is replaced by the next write rather than failing every call.
      if (error instanceof SyntaxError) return { entries: {}, exposed: false };
      throw error;
    } finally {
      await handle.close();
    }
  }

  async #write(entries: Entries): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      const handle = await open(temporary, "wx", PRIVATE);
      try {
        await handle.writeFile(`${JSON.stringify(entries, null, 2)}\n`, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
