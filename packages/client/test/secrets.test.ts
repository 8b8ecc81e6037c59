import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoApiError, ZohoInputError, ZohoNetworkError } from "../src/index.js";
import { refusedOrigin, useTestServer } from "./helpers/http-server.js";
import { responseExamples } from "./helpers/spec-examples.js";

const SENTINEL = "1000.SENTINEL-8f3a1c.never-print-me";
const RECORD = "4150868000002728001";
const invalidToken = responseExamples("current").find((example) => example.body.code === "INVALID_TOKEN");

const server = useTestServer();

// Every way a token could leak when an object is logged, printed or serialised.
function renderings(value: unknown): string[] {
  const shown = [inspect(value, { depth: Infinity, showHidden: true }), JSON.stringify(value) ?? ""];
  if (value instanceof Error) shown.push(String(value), value.stack ?? "", value.message);
  return shown;
}

function expectNoSentinel(value: unknown): void {
  for (const text of renderings(value)) expect(text).not.toContain(SENTINEL);
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (error: unknown) => error);
}

describe("tokens stay per client", () => {
  it("sends each client's own token, even when calls interleave", async () => {
    server.handle(() => ({ status: 204 }));
    const a = createAttachmentsClient({ apiDomain: server.origin, accessToken: "1000.org-a.token" });
    const b = createAttachmentsClient({ apiDomain: server.origin, accessToken: async () => "1000.org-b.token" });
    await Promise.all([
      a.listAttachments("Leads", "1", { fields: ["id"] }),
      b.listAttachments("Leads", "2", { fields: ["id"] }),
      a.listAttachments("Leads", "3", { fields: ["id"] }),
      b.listAttachments("Leads", "4", { fields: ["id"] }),
    ]);
    const byRecord = Object.fromEntries(server.requests.map((request) => [request.path.split("/")[4], request.headers.authorization]));
    expect(byRecord).toEqual({
      "1": "Zoho-oauthtoken 1000.org-a.token",
      "2": "Zoho-oauthtoken 1000.org-b.token",
      "3": "Zoho-oauthtoken 1000.org-a.token",
      "4": "Zoho-oauthtoken 1000.org-b.token",
    });
  });

  it("asks the provider before every request", async () => {
    server.handle(() => ({ status: 204 }));
    let issued = 0;
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: () => `1000.rotating.${++issued}` });
    await zoho.listAttachments("Leads", RECORD, { fields: ["id"] });
    await zoho.listAttachments("Leads", RECORD, { fields: ["id"] });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      "Zoho-oauthtoken 1000.rotating.1",
      "Zoho-oauthtoken 1000.rotating.2",
    ]);
  });
});

describe("the token never shows", () => {
  it("in the client, its raw client, or their serialisations", () => {
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: SENTINEL });
    expectNoSentinel(zoho);
    expectNoSentinel(zoho.raw);
    expect(Object.values(zoho).join(" ")).not.toContain(SENTINEL);
    expect(JSON.parse(JSON.stringify(zoho))).toEqual({ apiVersion: "v8", line: "current", apiDomain: server.origin });
  });

  it("in a ZohoApiError", async () => {
    server.handle(() => ({ status: 401, json: invalidToken?.body }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: SENTINEL });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 401, code: "INVALID_TOKEN" });
    expectNoSentinel(error);
  });

  it("in a ZohoApiError from a server that echoes the Authorization header", async () => {
    server.handle((request) => ({
      status: 400,
      json: {
        code: "INVALID_DATA",
        details: { header: request.headers.authorization },
        message: `bad header ${request.headers.authorization ?? ""}`,
        status: "error",
      },
    }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: SENTINEL });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoApiError);
    expect((error as ZohoApiError).zohoMessage).toContain("[redacted]");
    expectNoSentinel(error);
  });

  it("in a ZohoNetworkError for a refused connection", async () => {
    const zoho = createAttachmentsClient({ apiDomain: await refusedOrigin(), accessToken: SENTINEL });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expectNoSentinel(error);
  });

  it("in a ZohoNetworkError whose cause quoted the request headers", async () => {
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: SENTINEL,
      fetch: (_input, init) => {
        const leak = new Error(`socket hang up while sending ${JSON.stringify(init?.headers)}`);
        Object.assign(leak, { code: "ECONNRESET", request: { headers: init?.headers } });
        return Promise.reject(new TypeError("fetch failed", { cause: leak }));
      },
    });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(((error as Error).cause as Error).cause).toMatchObject({ code: "ECONNRESET" });
    expectNoSentinel(error);
  });

  it("in errors thrown through client.raw", async () => {
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: SENTINEL,
      fetch: (input) => Promise.reject(new Error(`cannot send ${(input as Request).headers.get("authorization") ?? ""}`)),
    });
    const error = await caught(
      zoho.raw.GET("/crm/v8/{module}/{record_id}/Attachments", {
        params: { path: { module: "Leads", record_id: RECORD }, query: { fields: "id" } },
      }),
    );
    expect(error).toBeInstanceOf(Error);
    expectNoSentinel(error);
  });

  it("in a ZohoInputError", async () => {
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: SENTINEL });
    const error = await caught(zoho.listAttachments("leads" as "Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoInputError);
    expectNoSentinel(error);
  });

  it("in the error for a malformed provider token", async () => {
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: () => `${SENTINEL} extra` });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoInputError);
    expectNoSentinel(error);
  });
});
