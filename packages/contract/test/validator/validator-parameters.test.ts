/**
 * The request side of an exchange: query and header parameters are held to the operation's
 * parameter list (required, type, range, enum) and to the version each arrived in, and a server
 * that answers such a request with a success is reported as drifting. Each refusal has an
 * accepted counterpart, so none of them passes by matching nothing.
 */
import { describe, expect, it } from "vitest";
import { ContractValidator, type Exchange } from "../../src/validator/validator.js";
import { doc, example, JSON_HEADERS } from "../helpers/spec-examples.js";

const validator = new ContractValidator(doc);
const RECORD = "/Leads/4150868000002728001/Attachments";

const list = (version: string, query: Record<string, string | string[]>, status = 200): Exchange => {
  const line = version === "v2" || version === "v2.1" ? "V2" : "";
  const body =
    status === 200
      ? example(`listAttachments${line}`, 200, "seedSample")
      : example(`listAttachments${line}`, 400, "requiredParamMissing");
  return {
    request: { method: "GET", path: `/crm/${version}${RECORD}`, query, headers: {} },
    response: { status, headers: JSON_HEADERS, body },
  };
};
const found = (exchange: Exchange) => validator.validate(exchange).violations;
const kinds = (exchange: Exchange) => found(exchange).map((v) => v.kind);

describe("query parameters", () => {
  it("reports a v8 list without fields answered 200 as drift, naming the request side", () => {
    expect(found(list("v8", {}))).toEqual([
      {
        kind: "missing-parameter",
        at: "query.fields",
        spec: "#/components/parameters/fields",
        message:
          "request query parameter fields is required by GET /crm/v8/{module}/{record_id}/Attachments and was not sent, yet the server answered 200 instead of refusing it",
      },
    ]);
    expect(found(list("v8", { fields: "id" }))).toEqual([]);
  });

  it("still reports the request when the server refuses it, without calling it drift", () => {
    const refused = list("v8", {}, 400);
    refused.response.body = {
      code: "REQUIRED_PARAM_MISSING",
      details: { param: "fields" },
      message: "x",
      status: "error",
    };
    const [violation, ...rest] = found(refused);
    expect(rest).toEqual([]);
    expect(violation?.kind).toBe("missing-parameter");
    expect(violation?.message).not.toContain("yet the server answered");
  });

  it("judges types and ranges as the schema says, reading the query string as numbers", () => {
    expect(found(list("v8", { fields: "id", per_page: "200", page: "3" }))).toEqual([]);
    const messages = (query: Record<string, string>) =>
      found(list("v8", { fields: "id", ...query })).map((v) => v.message);
    expect(messages({ per_page: "201" })).toEqual([
      'request query parameter per_page must be <= 200 (sent "201"), yet the server answered 200 instead of refusing it',
    ]);
    expect(messages({ per_page: "abc" })[0]).toContain('request query parameter per_page must be integer (sent "abc")');
    expect(messages({ page: "0" })[0]).toContain("request query parameter page must be >= 1");
    expect(messages({ page: "1.5" })[0]).toContain("request query parameter page must be integer");
    expect(messages({ fields: "" })[0]).toContain(
      "request query parameter fields must NOT have fewer than 1 characters",
    );
  });

  it("names the parameter's schema in the spec", () => {
    const [violation] = found(list("v8", { fields: "id", per_page: "500" }));
    expect(violation).toMatchObject({ kind: "invalid-parameter", at: "query.per_page" });
    expect(violation?.spec).toMatch(
      /^#\/(components\/parameters\/[^/]+|paths\/.+\/get\/parameters\/\d+)\/schema\/maximum$/,
    );
  });

  it("refuses a single-valued parameter sent twice", () => {
    expect(found(list("v8", { fields: "id", page: ["1", "2"] })).map((v) => v.message)).toEqual([
      "request query parameter page is sent 2 times; the contract takes one value, yet the server answered 200 instead of refusing it",
    ]);
  });

  it("splits comma-separated ids and checks each", () => {
    const del = (ids: string): Exchange => ({
      request: { method: "DELETE", path: `/crm/v8${RECORD}`, query: { ids } },
      response: { status: 200, headers: JSON_HEADERS, body: example("deleteAttachments", 200, "deleted") },
    });
    expect(found(del("4150868000002728012,4150868000002728019"))).toEqual([]);
    expect(found(del("4150868000002728012,x12"))).toEqual([
      expect.objectContaining({ kind: "invalid-parameter", at: "query.ids/1" }),
    ]);
    const without = del("");
    without.request.query = {};
    expect(kinds(without)).toEqual(["missing-parameter"]);
  });

  it("checks enums: a v8 photo's restrict_triggers", () => {
    const photo = (triggers: string): Exchange => ({
      request: {
        method: "DELETE",
        path: "/crm/v8/Leads/4150868000002728001/photo",
        query: { restrict_triggers: triggers },
      },
      response: { status: 200, headers: JSON_HEADERS, body: example("deletePhoto", 200, "photoDeleted") },
    });
    expect(found(photo("workflow,approval"))).toEqual([]);
    expect(found(photo("workflow,nope"))[0]).toMatchObject({
      kind: "invalid-parameter",
      at: "query.restrict_triggers/1",
    });
  });
});

describe("version thresholds from the facts module", () => {
  it("refuses page_token before v7 and ids before v5, on any version of the line", () => {
    expect(found(list("v7", { fields: "id", page_token: "abc" }))).toEqual([]);
    expect(found(list("v6", { fields: "id", page_token: "abc" })).map((v) => v.message)).toEqual([
      "request query parameter page_token arrived in v7; this request is v6, yet the server answered 200 instead of refusing it",
    ]);
    expect(kinds(list("v5", { fields: "id", ids: "4150868000002728012" }))).toEqual([]);
    expect(kinds(list("v4", { fields: "id", ids: "4150868000002728012" }))).toEqual(["parameter-not-in-version"]);
  });

  it("refuses a link's title before v5, in the query and in the form", () => {
    const upload = (version: string, body: Exchange["request"]["body"], query = {}): Exchange => ({
      request: {
        method: "POST",
        path: `/crm/${version}${RECORD}`,
        query,
        headers: { "content-type": "multipart/form-data; boundary=x" },
        body,
      },
      response: { status: 200, headers: JSON_HEADERS, body: example("uploadAttachment", 200, "linkAttached") },
    });
    const link = { name: "attachmentUrl", bytes: 25, value: "https://www.zohocorp.com/" };
    const title = { name: "title", bytes: 4, value: "Zoho" };
    expect(found(upload("v5", { parts: [link, title], complete: true }))).toEqual([]);
    expect(found(upload("v4", { parts: [link, title], complete: true }))).toEqual([
      expect.objectContaining({
        kind: "parameter-not-in-version",
        at: "form.title",
        message: expect.stringContaining("request form field title arrived in v5; this request is v4"),
      }),
    ]);
    expect(found(upload("v3", { parts: [link], complete: true }, { title: "Zoho" }))).toEqual([
      expect.objectContaining({ kind: "parameter-not-in-version", at: "query.title" }),
    ]);
  });
});

describe("header parameters", () => {
  it("holds a sent If-Modified-Since to its schema, and leaves an absent one alone", () => {
    const conditional = (value: string) => {
      const exchange = list("v2", {});
      exchange.request.headers = { "if-modified-since": value };
      return exchange;
    };
    expect(found(conditional("2025-03-01T10:00:00+05:30"))).toEqual([]);
    expect(found(conditional(""))).toEqual([
      expect.objectContaining({ kind: "invalid-parameter", at: "If-Modified-Since" }),
    ]);
  });
});
