import { describe, expect, it } from "vitest";
import { type ApiVersion, createAttachmentsClient, isZohoInputError, ZohoInputError } from "../../src/index.js";
import { useTestServer } from "../helpers/http-server.js";

const TOKEN = "1000.input-test.token";
const RECORD = "4150868000002728001";

const server = useTestServer();

interface Row {
  case: string;
  version: ApiVersion;
  module: string;
  recordId: unknown;
  options?: unknown;
  parameter: string;
  message: RegExp;
}

// Each row bypasses the types on purpose: these are the mistakes plain JavaScript callers can make.
const rows: Row[] = [
  {
    case: "record id as a number",
    version: "v8",
    module: "Leads",
    recordId: 4150868000002728000,
    options: { fields: ["id"] },
    parameter: "recordId",
    message: /precision/,
  },
  {
    case: "record id with letters",
    version: "v8",
    module: "Leads",
    recordId: "41508680000abc",
    options: { fields: ["id"] },
    parameter: "recordId",
    message: /1 to 19 digits/,
  },
  {
    case: "empty record id",
    version: "v8",
    module: "Leads",
    recordId: "",
    options: { fields: ["id"] },
    parameter: "recordId",
    message: /1 to 19 digits/,
  },
  {
    case: "20-digit record id",
    version: "v8",
    module: "Leads",
    recordId: "12345678901234567890",
    options: { fields: ["id"] },
    parameter: "recordId",
    message: /1 to 19 digits/,
  },
  {
    case: "perPage 0",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], perPage: 0 },
    parameter: "perPage",
    message: /1 to 200/,
  },
  {
    case: "perPage 201",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], perPage: 201 },
    parameter: "perPage",
    message: /1 to 200 \(got 201\)/,
  },
  {
    case: "perPage not an integer",
    version: "v2",
    module: "Leads",
    recordId: RECORD,
    options: { perPage: 12.5 },
    parameter: "perPage",
    message: /integer/,
  },
  {
    case: "page 0",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], page: 0 },
    parameter: "page",
    message: /1 or more/,
  },
  {
    case: "page not an integer",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], page: 1.5 },
    parameter: "page",
    message: /integer/,
  },
  {
    case: "fields missing on v8",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: {},
    parameter: "fields",
    message: /fields is mandatory on v8/,
  },
  {
    case: "options missing on v3",
    version: "v3",
    module: "Leads",
    recordId: RECORD,
    options: undefined,
    parameter: "fields",
    message: /mandatory on v3/,
  },
  {
    case: "empty fields array",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: [] },
    parameter: "fields",
    message: /empty/,
  },
  {
    case: "empty field name",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: "id,,Size" },
    parameter: "fields",
    message: /not a field API name/,
  },
  {
    case: "pageToken on v6",
    version: "v6",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], pageToken: "abc" },
    parameter: "pageToken",
    message: /v7 or later/,
  },
  {
    case: "ids on v4",
    version: "v4",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], ids: ["4150868000002728012"] },
    parameter: "ids",
    message: /^ids needs API v5 or later \(this client uses v4\).*apiVersion "v5"\/"v6"\/"v7"\/"v8"\.$/,
  },
  {
    case: "ids on the v2 line",
    version: "v2.1",
    module: "Leads",
    recordId: RECORD,
    options: { ids: ["4150868000002728012"] },
    parameter: "ids",
    message: /ids needs API v5 or later \(this client uses v2\.1\)/,
  },
  {
    case: "an id that is not digits",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], ids: ["4150868000002728012", "abc"] },
    parameter: "ids[1]",
    message: /1 to 19 digits/,
  },
  {
    case: "an id as a number",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], ids: [4150868000002728012] },
    parameter: "ids[0]",
    message: /precision/,
  },
  {
    case: "ids as one string",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], ids: "4150868000002728012,4150868000002728013" },
    parameter: "ids",
    message: /not one string/,
  },
  {
    case: "empty ids",
    version: "v5",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], ids: [] },
    parameter: "ids",
    message: /ids is empty: name at least one attachment id to list \(or leave ids out/,
  },
  {
    case: "invalid Date",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], ifModifiedSince: new Date("not a date") },
    parameter: "ifModifiedSince",
    message: /invalid Date/,
  },
  {
    case: "unparsable date string",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], ifModifiedSince: "yesterday" },
    parameter: "ifModifiedSince",
    message: /ISO 8601/,
  },
  {
    case: "snake_case option",
    version: "v8",
    module: "Leads",
    recordId: RECORD,
    options: { fields: ["id"], per_page: 10 },
    parameter: "per_page",
    message: /Did you mean perPage\?/,
  },
];

type LooseClient = {
  listAttachments(module: unknown, recordId: unknown, options?: unknown): Promise<unknown>;
  iterateAttachments(module: unknown, recordId: unknown, options?: unknown): AsyncGenerator<unknown>;
  iterateAttachmentPages(module: unknown, recordId: unknown, options?: unknown): AsyncGenerator<unknown>;
};

function looseClient(version: ApiVersion): LooseClient {
  return createAttachmentsClient({
    apiDomain: server.origin,
    accessToken: TOKEN,
    apiVersion: version,
  }) as unknown as LooseClient;
}

describe("fields", () => {
  it("sends a name given twice once, in the order first given", async () => {
    server.handle(() => ({ status: 204 }));
    const zoho = looseClient("v8");
    await zoho.listAttachments("Leads", RECORD, { fields: ["id", "File_Name", "id", " File_Name", "Size"] });
    await zoho.listAttachments("Leads", RECORD, { fields: "id,id,id" });
    await zoho.listAttachments("Leads", RECORD, { fields: Array.from({ length: 5000 }, () => "id") });
    expect(server.requests.map((request) => request.query.get("fields"))).toEqual(["id,File_Name,Size", "id", "id"]);
  });
});

describe("bad list input fails before any request", () => {
  it.each(rows)("$case", async (row) => {
    const zoho = looseClient(row.version);
    const calls = [
      () => zoho.listAttachments(row.module, row.recordId, row.options),
      () => zoho.iterateAttachments(row.module, row.recordId, row.options).next(),
      () => zoho.iterateAttachmentPages(row.module, row.recordId, row.options).next(),
    ];
    for (const call of calls) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ZohoInputError);
      expect(isZohoInputError(error)).toBe(true);
      expect(error).toMatchObject({ name: "ZohoInputError", parameter: row.parameter });
      expect((error as Error).message).toMatch(row.message);
    }
    expect(server.requests).toHaveLength(0);
  });
});
