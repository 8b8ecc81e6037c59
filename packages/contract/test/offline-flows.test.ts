/**
 * The client's production layers against the real mock, end to end and offline: the refresh flow
 * through the mock's accounts endpoint, expiry into 401 INVALID_TOKEN, and the mock's fault switches
 * met by the client's retries. Both clocks are injected, so nothing here waits for real time.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAttachmentsClient, createRefreshTokenProvider, ZohoNetworkError } from "@zcrm-attachments/client";
import { type MockServer, startMock } from "@zcrm-attachments/mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const RECORD = "1000000231009";
const FIELDS = { fields: ["id", "File_Name"] };
let now = Date.UTC(2026, 10, 22, 12, 0, 0);
const waits: number[] = [];
// The client's clock: reads the shared time and records every wait instead of sleeping.
const clock = {
  now: () => now,
  sleep: async (ms: number) => {
    waits.push(ms);
  },
  random: () => 0.5,
};

let mock: MockServer;
let dir: string;

beforeAll(async () => {
  mock = await startMock({ port: 0, tokenTtlSeconds: 3600, now: () => now });
  dir = await mkdtemp(join(tmpdir(), "zcrm-offline-"));
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  mock.faults.clear();
  mock.resetStats();
  waits.length = 0;
});

function provider(providerNow: () => number = () => now) {
  return createRefreshTokenProvider({
    accountsServer: mock.url,
    clientId: "1000.MOCKCLIENT",
    clientSecret: "mock-client-secret",
    refreshToken: "1000.mock-refresh-token",
    now: providerNow,
  });
}

function client(retry: { maxRetries: number } | false = { maxRetries: 3 }, tokens = provider()) {
  return createAttachmentsClient({ apiDomain: mock.url, accessToken: tokens, retry, clock, maxConcurrency: 10 });
}

describe("the refresh flow against the mock's accounts endpoint", () => {
  it("serves 50 concurrent calls with one token request, then refreshes once after the token expires", async () => {
    const zoho = client();
    const pages = await Promise.all(Array.from({ length: 50 }, () => zoho.listAttachments("Leads", RECORD, FIELDS)));
    expect(pages.map((page) => page.status)).toEqual(Array(50).fill(200));
    expect(mock.stats.tokenRequests).toBe(1);

    now += 2 * 3600 * 1000; // both the mock and the provider see the token expire
    const page = await zoho.listAttachments("Leads", RECORD, FIELDS);
    expect(page.status).toBe(200);
    expect(mock.stats.tokenRequests).toBe(2);
  });

  it("replays a call that met 401 INVALID_TOKEN with a fresh token, once", async () => {
    const issuedAt = now;
    // The provider's clock stands still, so only the mock knows the token expired: the 401 tells it.
    const zoho = client(
      { maxRetries: 3 },
      provider(() => issuedAt),
    );
    await zoho.listAttachments("Leads", RECORD, FIELDS);
    now += 2 * 3600 * 1000;
    mock.resetStats();
    const page = await zoho.listAttachments("Leads", RECORD, FIELDS);
    expect(page.status).toBe(200);
    expect(mock.stats.tokenRequests).toBe(1);
    expect(mock.stats.requests).toBe(3); // the 401, the token request, the replay
  });
});

describe("the mock's fault switches against the client's retries", () => {
  it("waits out a 429 with Retry-After and succeeds", async () => {
    mock.faults.arm("rate-limit;retry-after=2");
    const page = await client().listAttachments("Leads", RECORD, FIELDS);
    expect(page.status).toBe(200);
    expect(waits).toEqual([2000]);
  });

  it("gets through three 503s on the fourth attempt", async () => {
    mock.faults.arm("unavailable;times=3");
    const page = await client().listAttachments("Leads", RECORD, FIELDS);
    expect(page.status).toBe(200);
    expect(waits).toHaveLength(3);
    expect(mock.stats.faultsInjected).toBe(3);
  });

  it("turns a reset mid-download into a typed error and leaves no file behind", async () => {
    mock.faults.arm("reset;path=/crm/v8/Leads/1000000231009/Attachments/");
    const target = join(dir, "cut.pdf");
    const error = await client(false)
      .downloadAttachmentTo("Leads", RECORD, "4150868000002728012", target)
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(await readdir(dir)).toEqual([]);
  });
});
