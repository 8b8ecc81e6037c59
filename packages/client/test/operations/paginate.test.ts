import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoPaginationError } from "../../src/index.js";
import { type SeenRequest, useTestServer } from "../helpers/http-server.js";

const TOKEN = "1000.paginate-test.token";
const RECORD = "4150868000002728001";

const server = useTestServer();

function attachments(page: number): Array<{ id: string; File_Name: string }> {
  return [1, 2].map((n) => ({ id: `41508680000027280${page}${n}`, File_Name: `file-${page}-${n}.pdf` }));
}

// Three pages addressed by number, as the v2 line (and v3 to v6) page.
function pagesByNumber(request: SeenRequest) {
  const page = Number(request.query.get("page") ?? "1");
  return {
    status: 200,
    json: { data: attachments(page), info: { per_page: 2, count: 2, page, more_records: page < 3 } },
  };
}

// Three pages chained by token, as v8 pages; page numbers are ignored once a token is sent.
const tokenAfter: Record<string, string | null> = { "": "token-2", "token-2": "token-3", "token-3": null };
function pagesByToken(request: SeenRequest) {
  const token = request.query.get("page_token") ?? "";
  const page = { "": 1, "token-2": 2, "token-3": 3 }[token] ?? 0;
  const next = tokenAfter[token] ?? null;
  return {
    status: 200,
    json: {
      data: attachments(page),
      info: {
        per_page: 2,
        count: 2,
        page: 1,
        more_records: next !== null,
        next_page_token: next,
        previous_page_token: null,
        page_token_expiry: next === null ? null : "2026-11-23T17:00:00+05:30",
      },
    },
  };
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

describe("iterateAttachments", () => {
  it("walks three pages by page number on v2", async () => {
    server.handle(pagesByNumber);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v2" });
    const all = await collect(zoho.iterateAttachments("Leads", RECORD, { perPage: 2 }));
    expect(all.map((attachment) => attachment.id)).toEqual(
      [1, 2, 3].flatMap((page) => attachments(page).map((a) => a.id)),
    );
    expect(server.requests.map((request) => request.url)).toEqual([
      `/crm/v2/Leads/${RECORD}/Attachments?per_page=2`,
      `/crm/v2/Leads/${RECORD}/Attachments?per_page=2&page=2`,
      `/crm/v2/Leads/${RECORD}/Attachments?per_page=2&page=3`,
    ]);
  });

  it("walks three pages by page_token on v8", async () => {
    server.handle(pagesByToken);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const all = await collect(zoho.iterateAttachments("Leads", RECORD, { fields: ["id", "File_Name"], perPage: 2 }));
    expect(all).toHaveLength(6);
    expect(server.requests.map((request) => request.url)).toEqual([
      `/crm/v8/Leads/${RECORD}/Attachments?fields=id,File_Name&per_page=2`,
      `/crm/v8/Leads/${RECORD}/Attachments?fields=id,File_Name&per_page=2&page_token=token-2`,
      `/crm/v8/Leads/${RECORD}/Attachments?fields=id,File_Name&per_page=2&page_token=token-3`,
    ]);
  });

  it("keeps the ids filter on every page", async () => {
    server.handle(pagesByToken);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const all = await collect(zoho.iterateAttachments("Leads", RECORD, { fields: ["id"], ids: ["7", "8"] }));
    expect(all).toHaveLength(6);
    expect(server.requests.map((request) => request.url)).toEqual([
      `/crm/v8/Leads/${RECORD}/Attachments?fields=id&ids=7,8`,
      `/crm/v8/Leads/${RECORD}/Attachments?fields=id&ids=7,8&page_token=token-2`,
      `/crm/v8/Leads/${RECORD}/Attachments?fields=id&ids=7,8&page_token=token-3`,
    ]);
  });

  it("never sends page_token before v7, even when the server offers one", async () => {
    server.handle((request) => {
      const page = Number(request.query.get("page") ?? "1");
      const reply = pagesByNumber(request);
      return { ...reply, json: { ...reply.json, info: { ...reply.json.info, next_page_token: `token-${page + 1}` } } };
    });
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v6" });
    const all = await collect(zoho.iterateAttachments("Leads", RECORD, { fields: "id" }));
    expect(all).toHaveLength(6);
    expect(server.requests.map((request) => request.query.has("page_token"))).toEqual([false, false, false]);
    expect(server.requests.map((request) => request.query.get("page"))).toEqual([null, "2", "3"]);
  });

  it("starts from the given page", async () => {
    server.handle(pagesByNumber);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v2.1" });
    const all = await collect(zoho.iterateAttachments("Leads", RECORD, { page: 2 }));
    expect(all).toHaveLength(4);
    expect(server.requests.map((request) => request.query.get("page"))).toEqual(["2", "3"]);
  });

  it("stops on 204", async () => {
    server.handle(() => ({ status: 204 }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    expect(await collect(zoho.iterateAttachments("Leads", RECORD, { fields: ["id"] }))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("stops on an empty page even when more_records says otherwise", async () => {
    server.handle(() => ({
      status: 200,
      json: { data: [], info: { per_page: 200, count: 0, page: 1, more_records: true } },
    }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    expect(await collect(zoho.iterateAttachments("Leads", RECORD, { fields: ["id"] }))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("throws ZohoPaginationError when the server repeats a page token", async () => {
    server.handle(() => ({
      status: 200,
      json: {
        data: [{ id: `${1000 + server.requests.length}` }],
        info: { per_page: 1, count: 1, page: 1, more_records: true, next_page_token: "stuck" },
      },
    }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v7" });
    const error = await collect(zoho.iterateAttachments("Leads", RECORD, { fields: ["id"] })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ZohoPaginationError);
    expect((error as Error).message).toMatch(/next_page_token "stuck" again/);
    expect(server.requests).toHaveLength(2);
  });

  it("throws ZohoPaginationError when the server ignores the page number", async () => {
    server.handle(() => ({
      status: 200,
      json: {
        data: [{ id: `${1000 + server.requests.length}` }],
        info: { per_page: 1, count: 1, page: 1, more_records: true },
      },
    }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v2" });
    const error = await collect(zoho.iterateAttachments("Leads", RECORD)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZohoPaginationError);
    expect((error as Error).message).toMatch(/page 1 again/);
    expect(server.requests).toHaveLength(2);
  });

  it("throws ZohoPaginationError when the server sends the same attachments again", async () => {
    server.handle((request) => ({
      status: 200,
      json: {
        data: [{ id: "777" }],
        info: { per_page: 1, count: 1, page: Number(request.query.get("page") ?? "1"), more_records: true },
      },
    }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v2" });
    const error = await collect(zoho.iterateAttachments("Leads", RECORD)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZohoPaginationError);
    expect((error as Error).message).toMatch(/same page again/);
  });
});

// A server that always promises more, with a fresh token and fresh attachments each time, so no
// repeat gives it away.
function endlessPages() {
  const n = server.requests.length;
  return {
    status: 200,
    json: {
      data: [{ id: `${5000 + n}` }],
      info: { per_page: 1, count: 1, page: 1, more_records: true, next_page_token: `token-${n}` },
    },
  };
}

describe("the page cap", () => {
  it("stops an endless server after maxPages pages with a ZohoPaginationError, having yielded them", async () => {
    server.handle(endlessPages);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const attachment of zoho.iterateAttachments("Leads", RECORD, { fields: ["id"], maxPages: 5 }))
        seen.push(attachment.id);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZohoPaginationError);
    expect((error as Error).message).toMatch(/still reports more records after 5 pages .* stopping at maxPages \(5\)/);
    expect(seen).toEqual(["5001", "5002", "5003", "5004", "5005"]);
    expect(server.requests).toHaveLength(5);
  });

  it("stops at 1000 pages by default", async () => {
    server.handle(endlessPages);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, maxConcurrency: false });
    const error = await collect(zoho.iterateAttachmentPages("Leads", RECORD, { fields: ["id"] })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ZohoPaginationError);
    expect((error as Error).message).toMatch(/after 1000 pages/);
    expect(server.requests).toHaveLength(1000);
  });

  it("ends without error when the last allowed page is the last page", async () => {
    server.handle(pagesByToken);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    expect(await collect(zoho.iterateAttachments("Leads", RECORD, { fields: ["id"], maxPages: 3 }))).toHaveLength(6);
  });

  it.each([0, 1.5, "10", -1])("refuses maxPages %j before any request", async (maxPages) => {
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    await expect(
      collect(zoho.iterateAttachments("Leads", RECORD, { fields: ["id"], maxPages } as never)),
    ).rejects.toMatchObject({ parameter: "maxPages", message: expect.stringMatching(/integer of 1 or more/) });
    expect(server.requests).toHaveLength(0);
  });

  it("is no option of a single list call", async () => {
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    await expect(zoho.listAttachments("Leads", RECORD, { fields: ["id"], maxPages: 2 } as never)).rejects.toMatchObject(
      { parameter: "maxPages" },
    );
  });
});

describe("iterateAttachmentPages", () => {
  it("yields each page with its info", async () => {
    server.handle(pagesByToken);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const pages = await collect(zoho.iterateAttachmentPages("Leads", RECORD, { fields: ["id"] }));
    expect(pages.map((page) => [page.status, page.data.length, page.info.next_page_token])).toEqual([
      [200, 2, "token-2"],
      [200, 2, "token-3"],
      [200, 2, null],
    ]);
  });

  it("stops early when the caller breaks out", async () => {
    server.handle(pagesByNumber);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v2" });
    for await (const page of zoho.iterateAttachmentPages("Leads", RECORD)) {
      expect(page.info.page).toBe(1);
      break;
    }
    expect(server.requests).toHaveLength(1);
  });
});
