import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_REFRESH_TOKEN,
  type MockServer,
  startMock,
} from "../../src/index.js";
import { formatResetTime } from "../../src/oauth/access-tokens.js";
import { specExample, V2, V8 } from "../spec-examples.js";

const SEED = "/crm/v2/Leads/1000000231009/Attachments";
const START = Date.UTC(2030, 0, 1, 9, 30, 15, 250);
let now = START;
let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0, tokenTtlSeconds: 60, now: () => now });
});

afterAll(async () => {
  await mock.close();
});

async function refresh(): Promise<string> {
  const body = new URLSearchParams({
    grant_type: "refresh_token",
    client_id: DEFAULT_CLIENT_ID,
    client_secret: DEFAULT_CLIENT_SECRET,
    refresh_token: DEFAULT_REFRESH_TOKEN,
  });
  const res = await fetch(`${mock.url}/oauth/v2/token`, { method: "POST", body });
  return ((await res.json()) as { access_token: string }).access_token;
}

function list(token: string, path = SEED): Promise<Response> {
  return fetch(mock.url + path, { headers: { Authorization: `Zoho-oauthtoken ${token}` } });
}

describe("access tokens issued by the mock", () => {
  it("work until their TTL is over, then get 401 INVALID_TOKEN; a fresh token works again", async () => {
    now = START;
    const token = await refresh();
    const live = await list(token);
    expect(live.status).toBe(200);
    expect(await live.json()).toStrictEqual(specExample(V2, 200, "seedSample"));

    now = START + 59_999;
    expect((await list(token)).status).toBe(200);

    now = START + 60_000;
    const expired = await list(token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    expect(await expired.json()).toStrictEqual(specExample(V2, 401, "invalidToken"));
    expect(expired.headers.get("x-accesstoken-reset")).toBeNull();

    const fresh = await refresh();
    const again = await list(fresh);
    expect(again.status).toBe(200);
    await again.arrayBuffer();
  });

  it("carry X-ACCESSTOKEN-RESET: their expiry as ISO 8601 with an offset, on every API answer", async () => {
    now = START;
    const token = await refresh();
    const ok = await list(token);
    expect(ok.headers.get("x-accesstoken-reset")).toBe("2030-01-01T09:31:15+00:00");
    await ok.arrayBuffer();
    // Also on an error answer after authentication (here a missing `fields` on the current line).
    const bad = await list(token, "/crm/v8/Leads/1000000231009/Attachments");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("x-accesstoken-reset")).toBe("2030-01-01T09:31:15+00:00");
    expect(await bad.json()).toMatchObject({ code: "REQUIRED_PARAM_MISSING" });
  });

  it("expire on the current line too", async () => {
    now = START;
    const token = await refresh();
    now = START + 61_000;
    const res = await list(token, "/crm/v8/Leads/1000000231009/Attachments?fields=id");
    expect(res.status).toBe(401);
    expect(await res.json()).toStrictEqual(specExample(V8, 401, "invalidToken"));
  });

  it("a token that looks issued but is mangled is INVALID_TOKEN", async () => {
    const res = await list("1000.zcrm-mock.notanumber.abc");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "INVALID_TOKEN" });
  });
});

describe("tokens the mock did not issue", () => {
  it("keep working whatever the clock says, with the spec's example X-ACCESSTOKEN-RESET as before", async () => {
    now = START + 10 * 365 * 24 * 3600 * 1000;
    const res = await list("1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-accesstoken-reset")).toBe("2025-03-01T11:12:43+05:30");
    expect(await res.json()).toStrictEqual(specExample(V2, 200, "seedSample"));
  });
});

describe("formatResetTime", () => {
  it("writes ISO 8601 to the second with a numeric offset", () => {
    expect(formatResetTime(Date.UTC(2025, 2, 1, 5, 42, 43, 999))).toBe("2025-03-01T05:42:43+00:00");
  });
});
