/**
 * The contract as wide as real Zoho, through the validator on the real bundled spec: renamed custom
 * modules, bulk deletes that partly fail (202, 207), an error item inside an upload's 200, a string
 * `$field_states`, octet-stream photos and INVALID_URL_PATTERN as a photo 400. Each acceptance has
 * a counterpart that must be refused, so none of them passes by matching nothing.
 */
import { describe, expect, it } from "vitest";
import { ContractValidator, type Exchange } from "../../src/validator/validator.js";
import { doc, example, JSON_HEADERS } from "../helpers/spec-examples.js";

const validator = new ContractValidator(doc);
const RECORD = "4150868000002728001";
const ATTACHMENT = "4150868000002728012";
const BYTES = new TextEncoder().encode("%PDF-1.7 service report");

const path = (line: "v2" | "v8", module: string, rest = "") => `/crm/${line}/${module}/${RECORD}/Attachments${rest}`;
const json = (method: string, at: string, status: number, body: unknown): Exchange => ({
  request: { method, path: at },
  response: { status, headers: JSON_HEADERS, body },
});
const check = (exchange: Exchange) => validator.validate(exchange);
const item = (code: string, id: string, status: "success" | "error") => ({
  code,
  details: { id },
  message: status === "success" ? "record deleted" : "record not deleted",
  status,
});

describe("a renamed custom module (ServiceCenters)", () => {
  it.each(["v2", "v8"] as const)("conforms for a list, an upload, a download and a delete (%s line)", (line) => {
    const suffix = line === "v2" ? "V2" : "";
    const list = example(`listAttachments${suffix}`, 200, "seedSample");
    expect(check(json("GET", `${path(line, "ServiceCenters")}?fields=id`, 200, list))).toEqual({
      operation: `GET /crm/${line}/{module}/{record_id}/Attachments`,
      operationId: `listAttachments${suffix}`,
      violations: [],
    });
    const uploaded = example(`uploadAttachment${suffix}`, 200, "fileUploaded");
    const upload: Exchange = {
      request: {
        method: "POST",
        path: path(line, "ServiceCenters"),
        headers: { "content-type": "multipart/form-data; boundary=x" },
        body: { parts: [{ name: "file", fileName: "report.pdf", bytes: BYTES.length }], complete: true },
      },
      response: { status: 200, headers: JSON_HEADERS, body: uploaded },
    };
    expect(check(upload)).toMatchObject({ operationId: `uploadAttachment${suffix}`, violations: [] });
    const download: Exchange = {
      request: { method: "GET", path: path(line, "ServiceCenters", `/${ATTACHMENT}`) },
      response: {
        status: 200,
        headers: {
          "content-type": "application/pdf",
          "content-disposition": 'attachment; filename="report.pdf"',
          "content-length": String(BYTES.length),
        },
        body: BYTES,
      },
    };
    expect(check(download)).toMatchObject({ operationId: `downloadAttachment${suffix}`, violations: [] });
    const deleted = { data: [item("SUCCESS", ATTACHMENT, "success")] };
    expect(check(json("DELETE", path(line, "ServiceCenters", `/${ATTACHMENT}`), 200, deleted))).toMatchObject({
      operationId: `deleteAttachment${suffix}`,
      violations: [],
    });
  });

  it("is still held to the schema: a numeric id in its list is refused", () => {
    const list = example("listAttachments", 200, "seedSample") as { data: Record<string, unknown>[] };
    (list.data[0] as Record<string, unknown>).id = 4150868000002728012;
    expect(check(json("GET", path("v8", "ServiceCenters", "?fields=id"), 200, list)).violations).toEqual([
      expect.objectContaining({ kind: "invalid-body", message: "body/data/0/id must be string" }),
    ]);
  });
});

describe("bulk deletes that partly fail", () => {
  const ids = `?ids=${ATTACHMENT},4150868000002728099`;
  const mixed = {
    data: [item("SUCCESS", ATTACHMENT, "success"), item("INVALID_DATA", "4150868000002728099", "error")],
  };

  it.each([
    [207, "v2"],
    [207, "v8"],
    [202, "v2"],
    [202, "v8"],
  ] as const)("accepts a %i with a per-item error (%s line)", (status, line) => {
    expect(check(json("DELETE", path(line, "ServiceCenters", ids), status, mixed))).toMatchObject({
      operationId: line === "v2" ? "deleteAttachmentsV2" : "deleteAttachments",
      violations: [],
    });
  });

  it("refuses a 207 whose items are not Zoho's", () => {
    const broken = { data: [{ id: ATTACHMENT, deleted: true }] };
    const { violations } = check(json("DELETE", path("v8", "Leads", ids), 207, broken));
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.kind === "invalid-body")).toBe(true);
  });

  it("refuses a 207 on the single delete, where it is not documented", () => {
    const { violations } = check(json("DELETE", path("v8", "Leads", `/${ATTACHMENT}`), 207, mixed));
    expect(violations).toEqual([expect.objectContaining({ kind: "undocumented-status" })]);
    expect(violations[0]?.message).toContain(
      "status 207 is not documented for DELETE /crm/v8/{module}/{record_id}/Attachments/{attachment_id}",
    );
  });
});

describe("an upload's 200 carrying an error item", () => {
  const duplicate = { code: "DUPLICATE_DATA", details: {}, message: "Attachment link already exists", status: "error" };
  const upload = (line: "v2" | "v8", body: unknown): Exchange => ({
    request: { method: "POST", path: path(line, "Leads"), query: { attachmentUrl: "https://www.zohocorp.com" } },
    response: { status: 200, headers: JSON_HEADERS, body },
  });

  it.each(["v2", "v8"] as const)("conforms (%s line)", (line) => {
    expect(check(upload(line, { data: [duplicate] })).violations).toEqual([]);
  });

  it("refuses an item that is neither SUCCESS nor a whole error", () => {
    const { details: _, ...withoutDetails } = duplicate;
    expect(check(upload("v8", { data: [withoutDetails] })).violations).not.toEqual([]);
  });
});

describe("the wider attachment and photo answers", () => {
  it("accepts $field_states as a string, an object or null, and nothing else", () => {
    const list = (value: unknown) => {
      const body = example("listAttachments", 200, "seedSample") as { data: Record<string, unknown>[] };
      (body.data[0] as Record<string, unknown>).$field_states = value;
      return check(json("GET", `${path("v8", "Leads")}?fields=id`, 200, body)).violations;
    };
    expect(list("{}")).toEqual([]);
    expect(list({})).toEqual([]);
    expect(list(null)).toEqual([]);
    expect(list(5)).toEqual([expect.objectContaining({ kind: "invalid-body", at: "/data/0/$field_states" })]);
  });

  it.each(["v2", "v8"] as const)("accepts a photo served as application/octet-stream (%s line)", (line) => {
    const photo: Exchange = {
      request: { method: "GET", path: `/crm/${line}/Contacts/${RECORD}/photo` },
      response: {
        status: 200,
        headers: {
          "content-type": "application/octet-stream",
          "content-disposition": 'attachment; filename="photo.png"',
          "content-length": String(BYTES.length),
        },
        body: BYTES,
      },
    };
    expect(check(photo).violations).toEqual([]);
    photo.response.headers = { ...photo.response.headers, "content-type": "application/pdf" };
    expect(check(photo).violations).toEqual([expect.objectContaining({ kind: "undocumented-content-type" })]);
  });

  it.each(["v2", "v8"] as const)("accepts INVALID_URL_PATTERN as a 400 on a photo path (%s line)", (line) => {
    const body = { code: "INVALID_URL_PATTERN", details: {}, message: "Please check the URL", status: "error" };
    expect(check(json("GET", `/crm/${line}/Contacts/${RECORD}/photo`, 400, body)).violations).toEqual([]);
    expect(
      check(json("GET", `/crm/${line}/Contacts/${RECORD}/photo`, 400, { code: "INVALID_URL_PATTERN" })).violations,
    ).not.toEqual([]);
  });
});
