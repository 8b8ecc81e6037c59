/**
 * The case table: every operation of the spec on both lines gets its provoked rows and one
 * documented row per documented response and example, and each target gets the rows it can run.
 */
import { describe, expect, it } from "vitest";
import { allCases, casesFor } from "../../src/suite/cases.js";
import { liveTarget, mockTarget } from "../../src/suite/target.js";
import { OperationIndex } from "../../src/validator/spec.js";
import { doc } from "../helpers/spec-examples.js";

const rows = allCases(doc);
const specOperations = Object.values(doc.paths).flatMap((item) =>
  Object.values(item).flatMap((op) =>
    typeof op === "object" && op !== null && "operationId" in op ? [op.operationId as string] : [],
  ),
);
const live = (extra: Record<string, unknown> = {}) =>
  liveTarget({ baseUrl: "https://www.zohoapis.eu", token: "1000.t", recordId: "4150868000002728001", ...extra });

describe("the case table", () => {
  it("covers all 16 operations of the spec", () => {
    expect(specOperations).toHaveLength(16);
    expect(new Set(rows.filter((r) => r.source !== "workflow").map((r) => r.operationId))).toEqual(
      new Set(specOperations),
    );
  });

  it.each(specOperations)("has the common provoked rows for %s", (operationId) => {
    const names = rows.filter((r) => r.operationId === operationId && r.source === "provoked").map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "unknown module → 400 INVALID_MODULE",
        "record id that is not a number → 400 INVALID_DATA",
        "no Authorization header → 401",
      ]),
    );
    expect(names.some((n) => n.endsWith(operationId.endsWith("V2") ? ", at v2.1" : ", at v5"))).toBe(true);
  });

  it.each(specOperations)("has one documented row per documented response and example of %s", (operationId) => {
    const responses = new OperationIndex(doc).byId(operationId)?.operation.responses ?? {};
    const documented = rows.filter((r) => r.operationId === operationId && r.source === "documented");
    for (const status of Object.keys(responses)) {
      expect(
        documented.some((r) => r.name === `documented ${status}` || r.name.startsWith(`documented ${status} `)),
      ).toBe(true);
    }
    expect(documented.every((r) => r.on.length === 1 && r.on[0] === "mock")).toBe(true);
  });

  it("names the operation-specific rows", () => {
    const find = (operationId: string, name: string) =>
      rows.find((r) => r.operationId === operationId && r.name.startsWith(name));
    expect(find("uploadAttachment", "neither a file nor a link")).toMatchObject({
      call: "rawUploadNeither",
      offContractRequest: true,
      expect: { status: [400], codes: ["MANDATORY_NOT_FOUND"] },
    });
    expect(find("uploadAttachmentV2", "neither a file nor a link")?.name).toContain("sent with client.raw");
    expect(find("uploadAttachment", "attaches a link in the query")).toMatchObject({ call: "attachLinkQuery" });
    expect(find("uploadAttachment", "uploads a file with a non-ASCII name")).toMatchObject({ file: "nonAscii" });
    expect(find("deleteAttachmentV2", "an unknown attachment id")).toMatchObject({
      on: ["stateful", "live"],
      expect: { codes: ["INVALID_DATA"] },
    });
    expect(find("downloadAttachment", "a link attachment")).toMatchObject({
      prepare: { kind: "link" },
      on: ["stateful", "live"],
      expect: { codes: ["DOWNLOAD_NOT_ALLOWED"] },
    });
    expect(find("deleteAttachmentsV2", "deletes two attachments by ids")).toMatchObject({
      call: "deleteMany",
      prepare: { kind: "files", count: 2 },
    });
    expect(find("listAttachments", "without fields")).toBeDefined();
    expect(find("listAttachmentsV2", "without fields")).toBeUndefined();
    expect(
      rows.find((r) => r.name === "documented 400 requiredParamMissing" && r.operationId === "listAttachments"),
    ).toBeDefined();
  });

  it("has a wrong-case module row per line that the client must refuse before any request", () => {
    for (const operationId of ["listAttachmentsV2", "listAttachments"]) {
      expect(rows.find((r) => r.operationId === operationId && r.module === "leads")).toMatchObject({
        call: "list",
        writes: false,
        on: ["mock", "stateful", "live"],
        expect: { status: [], refusal: 'Did you mean "Leads"?' },
      });
    }
  });

  it.each(["v2", "current"] as const)("has the renamed custom module's rows on the mocks (%s line)", (line) => {
    const renamed = rows.filter((r) => r.line === line && r.module === "ServiceCenters");
    expect(renamed.map((r) => [r.operationId.replace(/V2$/, ""), r.call])).toEqual([
      ["listAttachments", "list"],
      ["uploadAttachment", "uploadFile"],
      ["downloadAttachment", "download"],
      ["deleteAttachment", "deleteOne"],
    ]);
    expect(renamed.every((r) => r.on.join() === "mock,stateful" && r.version === (line === "v2" ? "v2" : "v8"))).toBe(
      true,
    );
  });

  it("refuses Calls at v2 (through client.raw) and lists it at v2.1, on the v2 line only", () => {
    const calls = rows.filter((r) => r.module === "Calls");
    expect(calls.map((r) => [r.operationId, r.version, r.call, r.expect])).toEqual([
      ["listAttachmentsV2", "v2", "rawList", { status: [400], codes: ["INVALID_MODULE"] }],
      ["listAttachmentsV2", "v2.1", "list", { status: [200, 204] }],
    ]);
  });

  it("has the stateful rows for partial bulk deletes, a link attached twice and a list by ids", () => {
    const find = (operationId: string, name: string) =>
      rows.filter((r) => r.operationId === operationId && r.name.startsWith(name));
    for (const id of ["deleteAttachmentsV2", "deleteAttachments"]) {
      expect(find(id, "one known and one unknown id").map((r) => [r.on, r.expect])).toEqual([
        [["stateful"], { status: [207], itemCodes: ["SUCCESS", "INVALID_DATA"] }],
        [["live"], { status: [202, 207], itemCodes: ["SUCCESS", "INVALID_DATA"] }],
      ]);
    }
    for (const id of ["uploadAttachmentV2", "uploadAttachment"]) {
      expect(find(id, "the same link twice")).toEqual([
        expect.objectContaining({
          call: "attachSameLink",
          prepare: { kind: "link" },
          writes: true,
          expect: { status: [200], itemCodes: ["DUPLICATE_DATA"] },
        }),
      ]);
    }
    expect(find("listAttachments", "with ids")).toEqual([
      expect.objectContaining({ call: "listByIds", version: "v8", prepare: { kind: "files", count: 2 } }),
    ]);
    expect(find("listAttachmentsV2", "with ids")).toEqual([]);
  });

  it("sends a module that is not of API-name form in the unknown-module rows", async () => {
    const row = rows.find(
      (r) => r.operationId === "listAttachments" && r.name === "unknown module → 400 INVALID_MODULE",
    );
    const sent = row?.tweak?.(new Request("https://www.zohoapis.com/crm/v8/Leads/1000000231009/Attachments?fields=id"));
    expect(sent?.url).toBe("https://www.zohoapis.com/crm/v8/Not-A-Module/1000000231009/Attachments?fields=id");
  });

  it("asks for one page more than Zoho's per_page limit", () => {
    const row = rows.find((r) => r.operationId === "listAttachmentsV2" && r.name.startsWith("per_page above 200"));
    const sent = row?.tweak?.(new Request("https://www.zohoapis.com/crm/v2/Leads/1/Attachments"));
    expect(new URL(sent?.url ?? "http://x.invalid").searchParams.get("per_page")).toBe("201");
  });

  it.each(["v2", "current"] as const)("has documented rows for the wider answers (%s line)", (line) => {
    const id = (kind: string) => (line === "v2" ? `${kind}V2` : kind);
    const find = (kind: string, name: string) => rows.find((r) => r.operationId === id(kind) && r.name === name);
    expect(find("deleteAttachments", "documented 202 acceptedWithErrors")?.expect).toEqual({
      status: [202],
      itemCodes: ["SUCCESS", "INVALID_DATA"],
    });
    expect(find("deleteAttachments", "documented 207 partlyDeleted")?.expect).toEqual({
      status: [207],
      itemCodes: ["SUCCESS", "INVALID_DATA"],
    });
    expect(find("deleteAttachments", "documented 207 noneDeleted")?.expect).toEqual({
      status: [207],
      itemCodes: ["INVALID_DATA", "INVALID_DATA"],
    });
    expect(find("uploadAttachment", "documented 200 linkAlreadyExists")?.expect).toEqual({
      status: [200],
      itemCodes: ["DUPLICATE_DATA"],
    });
    for (const kind of ["getPhoto", "uploadPhoto", "deletePhoto"])
      expect(find(kind, "documented 400 invalidUrlPattern")?.expect).toEqual({
        status: [400],
        codes: ["INVALID_URL_PATTERN"],
      });
  });

  it("has three workflow rows per line, for the stateful mock and writing live runs", () => {
    const workflows = rows.filter((r) => r.source === "workflow");
    expect(workflows.map((r) => `${r.line} ${r.file}`)).toEqual([
      "v2 oneByte",
      "v2 large",
      "v2 nonAscii",
      "current oneByte",
      "current large",
      "current nonAscii",
    ]);
    expect(workflows.every((r) => r.writes && r.on.join() === "stateful,live")).toBe(true);
  });
});

describe("casesFor", () => {
  it("gives the default mock every row but the stateful ones", () => {
    const chosen = casesFor(doc, mockTarget("http://127.0.0.1:1"));
    expect(chosen.some((r) => r.source === "documented")).toBe(true);
    expect(chosen.every((r) => r.on.includes("mock"))).toBe(true);
    expect(chosen.some((r) => r.source === "workflow")).toBe(false);
  });

  it("gives the stateful mock the workflows and state-bound rows, and no documented rows", () => {
    const chosen = casesFor(doc, mockTarget("http://127.0.0.1:1", true));
    expect(chosen.filter((r) => r.source === "workflow")).toHaveLength(6);
    expect(chosen.some((r) => r.name === "a link attachment → 400 DOWNLOAD_NOT_ALLOWED")).toBe(true);
    expect(chosen.some((r) => r.source === "documented")).toBe(false);
  });

  it("keeps a live org read-only unless writes are allowed", () => {
    const readOnly = casesFor(doc, live());
    expect(readOnly.length).toBeGreaterThan(10);
    expect(readOnly.every((r) => !r.writes && r.source === "provoked")).toBe(true);
    expect(new Set(readOnly.map((r) => r.call))).toEqual(new Set(["list", "download", "getPhoto"]));
    expect(readOnly.some((r) => r.needsAttachmentId)).toBe(false);
    expect(casesFor(doc, live({ attachmentId: "4150868000002728012" })).some((r) => r.needsAttachmentId)).toBe(true);

    const writing = casesFor(doc, live({ allowWrites: true }));
    expect(writing.filter((r) => r.source === "workflow")).toHaveLength(6);
    expect(writing.some((r) => r.source === "documented")).toBe(false);
    // Never the record's real photo: no photo upload or delete that succeeds on a live org.
    expect(writing.some((r) => r.name === "uploads a PNG photo" || r.name === "deletes the record's photo")).toBe(
      false,
    );
  });

  it("drops photo rows for a module without photos", () => {
    expect(casesFor(doc, live({ module: "Deals" })).some((r) => /Photo/.test(r.operationId))).toBe(false);
    expect(casesFor(doc, live({ module: "CustomModule3" })).some((r) => /Photo/.test(r.operationId))).toBe(true);
  });
});
