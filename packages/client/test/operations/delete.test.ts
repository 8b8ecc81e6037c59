import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoApiError } from "../../src/index.js";
import { fakeClock } from "../helpers/fake-clock.js";
import { namedExample } from "../helpers/spec-examples.js";
import { sendJson, useCaptureServer, zohoError } from "./capture-server.js";

const server = useCaptureServer();
const RECORD = "4150868000002728001";
const ID = "4150868000002728012";

function client(extra: Record<string, unknown> = {}) {
  return createAttachmentsClient({
    apiDomain: server.origin,
    accessToken: "1000.delete",
    clock: fakeClock(),
    ...extra,
  });
}

const deletedItem = (id: string) => ({
  code: "SUCCESS",
  details: { id },
  message: "record deleted",
  status: "success",
});

describe("deleteAttachment", () => {
  it("sends DELETE …/Attachments/{id} and returns the SUCCESS item", async () => {
    server.respond((_request, res) => sendJson(res, 200, { data: [deletedItem(ID)] }));
    const result = await client().deleteAttachment("Cases", RECORD, ID);
    expect(result.status).toBe(200);
    expect(result.data).toEqual(deletedItem(ID));
    expect(result.body.data).toHaveLength(1);
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([
      ["DELETE", `/crm/v8/Cases/${RECORD}/Attachments/${ID}`],
    ]);
  });

  it("throws Zoho's 400 INVALID_DATA (already deleted) as a ZohoApiError", async () => {
    server.respond((_request, res) =>
      sendJson(res, 400, zohoError("INVALID_DATA", "record not deleted", { resource_path_index: 3 })),
    );
    const error = await client()
      .deleteAttachment("Leads", RECORD, ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "INVALID_DATA",
      zohoMessage: "record not deleted",
      details: { resource_path_index: 3 },
      method: "DELETE",
    });
  });

  it("retries a 503 (DELETE is idempotent)", async () => {
    let calls = 0;
    server.respond((_request, res) => {
      calls++;
      if (calls === 1) sendJson(res, 503, zohoError("SERVICE_UNAVAILABLE", "maintenance"));
      else sendJson(res, 200, { data: [deletedItem(ID)] });
    });
    const result = await client().deleteAttachment("Leads", RECORD, ID);
    expect(result.data.details.id).toBe(ID);
    expect(server.requests).toHaveLength(2);
  });
});

describe("deleteAttachments", () => {
  const ids = Array.from({ length: 250 }, (_, index) => String(4150868000002728000n + BigInt(index) * 7n));
  // Answers each request with one item per id, in reverse order, and an error item for every 40th id.
  const failing = new Set(ids.filter((_, index) => index % 40 === 5));

  it("sends 100, 100 and 50 ids in three sequential requests and keeps the input order", async () => {
    let inFlight = 0;
    let most = 0;
    server.respond(async (request, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((done) => setImmediate(done));
      inFlight--;
      const sent = (request.query.get("ids") ?? "").split(",");
      const items = sent.map((id) =>
        failing.has(id)
          ? { code: "INVALID_DATA", details: { id }, message: "record not deleted", status: "error" }
          : deletedItem(id),
      );
      sendJson(res, 200, { data: items.reverse() });
    });
    const result = await client({ maxConcurrency: 10 }).deleteAttachments("Leads", RECORD, ids);
    expect(server.requests.map((request) => request.query.get("ids")?.split(",").length)).toEqual([100, 100, 50]);
    expect(
      server.requests.every(
        (request) => request.method === "DELETE" && request.path === `/crm/v8/Leads/${RECORD}/Attachments`,
      ),
    ).toBe(true);
    expect(server.requests.flatMap((request) => request.query.get("ids")?.split(",") ?? [])).toEqual(ids);
    expect(server.requests[0]?.url).toContain(`ids=${ids[0]},${ids[1]},`);
    expect(most).toBe(1);
    expect(result.responses).toBe(3);
    expect(result.results.map((item) => item.id)).toEqual(ids);
    expect(result.failed).toEqual(ids.filter((id) => failing.has(id)));
    expect(result.deleted).toEqual(ids.filter((id) => !failing.has(id)));
    const failed = result.results.find((item) => !item.ok);
    expect(failed).toEqual({
      id: ids[5],
      ok: false,
      code: "INVALID_DATA",
      message: "record not deleted",
      details: { id: ids[5] },
    });
  });

  it("drops repeated ids and honours chunkSize", async () => {
    server.respond((request, res) =>
      sendJson(res, 200, { data: (request.query.get("ids") ?? "").split(",").map(deletedItem) }),
    );
    const result = await client().deleteAttachments("Leads", RECORD, new Set(["1", "2", "3"]).values(), {
      chunkSize: 2,
    });
    expect(server.requests.map((request) => request.query.get("ids"))).toEqual(["1,2", "3"]);
    expect(result).toEqual({
      results: [
        { id: "1", ok: true },
        { id: "2", ok: true },
        { id: "3", ok: true },
      ],
      deleted: ["1", "2", "3"],
      failed: [],
      responses: 2,
    });
  });

  it("matches items without an id by position, and marks an id with no item", async () => {
    server.respond((_request, res) =>
      sendJson(res, 200, {
        data: [
          { code: "SUCCESS", details: {}, message: "record deleted", status: "success" },
          { code: "NO_PERMISSION", details: {}, message: "no", status: "error" },
        ],
      }),
    );
    const result = await client().deleteAttachments("Leads", RECORD, ["11", "12", "13"]);
    expect(result.results).toEqual([
      { id: "11", ok: true },
      { id: "12", ok: false, code: "NO_PERMISSION", message: "no", details: {} },
      { id: "13", ok: false, code: "MISSING_RESULT", message: "Zoho's answer held no item for this id", details: {} },
    ]);
  });

  // The spec's own examples: ids ...012 and ...019 deleted; ...098 and ...099 unknown.
  it.each([
    { status: 200, example: "delete-many-success", ids: ["1386586000002588012", "1386586000002588019"], failed: [] },
    { status: 202, example: "delete-many-accepted", ids: ["1386586000002588012", "1386586000002588099"], failed: [1] },
    { status: 207, example: "delete-many-partial", ids: ["1386586000002588012", "1386586000002588099"], failed: [1] },
    { status: 207, example: "delete-many-none", ids: ["1386586000002588098", "1386586000002588099"], failed: [0, 1] },
  ])("reads a $status answer ($example) per id, without throwing", async ({ status, example, ids, failed }) => {
    const body = namedExample(example);
    server.respond((_request, res) => sendJson(res, status, body));
    const result = await client().deleteAttachments("Leads", RECORD, ids);
    const failedIds = failed.map((index) => ids[index]);
    expect(result.deleted).toEqual(ids.filter((id) => !failedIds.includes(id)));
    expect(result.failed).toEqual(failedIds);
    expect(result.responses).toBe(1);
    for (const index of failed) {
      expect(result.results[index]).toEqual({
        id: ids[index],
        ok: false,
        code: "INVALID_DATA",
        message: "record not deleted",
        details: { id: ids[index] },
      });
    }
    expect(server.requests.map((request) => request.url)).toEqual([
      `/crm/v8/Leads/${RECORD}/Attachments?ids=${ids.join(",")}`,
    ]);
  });

  it("reads a 207 per chunk and goes on with the next chunk", async () => {
    server.respond((request, res) => {
      const sent = (request.query.get("ids") ?? "").split(",");
      const items = sent.map((id) =>
        id === "2"
          ? { code: "INVALID_DATA", details: { id }, message: "record not deleted", status: "error" }
          : deletedItem(id),
      );
      sendJson(res, sent.includes("2") ? 207 : 200, { data: items });
    });
    const result = await client().deleteAttachments("Leads", RECORD, ["1", "2", "3"], { chunkSize: 2 });
    expect(server.requests.map((request) => request.query.get("ids"))).toEqual(["1,2", "3"]);
    expect(result).toMatchObject({ deleted: ["1", "3"], failed: ["2"], responses: 2 });
  });

  it.each([201, 204])("throws a %s, which the spec does not give a bulk delete", async (status) => {
    server.respond((_request, res) => (status === 204 ? res.writeHead(204).end() : sendJson(res, status, {})));
    const error = await client()
      .deleteAttachments("Leads", RECORD, ["1"])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status, code: `HTTP_${status}`, method: "DELETE" });
  });

  it("throws a whole-request refusal (400 INVALID_MODULE) as a ZohoApiError", async () => {
    server.respond((_request, res) =>
      sendJson(
        res,
        400,
        zohoError("INVALID_MODULE", "the module name given seems to be invalid", { resource_path_index: 0 }),
      ),
    );
    const error = await client()
      .deleteAttachments("CustomModule3", RECORD, ["1", "2"])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 400, code: "INVALID_MODULE", method: "DELETE" });
    expect(server.requests).toHaveLength(1);
  });
});
