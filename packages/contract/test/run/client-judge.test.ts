/**
 * The judge of the client's report: a result that differs from the wire in any way it reports
 * (data, error status or code, download bytes, name, type, length) is a failure.
 */
import { ZohoApiError, ZohoInputError } from "@zcrm-attachments/client";
import { describe, expect, it } from "vitest";
import { judgeClient, judgeRefusal } from "../../src/run/client-judge.js";
import type { DrainedDownload } from "../../src/suite/calls.js";
import type { Exchange } from "../../src/validator/exchange.js";

const HASH = "a".repeat(64);
const wireDownload = (headers: Record<string, string> = {}): Exchange => ({
  request: { method: "GET", path: "/crm/v8/Leads/1/Attachments/2" },
  response: {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`,
      "content-length": "10",
      ...headers,
    },
    received: { bytes: 10, sha256: HASH, complete: true },
  },
});
const drained = (change: Partial<DrainedDownload> = {}): DrainedDownload => ({
  status: 200,
  fileName: "Résumé.pdf",
  contentType: "application/pdf",
  contentLength: 10,
  headers: new Headers({ "content-type": "application/pdf" }),
  received: { bytes: 10, sha256: HASH },
  ...change,
});
const judgeDownload = (value: DrainedDownload, exchange = wireDownload()) =>
  judgeClient("binary", exchange, undefined, { ok: true, value });

describe("judgeClient", () => {
  it("accepts a download reported as it was", () => {
    expect(judgeDownload(drained())).toEqual([]);
    expect(judgeDownload(drained({ contentType: "application/pdf; charset=binary" }))).toEqual([]);
  });

  it.each([
    [{ received: { bytes: 9, sha256: HASH } }, "the client's body (9 bytes"],
    [{ received: { bytes: 10, sha256: "b".repeat(64) } }, "differs from the wire's (10 bytes"],
    [{ received: undefined }, "the client returned no body stream"],
    [{ fileName: "Resume.pdf" }, 'the client\'s fileName is "Resume.pdf", the wire\'s is "Résumé.pdf"'],
    [{ contentType: "image/png" }, 'the client\'s contentType is "image/png"'],
    [{ contentLength: undefined }, "the client's contentLength is undefined, the wire's is 10"],
    [{ status: 204 }, "the client's status is 204, the wire said 200"],
    [{ headers: undefined }, "the client's result has no headers"],
  ] as const)("flags a download reported otherwise: %o", (change, message) => {
    expect(judgeDownload(drained(change as Partial<DrainedDownload>)).join("\n")).toContain(message);
  });

  it("wants a ZohoApiError with the wire's status and code for an error", () => {
    const exchange: Exchange = { request: { method: "DELETE", path: "/x" }, response: { status: 400, headers: {} } };
    const body = { code: "INVALID_DATA", details: {}, message: "record not deleted", status: "error" };
    const apiError = (status: number, code: string) =>
      new ZohoApiError({
        status,
        code,
        zohoMessage: "m",
        details: {},
        method: "DELETE",
        url: "http://127.0.0.1/x",
        headers: new Headers(),
      });
    expect(
      judgeClient("attachment-write", exchange, body, { ok: false, error: apiError(400, "INVALID_DATA") }),
    ).toEqual([]);
    expect(judgeClient("attachment-write", exchange, body, { ok: false, error: apiError(400, "OTHER") })).toEqual([
      "ZohoApiError.code is OTHER, the body said INVALID_DATA",
    ]);
    expect(judgeClient("attachment-write", exchange, body, { ok: false, error: new TypeError("boom") })).toEqual([
      "the client threw TypeError: boom instead of a ZohoApiError",
    ]);
    expect(judgeClient("attachment-write", exchange, body, { ok: true, value: {} })).toEqual([
      "the client returned a result for a 400 response instead of throwing",
    ]);
  });

  it("wants a ZohoApiError with status 200 and the item's code for a write's error item", () => {
    const body = {
      data: [{ code: "DUPLICATE_DATA", details: {}, message: "Attachment link already exists", status: "error" }],
    };
    const exchange: Exchange = {
      request: { method: "POST", path: "/x" },
      response: { status: 200, headers: { "content-type": "application/json" } },
    };
    const apiError = (status: number, code: string) =>
      new ZohoApiError({
        status,
        code,
        zohoMessage: "Attachment link already exists",
        details: {},
        method: "POST",
        url: "http://127.0.0.1/x",
        headers: new Headers(),
      });
    expect(
      judgeClient("attachment-write", exchange, body, { ok: false, error: apiError(200, "DUPLICATE_DATA") }),
    ).toEqual([]);
    expect(
      judgeClient("attachment-write", exchange, body, { ok: false, error: apiError(400, "DUPLICATE_DATA") }),
    ).toEqual(["ZohoApiError.status is 400, the response said 200"]);
    expect(judgeClient("attachment-write", exchange, body, { ok: false, error: apiError(200, "SUCCESS") })).toEqual([
      "ZohoApiError.code is SUCCESS, the body said DUPLICATE_DATA",
    ]);
    const headers = new Headers({ "content-type": "application/json" });
    expect(
      judgeClient("attachment-write", exchange, body, {
        ok: true,
        value: { status: 200, data: body.data[0], body, headers },
      }),
    ).toEqual(["the client returned a result for a 200 response whose data[0] is an error item instead of throwing"]);
  });

  it("compares a write's data, body and headers with the wire", () => {
    const body = { data: [{ code: "SUCCESS", details: { id: "7" }, message: "record deleted", status: "success" }] };
    const exchange: Exchange = {
      request: { method: "DELETE", path: "/x" },
      response: { status: 200, headers: { "content-type": "application/json" } },
    };
    const headers = new Headers({ "content-type": "application/json" });
    expect(
      judgeClient("attachment-write", exchange, body, {
        ok: true,
        value: { status: 200, data: body.data[0], body, headers },
      }),
    ).toEqual([]);
    expect(
      judgeClient("attachment-write", exchange, body, { ok: true, value: { status: 200, data: body, body, headers } }),
    ).toEqual(["the client's data differs from the response's"]);
  });

  it("matches delete-many results to the wire's items by id, else by position", () => {
    const body = {
      data: [
        { code: "SUCCESS", details: { id: "1" }, message: "record deleted", status: "success" },
        { code: "INVALID_DATA", details: { id: "2" }, message: "record not deleted", status: "error" },
      ],
    };
    const exchange: Exchange = { request: { method: "DELETE", path: "/x" }, response: { status: 200, headers: {} } };
    const good = {
      results: [
        { id: "1", ok: true },
        { id: "2", ok: false, code: "INVALID_DATA" },
      ],
      deleted: ["1"],
      failed: ["2"],
    };
    expect(judgeClient("delete-many", exchange, body, { ok: true, value: good })).toEqual([]);
    const wrong = {
      results: [
        { id: "1", ok: true },
        { id: "2", ok: true },
      ],
      deleted: ["1", "2"],
      failed: [],
    };
    expect(judgeClient("delete-many", exchange, body, { ok: true, value: wrong })).toEqual([
      "the client reports 2 as deleted, the wire said error",
    ]);
  });
});

describe("judgeRefusal", () => {
  const refusal = new ZohoInputError("module", 'Unknown module "leads" for API v8. Did you mean "Leads"?');
  const expected = 'Did you mean "Leads"?';

  it("accepts a ZohoInputError saying the text, with no request sent", () => {
    expect(judgeRefusal(expected, { ok: false, error: refusal }, 0)).toEqual([]);
  });

  it("flags a request sent, a result, another error and another message", () => {
    expect(judgeRefusal(expected, { ok: false, error: refusal }, 1)).toEqual([
      "the client sent 1 request(s) instead of refusing the call",
    ]);
    expect(judgeRefusal(expected, { ok: true, value: {} }, 1)).toEqual([
      "the client sent 1 request(s) instead of refusing the call",
      "the client returned a result instead of refusing the call",
    ]);
    expect(judgeRefusal(expected, { ok: false, error: new TypeError("boom") }, 0)).toEqual([
      "the client threw TypeError: boom instead of a ZohoInputError",
    ]);
    const other = new ZohoInputError("module", "module must be a module API name");
    expect(judgeRefusal(expected, { ok: false, error: other }, 0)).toEqual([
      'the client\'s refusal does not say "Did you mean \\"Leads\\"?": module must be a module API name',
    ]);
  });
});
