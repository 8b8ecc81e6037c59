import { describe, expect, it } from "vitest";
import { ContractValidator, type Exchange } from "../../src/validator/validator.js";
import {
  concretePath,
  doc,
  example,
  JSON_HEADERS,
  requiredQuery,
  responseExamples,
  V2_PATH,
  V8_PATH,
} from "../helpers/spec-examples.js";

const validator = new ContractValidator(doc);

function exchange(
  path: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = JSON_HEADERS,
  method = "GET",
): Exchange {
  return { request: { method, path }, response: { status, headers, body } };
}

const v2Sample = () => example("listAttachmentsV2", 200, "seedSample") as { data: Record<string, unknown>[] };
const v8Sample = () => example("listAttachments", 200, "seedSample") as { data: Record<string, unknown>[] };

describe("ContractValidator", () => {
  it.each(responseExamples().map((r) => [`${r.operationId} ${r.status} ${r.key}`, r] as const))(
    "accepts the spec's example %s",
    (_, row) => {
      expect(
        validator.validate(
          exchange(
            concretePath(row.path) + requiredQuery(row.operationId),
            row.status,
            row.value,
            JSON_HEADERS,
            row.method,
          ),
        ).violations,
      ).toEqual([]);
    },
  );

  it("accepts the seed samples on every version of their line", () => {
    for (const version of ["v2", "v2.1"]) {
      const result = validator.validate(exchange(`/crm/${version}/Leads/1000000231009/Attachments`, 200, v2Sample()));
      expect(result).toMatchObject({ operationId: "listAttachmentsV2", violations: [] });
    }
    for (const version of ["v3", "v4", "v5", "v6", "v7", "v8"]) {
      const result = validator.validate(
        exchange(`/crm/${version}/Leads/1000000231009/Attachments?fields=id`, 200, v8Sample()),
      );
      expect(result).toMatchObject({ operationId: "listAttachments", violations: [] });
    }
  });

  it("accepts a JSON body given as text, as recorded on the wire", () => {
    expect(validator.validate(exchange(V2_PATH, 200, JSON.stringify(v2Sample()))).violations).toEqual([]);
  });

  it("rejects an attachment id sent as a JSON number", () => {
    const body = v2Sample();
    (body.data[0] as Record<string, unknown>).id = 4150868000002728012;
    const { violations } = validator.validate(exchange(V2_PATH, 200, body));
    expect(violations).toContainEqual(
      expect.objectContaining({ kind: "invalid-body", at: "/data/0/id", message: "body/data/0/id must be string" }),
    );
  });

  it("rejects a data member that is not an array", () => {
    const body = { ...v8Sample(), data: v8Sample().data[0] };
    const { violations } = validator.validate(exchange(V8_PATH, 200, body));
    expect(violations).toContainEqual(
      expect.objectContaining({ kind: "invalid-body", at: "/data", message: "body/data must be array" }),
    );
  });

  it("rejects an undocumented status", () => {
    const { violations } = validator.validate(exchange(V2_PATH, 418, { code: "TEAPOT" }));
    expect(violations).toEqual([expect.objectContaining({ kind: "undocumented-status" })]);
    expect(violations[0]?.message).toContain("status 418 is not documented");
  });

  it("rejects an undocumented content type, ignoring parameters of documented ones", () => {
    const html = validator.validate(exchange(V2_PATH, 200, "<html></html>", { "content-type": "text/html" }));
    expect(html.violations).toEqual([expect.objectContaining({ kind: "undocumented-content-type" })]);
    const charset = validator.validate(
      exchange(V2_PATH, 200, v2Sample(), { "content-type": "application/json; charset=utf-8" }),
    );
    expect(charset.violations).toEqual([]);
  });

  it("rejects a body on a response documented as empty, and an empty body where one is documented", () => {
    expect(validator.validate(exchange(V2_PATH, 204, { data: [] })).violations).toEqual([
      expect.objectContaining({ kind: "unexpected-body" }),
    ]);
    expect(validator.validate(exchange(V2_PATH, 200, undefined)).violations).toEqual([
      expect.objectContaining({ kind: "missing-body" }),
    ]);
    expect(validator.validate(exchange(V2_PATH, 304, undefined, {})).violations).toEqual([]);
  });

  it("rejects an error body that is not Zoho's shape", () => {
    const { violations } = validator.validate(
      exchange(V8_PATH, 400, { type: "about:blank", title: "Bad Request", status: 400 }),
    );
    expect(violations.map((v) => v.message)).toEqual(
      expect.arrayContaining(["body must have required property 'code'", "body must have required property 'details'"]),
    );
  });

  it("rejects undocumented attachment keys but accepts Zoho's $-prefixed and __s keys", () => {
    const body = v2Sample();
    Object.assign(body.data[0] as object, { $new_meta: 1, Something__s: "x" });
    expect(validator.validate(exchange(V2_PATH, 200, body)).violations).toEqual([]);
    Object.assign(body.data[0] as object, { Surprise: true });
    expect(validator.validate(exchange(V2_PATH, 200, body)).violations).toEqual([
      expect.objectContaining({
        kind: "invalid-body",
        message: "body/data/0 must NOT have additional properties (Surprise)",
      }),
    ]);
  });

  it("reports an exchange that matches no operation, unless told which operation answered", () => {
    const wrongPath = exchange("/crm/v2/Leads/1/Nope", 404, example("listAttachmentsV2", 404, "invalidUrlPattern"));
    expect(validator.validate(wrongPath).violations).toEqual([expect.objectContaining({ kind: "unknown-operation" })]);
    expect(validator.validate(wrongPath, { operationId: "listAttachmentsV2" }).violations).toEqual([]);
  });

  it("checks documented headers: required ones must be present, present ones must match", () => {
    const spec = structuredClone(doc);
    const op = spec.paths["/crm/v2/{module}/{record_id}/Attachments"]?.get as {
      responses: Record<string, { headers: Record<string, unknown> }>;
    };
    op.responses["200"]!.headers["X-ACCESSTOKEN-RESET"] = {
      required: true,
      schema: { type: "string", format: "date-time" },
    };
    const strict = new ContractValidator(spec);
    expect(strict.validate(exchange(V2_PATH, 200, v2Sample())).violations).toEqual([
      {
        kind: "missing-header",
        at: "X-ACCESSTOKEN-RESET",
        spec: "#/paths/~1crm~1v2~1{module}~1{record_id}~1Attachments/get/responses/200/headers/X-ACCESSTOKEN-RESET",
        message: "required header X-ACCESSTOKEN-RESET is missing",
      },
    ]);
    const bad = strict.validate(exchange(V2_PATH, 200, v2Sample(), { ...JSON_HEADERS, "x-accesstoken-reset": "soon" }));
    expect(bad.violations).toEqual([expect.objectContaining({ kind: "invalid-header", at: "X-ACCESSTOKEN-RESET" })]);
    const good = strict.validate(
      exchange(V2_PATH, 200, v2Sample(), { ...JSON_HEADERS, "x-accesstoken-reset": "2025-03-01T10:00:00+05:30" }),
    );
    expect(good.violations).toEqual([]);
  });
});
