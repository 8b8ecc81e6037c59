import { describe, expect, it } from "vitest";
import { apiVersions, createAttachmentsClient, lineOf, ZohoApiError } from "../../src/index.js";
import { useTestServer } from "../helpers/http-server.js";
import { successExample } from "../helpers/spec-examples.js";

const TOKEN = "1000.list-test.token";
const RECORD = "4150868000002728001";
const v2Sample = successExample("v2");
const currentSample = successExample("current");

const server = useTestServer();

function serve(json: unknown, status = 200, headers: Record<string, string> = {}): void {
  server.handle(() => ({ status, json, headers }));
}

describe("listAttachments: the request", () => {
  it.each(["v5", "v8"] as const)("sends ids comma-separated on %s, each id once", async (apiVersion) => {
    serve(currentSample);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion });
    const ids = ["1386586000002588012", "1386586000002588019", "1386586000002588012"];
    await zoho.listAttachments("Leads", RECORD, { fields: ["id"], ids, perPage: 10 });
    expect(server.requests.map((request) => request.url)).toEqual([
      `/crm/${apiVersion}/Leads/${RECORD}/Attachments?fields=id&ids=1386586000002588012,1386586000002588019&per_page=10`,
    ]);
    expect(server.requests[0]?.query.get("ids")).toBe("1386586000002588012,1386586000002588019");
  });

  it("sends GET /crm/v8/{module}/{id}/Attachments with fields joined by commas and the Zoho auth header", async () => {
    serve(currentSample);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    await zoho.listAttachments("Leads", RECORD, { fields: ["id", "Owner", "File_Name", "Created_Time", "Parent_Id"] });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe(`/crm/v8/Leads/${RECORD}/Attachments?fields=id,Owner,File_Name,Created_Time,Parent_Id`);
    expect(request?.headers.authorization).toBe(`Zoho-oauthtoken ${TOKEN}`);
    expect(request?.headers["if-modified-since"]).toBeUndefined();
  });

  it.each(apiVersions)("puts %s in the path", async (version) => {
    serve(lineOf(version) === "v2" ? v2Sample : currentSample);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: version });
    await zoho.listAttachments("Contacts", RECORD, { fields: "id" });
    expect(server.requests[0]?.url).toBe(`/crm/${version}/Contacts/${RECORD}/Attachments?fields=id`);
  });

  it("takes fields as a comma-separated string and trims the names", async () => {
    serve(currentSample);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    await zoho.listAttachments("Deals", RECORD, { fields: " id, File_Name ,Size" });
    expect(server.requests[0]?.query.get("fields")).toBe("id,File_Name,Size");
    expect(server.requests[0]?.url).toContain("fields=id,File_Name,Size");
  });

  it("sends page and per_page", async () => {
    serve(currentSample);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v6" });
    await zoho.listAttachments("Leads", RECORD, { fields: ["id"], page: 3, perPage: 50 });
    expect(server.requests[0]?.url).toBe(`/crm/v6/Leads/${RECORD}/Attachments?fields=id&page=3&per_page=50`);
  });

  it("sends page_token on v7", async () => {
    serve(currentSample);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v7" });
    await zoho.listAttachments("Leads", RECORD, { fields: ["id"], pageToken: "c2VlZA==", perPage: 200 });
    const [request] = server.requests;
    expect(request?.path).toBe(`/crm/v7/Leads/${RECORD}/Attachments`);
    expect(request?.query.get("page_token")).toBe("c2VlZA==");
    expect(request?.query.get("per_page")).toBe("200");
    expect(request?.query.has("page")).toBe(false);
  });

  it("sends no query at all on v2 when no option is given", async () => {
    serve(v2Sample);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v2" });
    await zoho.listAttachments("Price_Books", RECORD);
    expect(server.requests[0]?.url).toBe(`/crm/v2/Price_Books/${RECORD}/Attachments`);
  });

  it("accepts any custom module's API name, with or without the deprecated customModules", async () => {
    serve(currentSample);
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: TOKEN,
      customModules: ["Projects_X"],
    });
    await zoho.listAttachments("CustomModule12", RECORD, { fields: ["id"] });
    await zoho.listAttachments("Projects_X", RECORD, { fields: ["id"] });
    await zoho.listAttachments("ServiceCenters", RECORD, { fields: ["id"] });
    expect(server.requests.map((request) => request.path)).toEqual([
      `/crm/v8/CustomModule12/${RECORD}/Attachments`,
      `/crm/v8/Projects_X/${RECORD}/Attachments`,
      `/crm/v8/ServiceCenters/${RECORD}/Attachments`,
    ]);
  });

  it("formats an If-Modified-Since Date as ISO 8601 with an offset, and passes strings through", async () => {
    server.handle(() => ({ status: 304 }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    await zoho.listAttachments("Leads", RECORD, {
      fields: ["id"],
      ifModifiedSince: new Date(Date.UTC(2020, 9, 12, 12, 29, 50)),
    });
    await zoho.listAttachments("Leads", RECORD, { fields: ["id"], ifModifiedSince: "2020-10-12T17:59:50+05:30" });
    expect(server.requests.map((request) => request.headers["if-modified-since"])).toEqual([
      "2020-10-12T12:29:50+00:00",
      "2020-10-12T17:59:50+05:30",
    ]);
  });

  it("calls the injected fetch", async () => {
    serve(currentSample);
    const seen: string[] = [];
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: TOKEN,
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await zoho.listAttachments("Leads", RECORD, { fields: ["id"] });
    expect(seen).toEqual([`${server.origin}/crm/v8/Leads/${RECORD}/Attachments?fields=id`]);
  });
});

describe("listAttachments: the response", () => {
  it("returns the current line's data and info (with page tokens) and the response headers", async () => {
    serve(currentSample, 200, { "X-ACCESSTOKEN-RESET": "2026-11-22T18:00:00+00:00" });
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const page = await zoho.listAttachments("Leads", RECORD, { fields: ["id", "File_Name"] });
    expect(page.status).toBe(200);
    expect(page.notModified).toBe(false);
    expect(page.data).toEqual(currentSample.data);
    expect(page.info).toEqual(currentSample.info);
    expect(page.headers.get("x-accesstoken-reset")).toBe("2026-11-22T18:00:00+00:00");
  });

  it("returns the v2 line's data and info", async () => {
    serve(v2Sample);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v2.1" });
    const page = await zoho.listAttachments("Leads", RECORD);
    expect(page).toMatchObject({ status: 200, data: v2Sample.data, info: v2Sample.info, notModified: false });
  });

  it("returns an empty page for 204", async () => {
    server.handle(() => ({ status: 204 }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const page = await zoho.listAttachments("Leads", RECORD, { fields: ["id"] });
    expect(page).toMatchObject({ status: 204, data: [], info: null, notModified: false });
  });

  it("reports 304 as notModified with no data", async () => {
    server.handle(() => ({ status: 304 }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const page = await zoho.listAttachments("Leads", RECORD, { fields: ["id"], ifModifiedSince: new Date() });
    expect(page).toMatchObject({ status: 304, data: [], info: null, notModified: true });
  });

  it("hands $field_states over as Zoho sent it, an object, a string or null", async () => {
    const base = (currentSample.data as Array<Record<string, unknown>>)[0] ?? {};
    const data = [
      { ...base, id: "1386586000002588012", $field_states: '{"File_Name":"readonly"}' },
      { ...base, id: "1386586000002588019", $field_states: {} },
      { ...base, id: "1386586000002588026", $field_states: null },
    ];
    serve({ ...currentSample, data });
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const page = await zoho.listAttachments("Leads", RECORD, { fields: ["id", "$field_states"] });
    expect(page.data.map((attachment) => attachment.$field_states)).toEqual(['{"File_Name":"readonly"}', {}, null]);
  });

  it("accepts an empty 200 list", async () => {
    serve({ data: [], info: { per_page: 200, count: 0, page: 1, more_records: false } });
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const page = await zoho.listAttachments("Leads", RECORD, { fields: ["id"] });
    expect(page).toMatchObject({ status: 200, data: [], info: { count: 0 } });
  });

  it.each([
    ["a non-JSON body", { status: 200, text: "<html>ok</html>" }],
    ["a body without data", { status: 200, json: { info: {} } }],
    ["an empty body", { status: 200, text: "" }],
  ])("turns a 200 with %s into a ZohoApiError INVALID_RESPONSE", async (_label, reply) => {
    server.handle(() => reply);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const error = await zoho.listAttachments("Leads", RECORD, { fields: ["id"] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 200, code: "INVALID_RESPONSE" });
  });
});

describe("client.raw", () => {
  it("is openapi-fetch with the picked version, auth, and comma-joined arrays", async () => {
    serve(currentSample);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v5" });
    const { data, response } = await zoho.raw.GET("/crm/v8/{module}/{record_id}/Attachments", {
      params: { path: { module: "Leads", record_id: RECORD }, query: { fields: "id,File_Name", per_page: 10 } },
    });
    expect(response.status).toBe(200);
    expect(data?.data).toEqual(currentSample.data);
    expect(server.requests[0]?.url).toBe(`/crm/v5/Leads/${RECORD}/Attachments?fields=id%2CFile_Name&per_page=10`);
    expect(server.requests[0]?.headers.authorization).toBe(`Zoho-oauthtoken ${TOKEN}`);
  });

  it("runs user middleware on a real Request that does not carry the token", async () => {
    serve(v2Sample);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v2" });
    const seen: Array<string | null> = [];
    zoho.raw.use({
      onRequest({ request }) {
        seen.push(request.headers.get("authorization"));
        request.headers.set("X-Trace", "abc");
        return request;
      },
    });
    await zoho.raw.GET("/crm/v2/{module}/{record_id}/Attachments", {
      params: { path: { module: "Leads", record_id: RECORD } },
    });
    expect(seen).toEqual([null]);
    expect(server.requests[0]?.headers["x-trace"]).toBe("abc");
    expect(server.requests[0]?.headers.authorization).toBe(`Zoho-oauthtoken ${TOKEN}`);
  });

  it("exposes the version and the line", () => {
    const v21 = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v2.1" });
    const v3 = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, apiVersion: "v3" });
    expect([v21.apiVersion, v21.line, v3.apiVersion, v3.line]).toEqual(["v2.1", "v2", "v3", "current"]);
  });
});
