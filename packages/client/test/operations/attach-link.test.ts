import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoApiError } from "../../src/index.js";
import { parseMultipart } from "../files/parse-multipart.js";
import { fakeClock } from "../helpers/fake-clock.js";
import { namedExample } from "../helpers/spec-examples.js";
import { sendJson, uploaded, useCaptureServer, zohoError } from "./capture-server.js";

const server = useCaptureServer();
const RECORD = "4150868000002728001";
const LINK_ID = "4150868000002728077";
const LINK = "https://www.zohocorp.com/docs?a=1&b=2#top";

function client(apiVersion: "v8" | "v5" | "v4" | "v2" = "v8") {
  return createAttachmentsClient({
    apiDomain: server.origin,
    accessToken: "1000.link",
    apiVersion,
    clock: fakeClock(),
  });
}

function fields(body: Buffer, contentType: string): Record<string, string> {
  const parts = parseMultipart(body, contentType);
  for (const part of parts) expect(part.fileName).toBeUndefined();
  return Object.fromEntries(parts.map((part) => [part.name, part.body.toString("utf8")]));
}

describe("an error item in a 200 answer", () => {
  // The spec's example: the same link attached twice, refused inside data[] under 200.
  it.each(["form", "query"] as const)(
    "is a ZohoApiError with the item's code, message and details (via %s)",
    async (via) => {
      server.respond((_request, res) => sendJson(res, 200, namedExample("link-already-exists")));
      const error = await client()
        .attachLink("Leads", RECORD, LINK, { via })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZohoApiError);
      expect(error).toMatchObject({
        status: 200,
        code: "DUPLICATE_DATA",
        zohoMessage: "Attachment link already exists",
        details: {},
        method: "POST",
      });
      expect((error as Error).message).toBe(
        `DUPLICATE_DATA (HTTP 200): Attachment link already exists [POST ${server.origin}/crm/v8/Leads/${RECORD}/Attachments` +
          `${via === "query" ? `?attachmentUrl=${encodeURIComponent(LINK)}` : ""}]`,
      );
      // A refusal inside a 200 is Zoho's final word: no retry.
      expect(server.requests).toHaveLength(1);
    },
  );
});

describe("attachLink", () => {
  it("sends attachmentUrl and title as multipart fields by default (Zoho's docs)", async () => {
    server.respond((_request, res) => sendJson(res, 200, uploaded(LINK_ID)));
    const result = await client().attachLink("Leads", RECORD, LINK, { title: "Zoho — docs ✓" });
    expect(result.data.details.id).toBe(LINK_ID);
    const [request] = server.requests;
    if (request === undefined) throw new Error("no request");
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`/crm/v8/Leads/${RECORD}/Attachments`);
    expect(request.headers["content-length"]).toBe(String(request.body.length));
    expect(fields(request.body, String(request.headers["content-type"]))).toEqual({
      attachmentUrl: LINK,
      title: "Zoho — docs ✓",
    });
  });

  it("leaves the title out when none is given (v2 line)", async () => {
    server.respond((_request, res) => sendJson(res, 200, uploaded(LINK_ID)));
    await client("v2").attachLink("Leads", RECORD, LINK);
    const [request] = server.requests;
    if (request === undefined) throw new Error("no request");
    expect(request.path).toBe(`/crm/v2/Leads/${RECORD}/Attachments`);
    expect(fields(request.body, String(request.headers["content-type"]))).toEqual({ attachmentUrl: LINK });
  });

  it('sends them in the query with no body via "query" (Zoho\'s SDKs)', async () => {
    server.respond((_request, res) => sendJson(res, 200, uploaded(LINK_ID)));
    const result = await client("v5").attachLink("Contacts", RECORD, LINK, { title: "Zoho & co", via: "query" });
    expect(result.data.details.id).toBe(LINK_ID);
    const [request] = server.requests;
    if (request === undefined) throw new Error("no request");
    expect(request.path).toBe(`/crm/v5/Contacts/${RECORD}/Attachments`);
    expect(request.query.get("attachmentUrl")).toBe(LINK);
    expect(request.query.get("title")).toBe("Zoho & co");
    expect([...request.query.keys()]).toEqual(["attachmentUrl", "title"]);
    expect(request.body.length).toBe(0);
    expect(request.headers["content-type"]).toBeUndefined();
  });

  it("throws Zoho's INVALID_URL_PATTERN refusal as a ZohoApiError", async () => {
    server.respond((_request, res) =>
      sendJson(res, 400, zohoError("INVALID_URL_PATTERN", "the given attachment URL is incorrect")),
    );
    const error = await client("v4")
      .attachLink("Leads", RECORD, "https://x.invalid/")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 400, code: "INVALID_URL_PATTERN", method: "POST" });
  });

  it("retries a 429 with the same form", async () => {
    let calls = 0;
    server.respond((_request, res) => {
      calls++;
      if (calls === 1) sendJson(res, 429, zohoError("TOO_MANY_REQUESTS", "slow down"));
      else sendJson(res, 200, uploaded(LINK_ID));
    });
    await client().attachLink("Leads", RECORD, LINK);
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests.map((request) =>
      fields(request.body, String(request.headers["content-type"])),
    );
    expect(first).toEqual({ attachmentUrl: LINK });
    expect(second).toEqual(first);
  });
});
