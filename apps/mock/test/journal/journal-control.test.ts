import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JournalAnswer, MAX_JOURNAL_LIMIT, type MockServer, startMock } from "../../src/index.js";
import { AUTH } from "../upload-helpers.js";

// The journal from another process (GET and DELETE /__zcrm-mock/requests), its filters, its bound.

let clock = Date.parse("2026-03-01T09:30:00Z");
let mock: MockServer;
const LIST = "/crm/v8/Leads/1000000231009/Attachments?fields=id";

beforeAll(async () => {
  mock = await startMock({ port: 0, now: () => clock });
});

afterAll(async () => {
  await mock.close();
});

async function api(path: string, method = "GET"): Promise<number> {
  const res = await fetch(`${mock.url}${path}`, { method, headers: AUTH });
  await res.arrayBuffer();
  return res.status;
}

async function journal(query = ""): Promise<{ status: number; type: string | null; body: JournalAnswer }> {
  const res = await fetch(`${mock.url}/__zcrm-mock/requests${query}`);
  return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as JournalAnswer };
}

/** Three requests a second apart: a list (200), a bad list (400), a download (200). */
async function three(): Promise<void> {
  clock = Date.parse("2026-03-01T10:00:00Z");
  await api(LIST);
  clock += 1_000;
  await api("/crm/v8/Leads/1000000231009/Attachments");
  clock += 1_000;
  await api("/crm/v8/Leads/1000000231009/Attachments/1386586000002588005");
}

describe("GET /__zcrm-mock/requests", () => {
  it("lists the API requests, oldest first, but not the control requests", async () => {
    await fetch(`${mock.url}/__zcrm-mock/requests`, { method: "DELETE" });
    await three();
    await fetch(`${mock.url}/__zcrm-mock/stats`);
    const { status, type, body } = await journal();
    expect(status).toBe(200);
    expect(type).toBe("application/json");
    expect(body.limit).toBe(1_000);
    expect(body.dropped).toBe(0);
    expect(body.requests.map((e) => [e.operation, e.status, e.at])).toStrictEqual([
      ["listAttachments", 200, "2026-03-01T10:00:00.000Z"],
      ["listAttachments", 400, "2026-03-01T10:00:01.000Z"],
      ["downloadAttachment", 200, "2026-03-01T10:00:02.000Z"],
    ]);
    expect(body.requests[1]?.code).toBe("REQUIRED_PARAM_MISSING");
    expect(body).toStrictEqual({ ...body, requests: mock.requests() });
  });

  it("filters by operation, status and since (an index: the entries after it; a time: those at or after it)", async () => {
    mock.resetRequests();
    await three();
    const all = mock.requests();
    const first = all[0]?.index ?? 0;
    const pick = async (query: string) => (await journal(query)).body.requests.map((e) => e.index);
    expect(await pick("?operation=listAttachments")).toStrictEqual([first, first + 1]);
    expect(await pick("?operation=downloadAttachmentV2")).toStrictEqual([]);
    expect(await pick("?status=200")).toStrictEqual([first, first + 2]);
    expect(await pick("?operation=listAttachments&status=200")).toStrictEqual([first]);
    expect(await pick(`?since=${first}`)).toStrictEqual([first + 1, first + 2]);
    expect(await pick("?since=2026-03-01T10:00:01Z")).toStrictEqual([first + 1, first + 2]);
    expect(await pick("?since=2026-03-01T11:00:01%2B01:00")).toStrictEqual([first + 1, first + 2]);
    expect(mock.requests({ since: new Date("2026-03-01T10:00:02Z") }).map((e) => e.index)).toStrictEqual([first + 2]);
    expect(mock.requests({ status: 400, since: first }).map((e) => e.index)).toStrictEqual([first + 1]);
  });

  it("refuses a filter that makes no sense with a 400 saying what to fix", async () => {
    const refused = async (query: string) => {
      const res = await fetch(`${mock.url}/__zcrm-mock/requests${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = (await res.json()) as { type: string; detail: string };
      expect(body.type).toBe("urn:zcrm-attachments:mock:INVALID_FILTER");
      return body.detail;
    };
    expect(await refused("?operation=upload")).toMatch(/operation must be one of listAttachments, .*\(got "upload"\)/);
    expect(await refused("?status=ok")).toBe('status must be an HTTP status, three digits (got "ok").');
    expect(await refused("?since=yesterday")).toMatch(/since must be an entry index .* or an ISO 8601 time/);
    expect(await refused("?status=200&status=400")).toBe("Give status once.");
    expect(await refused("?path=/crm")).toBe('Unknown filter "path". The filters are operation, status, since.');
    expect(() => mock.requests({ status: 42 })).toThrow("status must be an HTTP status from 100 to 599 (got 42).");
    expect(() => mock.requests({ since: -1 })).toThrow(/since must be an entry index/);
  });
});

describe("DELETE /__zcrm-mock/requests", () => {
  it("forgets the entries (204) while the indexes go on; other methods are 405", async () => {
    await three();
    const last = mock.requests().at(-1)?.index ?? 0;
    const res = await fetch(`${mock.url}/__zcrm-mock/requests`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect((await journal()).body.requests).toStrictEqual([]);
    await api(LIST);
    expect(mock.requests().map((e) => e.index)).toStrictEqual([last + 1]);
    const post = await fetch(`${mock.url}/__zcrm-mock/requests`, { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, DELETE");
  });
});

describe("the journal's bound", () => {
  it("keeps the newest journalLimit entries and counts those dropped until a reset", async () => {
    const small = await startMock({ port: 0, journalLimit: 3 });
    try {
      for (let page = 1; page <= 5; page++) {
        await fetch(`${small.url}${LIST}&page=${page}`, { headers: AUTH }).then((res) => res.arrayBuffer());
      }
      expect(small.requests().map((e) => [e.index, e.query.page])).toStrictEqual([
        [3, "3"],
        [4, "4"],
        [5, "5"],
      ]);
      const answer = (await (await fetch(`${small.url}/__zcrm-mock/requests`)).json()) as JournalAnswer;
      expect([answer.limit, answer.dropped, answer.requests.length]).toStrictEqual([3, 2, 3]);
      small.resetRequests();
      const after = (await (await fetch(`${small.url}/__zcrm-mock/requests`)).json()) as JournalAnswer;
      expect([after.dropped, after.requests.length]).toStrictEqual([0, 0]);
    } finally {
      await small.close();
    }
  });

  it("keeps nothing with journalLimit 0, and refuses a bound that is no whole number in range", async () => {
    const off = await startMock({ port: 0, journalLimit: 0 });
    try {
      await fetch(`${off.url}${LIST}`, { headers: AUTH }).then((res) => res.arrayBuffer());
      expect(off.requests()).toStrictEqual([]);
    } finally {
      await off.close();
    }
    await expect(startMock({ port: 0, journalLimit: -1 })).rejects.toThrow(
      `journalLimit must be a whole number from 0 (no journal) to ${MAX_JOURNAL_LIMIT} (got -1); the default is 1000.`,
    );
    await expect(startMock({ port: 0, journalLimit: 2.5 })).rejects.toThrow(/journalLimit must be a whole number/);
  });
});
