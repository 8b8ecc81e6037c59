import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JournalEntry, type MockServer, startMock } from "../../src/index.js";
import { gatedSleep } from "../helpers.js";
import { AUTH, fileForm } from "../upload-helpers.js";

// What one journal entry says about a request: the operation, the status, the Zoho code, Prism's
// violations, the upload's file, the fault; recorded by the time the client has its answer.

const START = Date.parse("2026-03-01T09:30:00Z");
let clock = START;
const gate = gatedSleep();
let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true, now: () => clock, sleep: gate.sleep });
});

afterAll(async () => {
  await mock.close();
});

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${mock.url}${path}`, { ...init, headers: { ...AUTH, ...(init.headers ?? {}) } });
  await res.arrayBuffer();
  return res;
}

function only(entries: JournalEntry[]): JournalEntry {
  expect(entries).toHaveLength(1);
  return entries[0] as JournalEntry;
}

describe("a journal entry", () => {
  it("names an upload's operation, file name and size, with the mock's clock", async () => {
    mock.resetRequests();
    clock = START + 1_000;
    const res = await call("/crm/v8/Leads/1000000231009/Attachments", {
      method: "POST",
      body: fileForm("scan 1.pdf", "%PDF-1.4 a few bytes"),
    });
    expect(res.status).toBe(200);
    const entry = only(mock.requests({ operation: "uploadAttachment" }));
    expect(entry).toMatchObject({
      at: "2026-03-01T09:30:01.000Z",
      method: "POST",
      path: "/crm/v8/Leads/1000000231009/Attachments",
      query: {},
      operationId: "uploadAttachment",
      operation: "uploadAttachment",
      status: 200,
      code: null,
      violations: [],
      complete: true,
      fileName: "scan 1.pdf",
      bytes: 20,
    });
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    expect(entry.fault).toBeUndefined();
  });

  it("tells the lines apart by operationId and matches both by kind", async () => {
    mock.resetRequests();
    await call("/crm/v2.1/Leads/1000000231009/Attachments", { method: "POST", body: fileForm("a.txt", "a") });
    await call("/crm/v6/Leads/1000000231009/Attachments", { method: "POST", body: fileForm("b.txt", "bb") });
    expect(mock.requests({ operation: "uploadAttachment" }).map((e) => e.fileName)).toStrictEqual(["a.txt", "b.txt"]);
    const v2 = only(mock.requests({ operation: "uploadAttachmentV2" }));
    expect(v2).toMatchObject({
      operationId: "uploadAttachmentV2",
      operation: "uploadAttachment",
      path: "/crm/v2.1/Leads/1000000231009/Attachments",
    });
    expect(mock.requests({ operation: "listAttachments" })).toStrictEqual([]);
  });

  it("keeps the Zoho code and Prism's violations of a refused request", async () => {
    mock.resetRequests();
    const res = await call("/crm/v8/Leads/1000000231009/Attachments?fields=id&per_page=500");
    expect(res.status).toBe(400);
    const entry = only(mock.requests());
    expect(entry).toMatchObject({ operationId: "listAttachments", status: 400, code: "INVALID_DATA" });
    expect(entry.query).toStrictEqual({ fields: "id", per_page: "500" });
    expect(entry.violations.length).toBeGreaterThan(0);
    expect(entry.violations[0]).toMatch(/^query\.per_page: /);
  });

  it("keeps the code of an error item in a 200 (a duplicate link) and of a 207", async () => {
    mock.resetRequests();
    const link = "/crm/v8/Leads/1000000231010/Attachments?attachmentUrl=https%3A%2F%2Fwww.zohocorp.com";
    expect((await call(link, { method: "POST" })).status).toBe(200);
    expect((await call(link, { method: "POST" })).status).toBe(200);
    expect((await call("/crm/v8/Leads/1000000231010/Attachments?ids=1,2", { method: "DELETE" })).status).toBe(207);
    expect(mock.requests().map((e) => [e.operation, e.status, e.code])).toStrictEqual([
      ["uploadAttachment", 200, null],
      ["uploadAttachment", 200, "DUPLICATE_DATA"],
      ["deleteAttachments", 207, "INVALID_DATA"],
    ]);
  });

  it("journals requests that route nowhere and the token endpoint, with the accounts server's error", async () => {
    mock.resetRequests();
    await call("/crm/v9/Leads/1/Attachments");
    await fetch(`${mock.url}/oauth/v2/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "refresh_token" }),
    });
    expect(mock.requests().map((e) => [e.path, e.operationId, e.status, e.code])).toStrictEqual([
      ["/crm/v9/Leads/1/Attachments", null, 404, "INVALID_URL_PATTERN"],
      ["/oauth/v2/token", null, 200, "invalid_client"],
    ]);
  });

  it("names the fault that hit a request, and marks an answer a fault cut as incomplete", async () => {
    mock.resetRequests();
    const list = "/crm/v8/Leads/1000000231009/Attachments?fields=id";
    await call(list, { headers: { "X-Zcrm-Mock-Fault": "rate-limit;retry-after=3" } });
    await fetch(`${mock.url}${list}`, { headers: { ...AUTH, "X-Zcrm-Mock-Fault": "reset;after=5" } })
      .then((res) => res.arrayBuffer())
      .catch(() => undefined);
    // The reset comes a moment after the first bytes: wait for its entry rather than for a time.
    await expect.poll(() => mock.requests().length, { timeout: 10_000 }).toBe(2);
    expect(mock.requests().map((e) => [e.fault, e.status, e.code, e.complete])).toStrictEqual([
      ["rate-limit", 429, "TOO_MANY_REQUESTS", true],
      ["reset", 200, null, false],
    ]);
  });

  it("records a client that left before any answer with status 0", async () => {
    mock.resetRequests();
    const controller = new AbortController();
    const pending = fetch(`${mock.url}/crm/v8/Leads/1000000231009/photo`, {
      headers: { ...AUTH, "X-Zcrm-Mock-Fault": "slow;delay=60000" },
      signal: controller.signal,
    }).catch((error: Error) => error.name);
    const held = await gate.next();
    controller.abort();
    expect(await pending).toBe("AbortError");
    await expect.poll(() => mock.requests().length, { timeout: 10_000 }).toBe(1);
    held.release();
    expect(only(mock.requests())).toMatchObject({ operation: "getPhoto", status: 0, complete: false, fault: "slow" });
  });
});
