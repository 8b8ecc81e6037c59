/**
 * Request bodies the client sends: an upload carries exactly one of a `file` part or an
 * `attachmentUrl` (form field or query), per the spec's request schema.
 */
import { describe, expect, it } from "vitest";
import type { FormPart, RequestBody } from "../../src/validator/exchange.js";
import { ContractValidator, type Exchange } from "../../src/validator/validator.js";
import { doc, example, JSON_HEADERS } from "../helpers/spec-examples.js";

const validator = new ContractValidator(doc);
const MULTIPART = "multipart/form-data; boundary=x";
const file: FormPart = { name: "file", fileName: "Résumé 日本.pdf", contentType: "application/pdf", bytes: 1234 };
const url = (value: string): FormPart => ({ name: "attachmentUrl", bytes: value.length, value });
const form = (...parts: FormPart[]): RequestBody => ({ parts, complete: true });

function upload(
  line: "v2" | "v8",
  body: RequestBody | null | undefined,
  query: Record<string, string> = {},
  contentType = MULTIPART,
): Exchange {
  const operationId = line === "v2" ? "uploadAttachmentV2" : "uploadAttachment";
  return {
    request: {
      method: "POST",
      path: `/crm/${line}/Leads/1000000231009/Attachments`,
      query,
      headers: body ? { "content-type": contentType } : {},
      body,
    },
    response: { status: 200, headers: JSON_HEADERS, body: example(operationId, 200, "fileUploaded") },
  };
}
const violations = (exchange: Exchange) => validator.validate(exchange).violations;
const messages = (exchange: Exchange) => violations(exchange).map((v) => `${v.kind}: ${v.message}`);

describe("upload request bodies", () => {
  it.each(["v2", "v8"] as const)("accepts a file, a link in the form and a link in the query (%s line)", (line) => {
    expect(violations(upload(line, form(file)))).toEqual([]);
    expect(violations(upload(line, form(url("https://www.zohocorp.com"))))).toEqual([]);
    expect(violations(upload(line, null, { attachmentUrl: "https://www.zohocorp.com" }))).toEqual([]);
  });

  it("accepts a title with a link on the v8 line only", () => {
    const titled = form(url("https://www.zohocorp.com"), { name: "title", bytes: 4, value: "Zoho" });
    expect(violations(upload("v8", titled))).toEqual([]);
    expect(messages(upload("v2", titled))).toEqual([
      "invalid-request-body: request body must NOT have additional properties (title)",
    ]);
  });

  it("rejects an upload with neither a file nor a link, with or without an empty body", () => {
    const expected = [
      "invalid-request-body: the request carries none of a file part, attachmentUrl (a form field or in the query); the contract takes exactly one",
    ];
    expect(messages(upload("v8", null))).toEqual(expected);
    expect(messages(upload("v8", form()))).toEqual(expected);
    expect(messages(upload("v8", null, { title: "only a title" }))).toEqual(expected);
  });

  it("rejects a file and a link together, wherever the link is", () => {
    const both =
      "invalid-request-body: the request carries file and attachmentUrl together; the contract takes exactly one of a file part, attachmentUrl (a form field or in the query)";
    expect(messages(upload("v8", form(file, url("https://www.zohocorp.com"))))).toEqual([both]);
    expect(messages(upload("v2", form(file), { attachmentUrl: "https://www.zohocorp.com" }))).toEqual([both]);
  });

  it("rejects a link sent twice, a file sent twice, and parts of the wrong nature", () => {
    expect(messages(upload("v8", form(url("https://a.example")), { attachmentUrl: "https://b.example" }))).toEqual([
      "invalid-request-body: attachmentUrl is sent both in the query and in the form",
    ]);
    expect(messages(upload("v8", form(file, file)))).toEqual([
      "invalid-request-body: part file appears more than once",
    ]);
    expect(messages(upload("v8", form({ name: "file", bytes: 3, value: "abc" })))).toEqual([
      "invalid-request-body: part file must be a file (its Content-Disposition has no filename)",
    ]);
    expect(messages(upload("v8", form({ name: "attachmentUrl", fileName: "u.txt", bytes: 10 })))).toContain(
      "invalid-request-body: part attachmentUrl must be a plain field, not a file",
    );
  });

  it("validates the link against its schema", () => {
    const notAUrl = messages(upload("v8", form(url("not a url"))));
    expect(notAUrl).toContain('invalid-request-body: request body/attachmentUrl must match format "uri"');
    expect(notAUrl.filter((m) => m.includes("must match pattern"))).toHaveLength(1);
    // A URI of another scheme is well-formed, but not a web link the contract takes.
    expect(messages(upload("v8", form(url("javascript:alert(1)"))))).toEqual([
      expect.stringMatching(/^invalid-request-body: request body\/attachmentUrl must match pattern /),
    ]);
    expect(messages(upload("v8", form(url(`https://x.example/${"a".repeat(3000)}`))))).toEqual([
      "invalid-request-body: request body/attachmentUrl must NOT have more than 3000 characters",
    ]);
  });

  it("rejects a body that is not multipart, and a malformed multipart body", () => {
    expect(messages(upload("v8", { bytes: 2, complete: true }, {}, "application/json"))).toEqual([
      "undocumented-request-content-type: request content type application/json is not documented (documented: multipart/form-data)",
    ]);
    expect(
      messages(upload("v8", { bytes: 20, parts: [], complete: true, problem: "garbage after a delimiter" })),
    ).toEqual(["invalid-request-body: the multipart body is malformed: garbage after a delimiter"]);
  });

  it("judges nothing about a body it did not see whole, or did not record", () => {
    expect(violations(upload("v8", { bytes: 10, complete: false }))).toEqual([]);
    expect(violations(upload("v8", { bytes: 200_000_000, complete: true }))).toEqual([]);
    expect(violations(upload("v8", undefined))).toEqual([]);
  });
});

describe("other request bodies", () => {
  const photo = (body: RequestBody | null): Exchange => ({
    request: {
      method: "POST",
      path: "/crm/v8/Leads/1000000231009/photo",
      headers: { "content-type": MULTIPART },
      body,
    },
    response: { status: 200, headers: JSON_HEADERS, body: example("uploadPhoto", 200, "photoUploaded") },
  });

  it("requires the photo file", () => {
    expect(violations(photo(form({ ...file, fileName: "me.png", contentType: "image/png" })))).toEqual([]);
    expect(messages(photo(null))).toEqual([
      "missing-request-body: the request has no body where the contract requires one",
    ]);
    expect(messages(photo(form(url("https://x.example"))))).toEqual([
      "invalid-request-body: request body must have required property 'file'",
      "invalid-request-body: request body must NOT have additional properties (attachmentUrl)",
    ]);
  });

  it("rejects a body on an operation that takes none", () => {
    const exchange: Exchange = {
      request: { method: "DELETE", path: "/crm/v8/Leads/1000000231009/photo", body: { bytes: 4, complete: true } },
      response: { status: 200, headers: JSON_HEADERS, body: example("deletePhoto", 200, "photoDeleted") },
    };
    expect(messages(exchange)).toEqual([
      "invalid-request-body: the request has a body where the contract documents none",
    ]);
    expect(violations({ ...exchange, request: { ...exchange.request, body: null } })).toEqual([]);
  });
});
