import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_REFRESH_TOKEN,
  type MockServer,
  startMock,
} from "../../src/index.js";
import { SPEC_PATH, specExample, V2 } from "../spec-examples.js";

const AUTH = { Authorization: "Zoho-oauthtoken 1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf" };
const SEED = "/crm/v2/Leads/1000000231009/Attachments";
const REFRESH = new URLSearchParams({
  grant_type: "refresh_token",
  client_id: DEFAULT_CLIENT_ID,
  client_secret: DEFAULT_CLIENT_SECRET,
  refresh_token: DEFAULT_REFRESH_TOKEN,
}).toString();

let mock: MockServer;
const extra: MockServer[] = [];

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});

afterEach(() => {
  mock.faults.clear();
});

afterAll(async () => {
  await Promise.all([mock, ...extra].map((server) => server.close()));
});

async function statusOf(server: MockServer, path = SEED, init: RequestInit = {}): Promise<number> {
  const res = await fetch(server.url + path, { headers: AUTH, ...init });
  await res.arrayBuffer();
  return res.status;
}

async function control(method: string, path: string, body?: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${mock.url}/__zcrm-mock/${path}`, body === undefined ? { method } : { method, body });
  const text = await res.text();
  return { status: res.status, json: text === "" ? undefined : JSON.parse(text) };
}

describe("faults armed with startMock({ faults })", () => {
  it("hit the next matching API requests in order, then the mock answers normally", async () => {
    const server = await startMock({ port: 0, faults: ["unavailable;times=2", { kind: "rate-limit", retryAfter: 5 }] });
    extra.push(server);
    // Token requests are not API requests: the armed faults leave them alone by default.
    const token = await fetch(`${server.url}/oauth/v2/token?${REFRESH}`, { method: "POST" });
    expect(await token.json()).toMatchObject({ token_type: "Bearer" });
    expect(await statusOf(server)).toBe(503);
    expect(await statusOf(server)).toBe(503);
    const limited = await fetch(server.url + SEED, { headers: AUTH });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("5");
    expect(await limited.json()).toStrictEqual(specExample(V2, 429, "tooManyRequests"));
    expect(await statusOf(server)).toBe(200);
    expect(server.stats).toMatchObject({ faultsInjected: 3, requests: 5, tokenRequests: 1 });
  });

  it("refuse to start with a malformed fault, naming it", async () => {
    await expect(startMock({ port: 0, faults: ["slow;delay=soon"] })).rejects.toThrow(
      /startMock faults: fault 1 \("slow;delay=soon"\): delay must be a whole number/,
    );
    await expect(startMock({ port: 0, faults: [{ kind: "unavailable", key: "k" }] })).rejects.toThrow(
      /key is for the X-Zcrm-Mock-Fault header only/,
    );
  });
});

describe("mock.faults", () => {
  it("arms faults that match a path prefix and a method", async () => {
    mock.faults.arm({ kind: "unavailable", path: "/oauth/v2/token" }, "rate-limit;method=delete");
    expect(await statusOf(mock)).toBe(200);
    expect(await statusOf(mock, SEED, { method: "DELETE" })).toBe(429);
    const token = await fetch(`${mock.url}/oauth/v2/token?${REFRESH}`, { method: "POST" });
    expect(token.status).toBe(503);
    expect(await token.json()).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    expect(mock.faults.state().armed).toStrictEqual([]);
  });

  it("lists what is armed and clears it", () => {
    mock.faults.arm("unavailable;times=4");
    expect(mock.faults.state().armed).toStrictEqual([
      {
        fault: {
          kind: "unavailable",
          times: 4,
          key: undefined,
          path: "/crm/",
          method: undefined,
          delay: 0,
          bodyDelay: 0,
          chunk: 64,
          after: undefined,
          retryAfter: undefined,
        },
        remaining: 4,
      },
    ]);
    mock.faults.clear();
    expect(mock.faults.state()).toStrictEqual({ armed: [], bursts: {} });
  });

  it("arms nothing when one fault of several is malformed", () => {
    expect(() => mock.faults.arm("unavailable", "nope")).toThrow(/faults\.arm: fault 2 \("nope"\): unknown fault kind/);
    expect(mock.faults.state().armed).toStrictEqual([]);
  });

  it("leaves a request's own header fault first", async () => {
    mock.faults.arm("rate-limit");
    const res = await fetch(mock.url + SEED, { headers: { ...AUTH, "X-Zcrm-Mock-Fault": "unavailable" } });
    expect(res.status).toBe(503);
    await res.arrayBuffer();
    expect(await statusOf(mock)).toBe(429);
  });
});

describe("control endpoints", () => {
  it("POST /__zcrm-mock/faults arms faults from JSON, GET lists them, DELETE clears them", async () => {
    const armed = await control(
      "POST",
      "faults",
      JSON.stringify({ faults: ["unavailable", { kind: "rate-limit", times: 2 }] }),
    );
    expect(armed.status).toBe(200);
    expect(armed.json).toMatchObject({
      armed: [
        { fault: { kind: "unavailable" }, remaining: 1 },
        { fault: { kind: "rate-limit" }, remaining: 2 },
      ],
    });
    expect(await statusOf(mock)).toBe(503);
    expect(await statusOf(mock)).toBe(429);
    expect((await control("GET", "faults")).json).toMatchObject({
      armed: [{ fault: { kind: "rate-limit" }, remaining: 1 }],
    });
    expect((await control("DELETE", "faults")).status).toBe(204);
    expect(await statusOf(mock)).toBe(200);
  });

  it("POST /__zcrm-mock/faults takes plain text, one fault per line (curl -d)", async () => {
    const res = await fetch(`${mock.url}/__zcrm-mock/faults`, {
      method: "POST",
      body: "unavailable;times=2\ntruncate;after=5\n",
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(mock.faults.state().armed.map((entry) => entry.fault.kind)).toStrictEqual(["unavailable", "truncate"]);
  });

  it("refuses a malformed fault with 400 and arms nothing", async () => {
    const res = await control("POST", "faults", JSON.stringify(["unavailable", { kind: "slow", after: 3 }]));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      type: "urn:zcrm-attachments:mock:INVALID_FAULT",
      detail: expect.stringMatching(/fault 2 .*after does not apply to slow/),
    });
    expect(mock.faults.state().armed).toStrictEqual([]);
  });

  it("GET /__zcrm-mock/stats reads the counters and DELETE resets them", async () => {
    const server = await startMock({ port: 0 });
    extra.push(server);
    await statusOf(server);
    await fetch(`${server.url}/oauth/v2/token?${REFRESH}`, { method: "POST" }).then((res) => res.arrayBuffer());
    const stats = await fetch(`${server.url}/__zcrm-mock/stats`);
    // Control requests are not counted.
    expect(await stats.json()).toStrictEqual({ requests: 2, tokenRequests: 1, tokensIssued: 1, faultsInjected: 0 });
    expect((await fetch(`${server.url}/__zcrm-mock/stats`, { method: "DELETE" })).status).toBe(204);
    expect(server.stats).toStrictEqual({ requests: 0, tokenRequests: 0, tokensIssued: 0, faultsInjected: 0 });
  });

  it("answers an unknown control path with 404 and a wrong method with 405", async () => {
    expect((await control("GET", "nope")).status).toBe(404);
    const res = await fetch(`${mock.url}/__zcrm-mock/stats`, { method: "PUT" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, DELETE");
    await res.arrayBuffer();
  });

  it("are never hit by armed faults", async () => {
    mock.faults.arm({ kind: "unavailable", path: "/", times: 5 });
    expect((await control("GET", "stats")).status).toBe(200);
    expect(mock.faults.state().armed[0]?.remaining).toBe(5);
  });
});

describe("a spec without the 429 and 503 examples", () => {
  it("still gets Zoho-shaped bodies with Zoho's codes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zcrm-mock-faults-"));
    try {
      const path = join(dir, "openapi.json");
      const spec = readFileSync(SPEC_PATH, "utf8")
        .replaceAll('"tooManyRequests"', '"other429"')
        .replaceAll('"serviceUnavailable"', '"other503"');
      writeFileSync(path, spec);
      const server = await startMock({ port: 0, specPath: path, faults: ["rate-limit", "unavailable"] });
      extra.push(server);
      const limited = await fetch(server.url + SEED, { headers: AUTH });
      expect(limited.status).toBe(429);
      expect(await limited.json()).toStrictEqual({
        code: "TOO_MANY_REQUESTS",
        details: {},
        message: "too many requests; try again later",
        status: "error",
      });
      const down = await fetch(server.url + SEED, { headers: AUTH });
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ code: "SERVICE_UNAVAILABLE", details: {}, status: "error" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
