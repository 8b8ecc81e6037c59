import { describe, expect, it } from "vitest";
import {
  createAttachmentsClient,
  createRefreshTokenProvider,
  MemoryTokenStore,
  type StoredToken,
  type TokenStore,
  ZohoInputError,
  type ZohoLogEvent,
} from "../../src/index.js";
import { fakeClock } from "../helpers/fake-clock.js";
import { type SeenRequest, useTestServer } from "../helpers/http-server.js";
import { successExample } from "../helpers/spec-examples.js";
import { issueTokens, tokenRequests } from "../helpers/token-server.js";

const RECORD = "4150868000002728001";
const CREDENTIALS = {
  clientId: "1000.CLIENTID",
  clientSecret: "client-secret-value",
  refreshToken: "1000.refresh.value",
};
const page = successExample("current");

const server = useTestServer();

// One loopback server plays both parts: accounts server (/oauth/v2/token) and CRM API (everything else).
function serve(
  issue: (
    request: SeenRequest,
  ) => ReturnType<ReturnType<typeof issueTokens>> | Promise<ReturnType<ReturnType<typeof issueTokens>>>,
): void {
  server.handle((request) => (request.path === "/oauth/v2/token" ? issue(request) : { status: 200, json: page }));
}

function apiRequests(): SeenRequest[] {
  return server.requests.filter((request) => request.path !== "/oauth/v2/token");
}

// A store that starts out holding an expired token for whatever key it is asked.
function expiredStore(now: number): TokenStore & { writes: StoredToken[] } {
  const writes: StoredToken[] = [];
  return {
    writes,
    get: () => writes.at(-1) ?? { accessToken: "1000.expired.0", expiresAt: now - 1000 },
    set: (_key, token) => {
      writes.push(token);
    },
    delete: () => undefined,
  };
}

describe("refreshing", () => {
  it("posts the refresh grant as a form to {accounts server}/oauth/v2/token and caches the token", async () => {
    serve(issueTokens("a"));
    const tokens = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin });
    expect(await tokens.getAccessToken()).toBe("1000.a.1");
    expect(await tokens.getAccessToken()).toBe("1000.a.1");
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(tokenRequests(server.requests)).toEqual([
      {
        grant_type: "refresh_token",
        client_id: CREDENTIALS.clientId,
        client_secret: CREDENTIALS.clientSecret,
        refresh_token: CREDENTIALS.refreshToken,
      },
    ]);
  });

  it("asks the data centre's accounts server", async () => {
    serve(issueTokens("dc"));
    const asked: string[] = [];
    const tokens = createRefreshTokenProvider({
      ...CREDENTIALS,
      dataCenter: "EU",
      fetch: (input, init) => {
        asked.push(String(input));
        return fetch(`${server.origin}/oauth/v2/token`, init);
      },
    });
    await tokens.getAccessToken();
    expect(asked).toEqual(["https://accounts.zoho.eu/oauth/v2/token"]);
    expect(JSON.parse(JSON.stringify(tokens))).toEqual({
      dataCenter: "EU",
      accountsServer: "https://accounts.zoho.eu",
    });
  });

  it("makes exactly one token request for 50 concurrent calls on an expired token, and all 50 succeed", async () => {
    const issue = issueTokens("burst");
    // The accounts server is slow, so all 50 calls are waiting while the refresh is in flight.
    serve(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return issue(request);
    });
    const clock = fakeClock();
    const store = expiredStore(clock.now());
    const tokens = createRefreshTokenProvider({
      ...CREDENTIALS,
      accountsServer: server.origin,
      tokenStore: store,
      now: clock.now,
    });
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: tokens, maxConcurrency: 50 });
    const pages = await Promise.all(
      Array.from({ length: 50 }, () => zoho.listAttachments("Leads", RECORD, { fields: ["id"] })),
    );
    expect(pages.map((result) => result.status)).toEqual(Array(50).fill(200));
    expect(tokenRequests(server.requests)).toHaveLength(1);
    expect(new Set(apiRequests().map((request) => request.headers.authorization))).toEqual(
      new Set(["Zoho-oauthtoken 1000.burst.1"]),
    );
    expect(store.writes.map((write) => write.accessToken)).toEqual(["1000.burst.1"]);
  });

  it("refreshes ahead of expiry, refreshMarginMs before it", async () => {
    serve(issueTokens("margin"));
    const clock = fakeClock();
    const tokens = createRefreshTokenProvider({
      ...CREDENTIALS,
      accountsServer: server.origin,
      now: clock.now,
      refreshMarginMs: 60_000,
    });
    expect(await tokens.getAccessToken()).toBe("1000.margin.1");
    clock.advance(3_600_000 - 61_000);
    expect(await tokens.getAccessToken()).toBe("1000.margin.1");
    clock.advance(2_000);
    expect(await tokens.getAccessToken()).toBe("1000.margin.2");
    expect(tokenRequests(server.requests)).toHaveLength(2);
  });

  it("reads expires_in as milliseconds when expires_in_sec is present", async () => {
    serve(issueTokens("legacy", { expires_in: 3_600_000, expires_in_sec: 3600 }));
    const clock = fakeClock();
    const tokens = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin, now: clock.now });
    await tokens.getAccessToken();
    clock.advance(3_541_000);
    expect(await tokens.getAccessToken()).toBe("1000.legacy.2");
  });

  it("does not refresh on every call when the lifetime is shorter than the margin", async () => {
    serve(issueTokens("short", { expires_in: 30 }));
    const clock = fakeClock();
    const tokens = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin, now: clock.now });
    await tokens.getAccessToken();
    clock.advance(10_000);
    expect(await tokens.getAccessToken()).toBe("1000.short.1");
    clock.advance(6_000);
    expect(await tokens.getAccessToken()).toBe("1000.short.2");
  });

  it("uses a token another provider with the same identity left in a shared store", async () => {
    serve(issueTokens("shared"));
    const tokenStore = new MemoryTokenStore();
    const first = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin, tokenStore });
    const second = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin, tokenStore });
    expect(await first.getAccessToken()).toBe("1000.shared.1");
    expect(await second.getAccessToken()).toBe("1000.shared.1");
    expect(tokenRequests(server.requests)).toHaveLength(1);
  });

  it("goes on with the token in memory when the store fails, and reports it", async () => {
    serve(issueTokens("nostore"));
    const events: ZohoLogEvent[] = [];
    const broken: TokenStore = {
      get: () => Promise.reject(Object.assign(new Error("disk gone"), { code: "EIO" })),
      set: () => Promise.reject(new Error("disk gone")),
      delete: () => undefined,
    };
    const tokens = createRefreshTokenProvider({
      ...CREDENTIALS,
      accountsServer: server.origin,
      tokenStore: broken,
      logger: (event) => events.push(event),
    });
    expect(await tokens.getAccessToken()).toBe("1000.nostore.1");
    expect(await tokens.getAccessToken()).toBe("1000.nostore.1");
    expect(events.filter((event) => event.type === "token-store")).toEqual([
      { type: "token-store", operation: "get", error: "Error EIO" },
      { type: "token-store", operation: "set", error: "Error" },
    ]);
  });
});

describe("two providers", () => {
  it("never share tokens, even with one shared store and interleaved calls", async () => {
    server.handle((request) => {
      if (request.path !== "/oauth/v2/token") return { status: 200, json: page };
      const form = new URLSearchParams(request.body);
      return { status: 200, json: { access_token: `1000.${form.get("client_id") ?? ""}.token`, expires_in: 3600 } };
    });
    const tokenStore = new MemoryTokenStore();
    const orgA = createRefreshTokenProvider({
      clientId: "orgA",
      clientSecret: "s-a",
      refreshToken: "r-a",
      accountsServer: server.origin,
      tokenStore,
    });
    const orgB = createRefreshTokenProvider({
      clientId: "orgB",
      clientSecret: "s-b",
      refreshToken: "r-b",
      accountsServer: server.origin,
      tokenStore,
    });
    const a = createAttachmentsClient({ apiDomain: server.origin, accessToken: orgA });
    const b = createAttachmentsClient({ apiDomain: server.origin, accessToken: orgB });
    await Promise.all(
      [1, 2, 3, 4].map((n) => (n % 2 === 0 ? a : b).listAttachments("Leads", String(n), { fields: ["id"] })),
    );
    const byRecord = Object.fromEntries(
      apiRequests().map((request) => [request.path.split("/")[4], request.headers.authorization]),
    );
    expect(byRecord).toEqual({
      "1": "Zoho-oauthtoken 1000.orgB.token",
      "2": "Zoho-oauthtoken 1000.orgA.token",
      "3": "Zoho-oauthtoken 1000.orgB.token",
      "4": "Zoho-oauthtoken 1000.orgA.token",
    });
    expect(JSON.stringify(tokenStore)).toBe('{"store":"memory","size":2}');
  });
});

describe("api_domain", () => {
  it("is adopted when the client names no location", async () => {
    serve(issueTokens("adopt", { api_domain: server.origin }));
    const tokens = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin });
    const zoho = createAttachmentsClient({ accessToken: tokens });
    expect(zoho.apiDomain).toBe("https://www.zohoapis.com");
    const result = await zoho.listAttachments("Leads", RECORD, { fields: ["id"] });
    expect(result.status).toBe(200);
    expect(zoho.apiDomain).toBe(server.origin);
    expect(apiRequests().map((request) => request.url)).toEqual([`/crm/v8/Leads/${RECORD}/Attachments?fields=id`]);
  });

  it("is ignored when the client names apiDomain or dataCenter", async () => {
    serve(issueTokens("ignored", { api_domain: "https://www.zohoapis.com.au" }));
    const tokens = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin });
    const asked: string[] = [];
    const recording = (input: string | URL | Request, init?: RequestInit) => {
      asked.push(String(input));
      return fetch(`${server.origin}/crm/v8/Leads/${RECORD}/Attachments`, init);
    };
    await createAttachmentsClient({ dataCenter: "EU", accessToken: tokens, fetch: recording }).listAttachments(
      "Leads",
      RECORD,
      { fields: ["id"] },
    );
    await createAttachmentsClient({ apiDomain: server.origin, accessToken: tokens }).listAttachments("Leads", RECORD, {
      fields: ["id"],
    });
    expect(asked).toEqual([`https://www.zohoapis.eu/crm/v8/Leads/${RECORD}/Attachments?fields=id`]);
    expect(apiRequests().map((request) => request.path)).toEqual([
      `/crm/v8/Leads/${RECORD}/Attachments`,
      `/crm/v8/Leads/${RECORD}/Attachments`,
    ]);
  });
});

describe("option checks", () => {
  it.each(["clientId", "clientSecret", "refreshToken"])("refuses a missing %s without quoting anything", (name) => {
    const options: Record<string, unknown> = { ...CREDENTIALS, [name]: "" };
    expect(() => createRefreshTokenProvider(options as never)).toThrow(ZohoInputError);
    expect(() => createRefreshTokenProvider(options as never)).toThrow(
      new RegExp(`^${name} must be a non-empty string`),
    );
  });

  it("refuses an unknown data centre, a bad accounts server and an unknown option", () => {
    expect(() => createRefreshTokenProvider({ ...CREDENTIALS, dataCenter: "UK" as never })).toThrow(
      /dataCenter must be one of/,
    );
    expect(() => createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: "accounts.zoho.eu" })).toThrow(
      /accountsServer must be an http\(s\) origin/,
    );
    expect(() => createRefreshTokenProvider({ ...CREDENTIALS, refresh_token: "x" } as never)).toThrow(
      /Unknown option "refresh_token"/,
    );
  });

  it("sends nothing until a token is needed", () => {
    const tokens = createRefreshTokenProvider({ ...CREDENTIALS, accountsServer: server.origin });
    createAttachmentsClient({ accessToken: tokens });
    expect(server.requests).toHaveLength(0);
  });
});
