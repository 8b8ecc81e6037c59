import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRefreshTokenProvider, FileTokenStore } from "../../src/index.js";
import { useTestServer } from "../helpers/http-server.js";
import { issueTokens, tokenRequests } from "../helpers/token-server.js";

const TOKEN = {
  accessToken: "1000.stored.token",
  expiresAt: Date.UTC(2030, 0, 1),
  apiDomain: "https://www.zohoapis.eu",
};
const posix = process.platform !== "win32";

const server = useTestServer();
let dir = "";

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "zcrm-token-store-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("FileTokenStore", () => {
  it("round-trips a token through a JSON file of mode 0600 and leaves no temporary file", async () => {
    const path = join(dir, "nested", "tokens.json");
    const store = new FileTokenStore(path);
    expect(await store.get("k1")).toBeUndefined();
    await store.set("k1", TOKEN);
    expect(await store.get("k1")).toEqual(TOKEN);
    expect(await new FileTokenStore(path).get("k1")).toEqual(TOKEN);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ k1: TOKEN });
    if (posix) expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, "nested"))).toEqual(["tokens.json"]);
    await store.delete("k1");
    expect(await store.get("k1")).toBeUndefined();
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({});
  });

  it("keeps every key when one process writes several at once", async () => {
    const store = new FileTokenStore(join(dir, "tokens.json"));
    await Promise.all(
      ["a", "b", "c", "d"].map((key, index) =>
        store.set(key, { ...TOKEN, accessToken: `1000.${key}`, expiresAt: index }),
      ),
    );
    expect(Object.keys(JSON.parse(await readFile(join(dir, "tokens.json"), "utf8"))).sort()).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });

  it.runIf(posix)("refuses a file others can read: drops its tokens and replaces it with a 0600 file", async () => {
    const path = join(dir, "tokens.json");
    await writeFile(path, JSON.stringify({ k1: TOKEN }));
    await chmod(path, 0o644);
    const store = new FileTokenStore(path);
    expect(await store.get("k1")).toBeUndefined();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({});
    await store.set("k2", TOKEN);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ k2: TOKEN });
  });

  it("treats a corrupt file as empty and replaces it on the next write", async () => {
    const path = join(dir, "tokens.json");
    await writeFile(path, '{"k1": {"accessToken": "1000.half', { mode: 0o600 });
    const store = new FileTokenStore(path);
    expect(await store.get("k1")).toBeUndefined();
    await store.set("k1", TOKEN);
    expect(await store.get("k1")).toEqual(TOKEN);
  });

  it("ignores entries that are not tokens", async () => {
    const path = join(dir, "tokens.json");
    const unsendable = { accessToken: "1000.has a space", expiresAt: TOKEN.expiresAt };
    await writeFile(path, JSON.stringify({ k1: { accessToken: 42 }, k2: "x", k3: unsendable }), { mode: 0o600 });
    const store = new FileTokenStore(path);
    expect(await store.get("k1")).toBeUndefined();
    expect(await store.get("k2")).toBeUndefined();
    expect(await store.get("k3")).toBeUndefined();
    expect(await store.get("toString")).toBeUndefined();
  });

  it("shows its path, never a token", async () => {
    const store = new FileTokenStore(join(dir, "tokens.json"));
    await store.set("k1", TOKEN);
    expect(inspect(store, { showHidden: true, depth: Infinity })).not.toContain(TOKEN.accessToken);
    expect(JSON.stringify(store)).toBe(JSON.stringify({ store: "file", path: join(dir, "tokens.json") }));
  });

  it("lets a provider in a later process start from the stored token", async () => {
    server.handle(issueTokens("file"));
    const path = join(dir, "tokens.json");
    const credentials = {
      clientId: "1000.ID",
      clientSecret: "secret",
      refreshToken: "1000.refresh",
      accountsServer: server.origin,
    };
    const first = createRefreshTokenProvider({ ...credentials, tokenStore: new FileTokenStore(path) });
    expect(await first.getAccessToken()).toBe("1000.file.1");
    const later = createRefreshTokenProvider({ ...credentials, tokenStore: new FileTokenStore(path) });
    expect(await later.getAccessToken()).toBe("1000.file.1");
    expect(tokenRequests(server.requests)).toHaveLength(1);
    const keys = Object.keys(JSON.parse(await readFile(path, "utf8")));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^zoho-oauth:[0-9a-f]{40}$/);
  });
});
