import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoApiError, ZohoNetworkError } from "../../src/index.js";
import { send } from "../../src/pipeline/send.js";
import { fakeClock } from "../helpers/fake-clock.js";
import { type Reply, refusedOrigin, useTestServer } from "../helpers/http-server.js";
import { pipelineFor } from "../helpers/pipeline.js";
import { successExample } from "../helpers/spec-examples.js";

const TOKEN = "1000.retry-test.token";
const RECORD = "4150868000002728001";
const page = successExample("current");
const busy = { code: "TOO_MANY_REQUESTS", details: {}, message: "too many concurrent requests", status: "error" };

const server = useTestServer();

// Answers the given replies in order, then 200 with the sample page.
function sequence(...replies: Reply[]): void {
  let index = 0;
  server.handle(() => replies[index++] ?? { status: 200, json: page });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

function client(options: Record<string, unknown> = {}) {
  return createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, ...options });
}

describe("retries of idempotent calls", () => {
  it("waits out a 429's Retry-After (seconds), then succeeds", async () => {
    sequence({ status: 429, json: busy, headers: { "Retry-After": "7" } });
    const clock = fakeClock();
    const result = await client({ clock }).listAttachments("Leads", RECORD, { fields: ["id"] });
    expect(result.status).toBe(200);
    expect(result.data).toEqual(page.data);
    expect(clock.sleeps).toEqual([7000]);
    expect(server.requests).toHaveLength(2);
  });

  it("reads Retry-After as an HTTP date relative to the clock", async () => {
    const clock = fakeClock();
    sequence({ status: 503, headers: { "Retry-After": new Date(clock.now() + 12_000).toUTCString() } });
    await client({ clock }).listAttachments("Leads", RECORD, { fields: ["id"] });
    expect(clock.sleeps).toEqual([12_000]);
  });

  it("gets through three 503s with maxRetries 3, backing off exponentially", async () => {
    sequence({ status: 503 }, { status: 503 }, { status: 503 });
    const clock = fakeClock(undefined, 0.5);
    const result = await client({
      clock,
      retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 10_000 },
    }).listAttachments("Leads", RECORD, {
      fields: ["id"],
    });
    expect(result.status).toBe(200);
    expect(server.requests).toHaveLength(4);
    // Equal jitter with random() = 0.5: three quarters of 100, 200, 400.
    expect(clock.sleeps).toEqual([75, 150, 300]);
  });

  it("surfaces the fourth 503 as a ZohoApiError that counts the retries", async () => {
    sequence({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const clock = fakeClock();
    const error = await failure(
      client({ clock, retry: { maxRetries: 3 } }).listAttachments("Leads", RECORD, { fields: ["id"] }),
    );
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 503, code: "HTTP_503", retries: 3 });
    expect((error as ZohoApiError).message).toContain("after 3 retries");
    expect(server.requests).toHaveLength(4);
  });

  it("keeps every wait within maxDelayMs", async () => {
    sequence({ status: 502 }, { status: 504 }, { status: 502 });
    const clock = fakeClock(undefined, 0.999);
    await client({ clock, retry: { maxRetries: 3, baseDelayMs: 400, maxDelayMs: 1000 } }).listAttachments(
      "Leads",
      RECORD,
      { fields: ["id"] },
    );
    expect(clock.sleeps).toHaveLength(3);
    for (const delay of clock.sleeps) expect(delay).toBeLessThanOrEqual(1000);
    expect(clock.sleeps[2]).toBeGreaterThanOrEqual(500);
  });

  it("does not wait for a Retry-After beyond maxDelayMs: the 429 surfaces with retryAfterMs", async () => {
    sequence({ status: 429, json: busy, headers: { "Retry-After": "120" } });
    const clock = fakeClock();
    const error = await failure(
      client({ clock, retry: { maxDelayMs: 30_000 } }).listAttachments("Leads", RECORD, { fields: ["id"] }),
    );
    expect(error).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS", retries: 0, retryAfterMs: 120_000 });
    expect((error as ZohoApiError).meta.retryAfterMs).toBe(120_000);
    expect(clock.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a refused connection for a GET, then reports it with the retry count", async () => {
    const clock = fakeClock();
    const zoho = createAttachmentsClient({ apiDomain: await refusedOrigin(), accessToken: TOKEN, clock });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(error).toMatchObject({ kind: "network", retries: 2 });
    expect(clock.sleeps).toHaveLength(2);
  });

  it.each([
    ["retry: false", { retry: false }],
    ["maxRetries: 0", { retry: { maxRetries: 0 } }],
  ])("does not retry with %s", async (_label, options) => {
    sequence({ status: 503 });
    const clock = fakeClock();
    const error = await failure(client({ clock, ...options }).listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toMatchObject({ status: 503, retries: 0 });
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a 500 or a 400", async () => {
    for (const status of [500, 400]) {
      server.reset();
      sequence({ status, json: { code: "INTERNAL_ERROR", details: {}, message: "x", status: "error" } });
      const error = await failure(client({ clock: fakeClock() }).listAttachments("Leads", RECORD, { fields: ["id"] }));
      expect(error).toMatchObject({ status, retries: 0 });
      expect(server.requests).toHaveLength(1);
    }
  });

  it("gives up waiting when the caller aborts during a backoff", async () => {
    sequence({ status: 503 });
    const controller = new AbortController();
    const clock = {
      ...fakeClock(),
      sleep: (_ms: number, signal?: AbortSignal) => {
        controller.abort();
        return Promise.reject(signal?.reason);
      },
    };
    const error = await failure(
      client({ clock }).listAttachments("Leads", RECORD, { fields: ["id"], signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(error).toMatchObject({ kind: "aborted" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("client.raw", () => {
  it("goes through the same retries, and hands openapi-fetch the final response", async () => {
    sequence({ status: 503 }, { status: 429, json: busy, headers: { "Retry-After": "2" } });
    const clock = fakeClock();
    const { data, response } = await client({ clock }).raw.GET("/crm/v8/{module}/{record_id}/Attachments", {
      params: { path: { module: "Leads", record_id: RECORD }, query: { fields: "id" } },
    });
    expect(response.status).toBe(200);
    expect(data?.data).toEqual(page.data);
    expect(clock.sleeps).toEqual([375, 2000]);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(
      Array(3).fill(`Zoho-oauthtoken ${TOKEN}`),
    );
  });

  it("returns a non-2xx body openapi-fetch can still read as `error`", async () => {
    sequence({ status: 400, json: { code: "INVALID_DATA", details: {}, message: "bad", status: "error" } });
    const { error, response } = await client().raw.GET("/crm/v8/{module}/{record_id}/Attachments", {
      params: { path: { module: "Leads", record_id: RECORD }, query: { fields: "id" } },
    });
    expect(response.status).toBe(400);
    expect(error).toEqual({ code: "INVALID_DATA", details: {}, message: "bad", status: "error" });
  });
});

describe("retries of a POST", () => {
  const body = JSON.stringify({ data: [{ File_Name: "a.txt" }] });
  const post = (replayable: boolean, calls: { count: number }) => ({
    method: "POST" as const,
    url: `/crm/v8/Leads/${RECORD}/Attachments`,
    headers: { "Content-Type": "application/json" },
    body: () => {
      calls.count++;
      return replayable ? body : new Blob([body]).stream();
    },
    replayable,
    idempotent: false,
  });

  it("never retries a 500", async () => {
    sequence({ status: 500, json: { code: "INTERNAL_ERROR", details: {}, message: "x", status: "error" } });
    const calls = { count: 0 };
    const result = await send(
      pipelineFor(server.origin, { accessToken: TOKEN, clock: fakeClock() }),
      post(true, calls),
    );
    expect(result.response.status).toBe(500);
    expect(result.retries).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("never retries a 503 or a connection error", async () => {
    sequence({ status: 503 });
    const clock = fakeClock();
    const result = await send(pipelineFor(server.origin, { accessToken: TOKEN, clock }), post(true, { count: 0 }));
    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    const refused = pipelineFor(await refusedOrigin(), { accessToken: TOKEN, clock });
    await expect(send(refused, post(true, { count: 0 }))).rejects.toMatchObject({ kind: "network", retries: 0 });
    expect(clock.sleeps).toEqual([]);
  });

  it("retries a 429 when the body is replayable, sending the body again", async () => {
    sequence({ status: 429, json: busy, headers: { "Retry-After": "1" } });
    const calls = { count: 0 };
    const clock = fakeClock();
    const result = await send(pipelineFor(server.origin, { accessToken: TOKEN, clock }), post(true, calls));
    expect(result.response.status).toBe(200);
    expect(result.retries).toBe(1);
    expect(calls.count).toBe(2);
    expect(server.requests.map((request) => [request.method, request.body])).toEqual([
      ["POST", body],
      ["POST", body],
    ]);
    expect(clock.sleeps).toEqual([1000]);
  });

  it("does not retry a 429 when the body is a one-shot stream", async () => {
    sequence({ status: 429, json: busy, headers: { "Retry-After": "1" } });
    const calls = { count: 0 };
    const result = await send(
      pipelineFor(server.origin, { accessToken: TOKEN, clock: fakeClock() }),
      post(false, calls),
    );
    expect(result.response.status).toBe(429);
    expect(result.text).toBe(JSON.stringify(busy));
    expect(calls.count).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body).toBe(body);
  });
});
