/**
 * The coverage matrix of the real spec: which cells an exchange marks, how a failure and an
 * undocumented answer count, and that the percentage only reaches 100 when every cell is held.
 */
import { describe, expect, it } from "vitest";
import { CoverageMatrix, codesOf } from "../../src/report/coverage.js";
import type { Exchange } from "../../src/validator/exchange.js";
import { doc, example, JSON_HEADERS } from "../helpers/spec-examples.js";

const answer = (status: number, body?: unknown): Exchange => ({
  request: { method: "GET", path: "/crm/v8/Leads/1/Attachments" },
  response: { status, headers: JSON_HEADERS, body },
});
const cellsOf = (matrix: CoverageMatrix, operationId: string, status: string) =>
  matrix
    .summary()
    .cells.filter((c) => c.operationId === operationId && c.status === status)
    .map((c) => ({ code: c.code, state: c.state, seen: c.seen }));

describe("CoverageMatrix", () => {
  it("has one cell per documented code of each status, and one for a status without codes", () => {
    const matrix = new CoverageMatrix(doc);
    expect(cellsOf(matrix, "listAttachments", "204")).toEqual([{ code: null, state: "never", seen: 0 }]);
    expect(cellsOf(matrix, "listAttachments", "401").map((c) => c.code)).toEqual([
      "INVALID_TOKEN",
      "OAUTH_SCOPE_MISMATCH",
      "AUTHENTICATION_FAILURE",
    ]);
    // A write answer's codes are its items' codes.
    expect(cellsOf(matrix, "deleteAttachments", "207").map((c) => c.code)).toEqual(["SUCCESS", "INVALID_DATA"]);
    expect(matrix.summary()).toMatchObject({ held: 0, failed: 0, percent: 0 });
  });

  it("marks the cells an answer hits, held or failed", () => {
    const matrix = new CoverageMatrix(doc);
    matrix.record("listAttachments", answer(401, example("listAttachments", 401, "invalidToken")), true);
    matrix.record("listAttachments", answer(401, example("listAttachments", 401, "invalidToken")), false);
    matrix.record("listAttachments", answer(204), true);
    matrix.record("deleteAttachments", answer(207, example("deleteAttachments", 207, "partlyDeleted")), true);
    expect(cellsOf(matrix, "listAttachments", "401")).toEqual([
      { code: "INVALID_TOKEN", state: "failed", seen: 2 },
      { code: "OAUTH_SCOPE_MISMATCH", state: "never", seen: 0 },
      { code: "AUTHENTICATION_FAILURE", state: "never", seen: 0 },
    ]);
    expect(cellsOf(matrix, "listAttachments", "204")).toEqual([{ code: null, state: "held", seen: 1 }]);
    expect(cellsOf(matrix, "deleteAttachments", "207").map((c) => c.state)).toEqual(["held", "held"]);
    expect(matrix.summary()).toMatchObject({ held: 3, failed: 1 });
  });

  it("lists answers the spec does not document instead of counting them", () => {
    const matrix = new CoverageMatrix(doc);
    matrix.record("listAttachments", answer(418, { code: "TEAPOT" }), false);
    matrix.record("listAttachments", answer(400, { code: "SOMETHING_NEW" }), false);
    matrix.record("listAttachments", answer(400, { code: "SOMETHING_NEW" }), false);
    expect(matrix.summary().undocumented).toEqual([
      { operationId: "listAttachments", status: 418, code: "TEAPOT", seen: 1 },
      { operationId: "listAttachments", status: 400, code: "SOMETHING_NEW", seen: 2 },
    ]);
    expect(matrix.summary().failed).toBe(0);
  });

  it("reaches 100% only when every cell is held", () => {
    const tiny = structuredClone(doc);
    tiny.paths = {
      "/crm/v8/{module}/{record_id}/Attachments": { get: doc.paths["/crm/v8/{module}/{record_id}/Attachments"]?.get },
    } as typeof doc.paths;
    const matrix = new CoverageMatrix(tiny);
    const total = matrix.summary().total;
    for (const cell of matrix.summary().cells) {
      const status = Number(cell.status);
      matrix.record(cell.operationId, answer(status, cell.code ? { code: cell.code } : undefined), true);
      if (matrix.summary().held < total) expect(matrix.summary().percent).toBeLessThan(100);
    }
    expect(matrix.summary()).toMatchObject({ held: total, never: 0, percent: 100 });
  });
});

describe("codesOf", () => {
  it("reads an error's code, a write answer's item codes, and nothing from a file", () => {
    expect(codesOf({ code: "INVALID_DATA", status: "error" })).toEqual(["INVALID_DATA"]);
    expect(
      codesOf(JSON.stringify({ data: [{ code: "SUCCESS" }, { code: "SUCCESS" }, { code: "INVALID_DATA" }] })),
    ).toEqual(["SUCCESS", "INVALID_DATA"]);
    expect(codesOf(new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toEqual([]);
    expect(codesOf("not json")).toEqual([]);
  });
});
