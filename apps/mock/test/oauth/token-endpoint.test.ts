import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_REFRESH_TOKEN,
  ISSUED_TOKEN_PREFIX,
  type MockServer,
  startMock,
} from "../../src/index.js";

const GOOD = {
  grant_type: "refresh_token",
  client_id: DEFAULT_CLIENT_ID,
  client_secret: DEFAULT_CLIENT_SECRET,
  refresh_token: DEFAULT_REFRESH_TOKEN,
};
const ZOHO_JSON = "application/json;charset=UTF-8";

let mock: MockServer;
let legacy: MockServer;

beforeAll(async () => {
  [mock, legacy] = await Promise.all([
    startMock({ port: 0, tokenTtlSeconds: 120 }),
    startMock({
      port: 0,
      legacyTokenUnits: true,
      clientId: "1000.OTHER",
      clientSecret: "s3cr3t-value",
      refreshToken: "1000.r3fr3sh",
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([mock.close(), legacy.close()]);
});

async function token(server: MockServer, init: RequestInit & { query?: Record<string, string> } = {}) {
  const query = init.query === undefined ? "" : `?${new URLSearchParams(init.query)}`;
  const res = await fetch(`${server.url}/oauth/v2/token${query}`, { method: "POST", ...init });
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe("POST /oauth/v2/token", () => {
  it("refreshes with the parameters in the query string, answering like Zoho's accounts server", async () => {
    const res = await token(mock, { query: GOOD });
    expect(res.status).toBe(200);
    expect(res.type).toBe(ZOHO_JSON);
    expect(Object.keys(res.body)).toStrictEqual(["access_token", "api_domain", "token_type", "expires_in"]);
    expect(res.body).toMatchObject({ api_domain: mock.url, token_type: "Bearer", expires_in: 120 });
    expect(res.body.access_token).toMatch(
      new RegExp(`^${ISSUED_TOKEN_PREFIX.replace(/\./g, "\\.")}\\d+\\.[0-9a-f]{32}$`),
    );
  });

  it("takes an urlencoded body", async () => {
    const res = await token(mock, { body: new URLSearchParams(GOOD) });
    expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 120 });
  });

  it("takes a multipart form body", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(GOOD)) form.append(name, value);
    const res = await token(mock, { body: form });
    expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 120 });
  });

  it("takes the client credentials from a Basic header", async () => {
    const basic = Buffer.from(`${DEFAULT_CLIENT_ID}:${DEFAULT_CLIENT_SECRET}`).toString("base64");
    const res = await token(mock, {
      headers: { Authorization: `Basic ${basic}` },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: DEFAULT_REFRESH_TOKEN }),
    });
    expect(res.body).toMatchObject({ token_type: "Bearer" });
  });

  it("issues a different token each time", async () => {
    const [a, b] = await Promise.all([token(mock, { query: GOOD }), token(mock, { query: GOOD })]);
    expect(a.body.access_token).not.toBe(b.body.access_token);
  });

  it("answers expires_in in milliseconds plus expires_in_sec with the legacy switch", async () => {
    const res = await token(legacy, {
      query: {
        grant_type: "refresh_token",
        client_id: "1000.OTHER",
        client_secret: "s3cr3t-value",
        refresh_token: "1000.r3fr3sh",
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      expires_in_sec: 3600,
      expires_in: 3_600_000,
      api_domain: legacy.url,
      token_type: "Bearer",
    });
  });

  it.each([
    ["a wrong client id", { client_id: "1000.WRONG" }, "invalid_client"],
    ["a wrong client secret", { client_secret: "wrong" }, "invalid_client"],
    ["a missing client secret", { client_secret: undefined }, "invalid_client"],
    ["a wrong refresh token", { refresh_token: "1000.wrong" }, "invalid_code"],
    ["a missing refresh token", { refresh_token: undefined }, "invalid_code"],
    ["a missing grant_type", { grant_type: undefined }, "invalid_request"],
    ["the authorization_code grant", { grant_type: "authorization_code" }, "unsupported_grant_type"],
  ])("answers %s with 200 and {error: %s}", async (_, change, error) => {
    const params = Object.fromEntries(
      Object.entries({ ...GOOD, ...change }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const res = await token(mock, { body: new URLSearchParams(params) });
    expect(res.status).toBe(200);
    expect(res.type).toBe(ZOHO_JSON);
    expect(res.body).toStrictEqual({ error });
  });

  it("the default credentials do not work on a mock configured with others", async () => {
    expect((await token(legacy, { query: GOOD })).body).toStrictEqual({ error: "invalid_client" });
  });

  it("refuses GET with 405", async () => {
    const res = await fetch(`${mock.url}/oauth/v2/token`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    await res.arrayBuffer();
  });

  it("answers another method in the accounts server's shape, not a problem document", async () => {
    const res = await fetch(`${mock.url}/oauth/v2/token`, { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("content-type")).toBe(ZOHO_JSON);
    expect(await res.json()).toStrictEqual({ error: "invalid_request" });
  });

  it("answers a multipart body without a boundary with invalid_request", async () => {
    const res = await token(mock, { headers: { "Content-Type": "multipart/form-data" }, body: "x" });
    expect(res.body).toStrictEqual({ error: "invalid_request" });
  });
});

describe("token request count", () => {
  it("counts every request to the token endpoint, good or bad, and the tokens issued", async () => {
    const server = await startMock({ port: 0 });
    try {
      await Promise.all([
        token(server, { query: GOOD }),
        token(server, { query: GOOD }),
        token(server, { query: { ...GOOD, refresh_token: "x" } }),
      ]);
      expect(server.stats.tokenRequests).toBe(3);
      expect(server.stats.tokensIssued).toBe(2);
      const viaHttp = (await (await fetch(`${server.url}/__zcrm-mock/stats`)).json()) as Record<string, number>;
      expect(viaHttp).toMatchObject({ tokenRequests: 3, tokensIssued: 2 });
      server.resetStats();
      expect(server.stats.tokenRequests).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe("secrets", () => {
  it("keeps the configured secret and refresh token out of the MockServer object and out of error answers", async () => {
    const shown = `${inspect(legacy, { depth: 10 })} ${JSON.stringify(legacy)} ${JSON.stringify(legacy.faults.state())}`;
    expect(shown).not.toContain("s3cr3t-value");
    expect(shown).not.toContain("1000.r3fr3sh");
    const res = await token(legacy, { query: { ...GOOD, client_secret: "s3cr3t-value" } });
    expect(JSON.stringify(res.body)).not.toContain("s3cr3t");
  });

  it("refuses an empty secret without echoing the others", async () => {
    await expect(startMock({ port: 0, clientSecret: "", refreshToken: "1000.hidden" })).rejects.toThrow(
      /^clientSecret must not be empty\.$/,
    );
  });
});
