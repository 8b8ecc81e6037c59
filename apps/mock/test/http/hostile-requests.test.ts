import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { rawExchange } from "../fuzz/raw-http.js";
import { specExample, V2, V8 } from "../spec-examples.js";

// Requests no well-behaved client sends, each answered with the body Zoho would give (the
// spec's examples), never an exception's text or Prism's problem document (reliability review
// D3 and D15). The raw ones go over a plain TCP socket, since no HTTP client sends them.

const TOKEN = "1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf";
const AUTH = `Authorization: Zoho-oauthtoken ${TOKEN}`;
const ZOHO_JSON = "application/json;charset=UTF-8";
const LEAK = /\n\s+at |node_modules|file:\/\/|stoplight|prism|URIError|RangeError|TypeError|SyntaxError/i;
const BAD_ESCAPES = ["%zz", "%", "%c3%28", "%ff%fe", "%e2%82", "%ed%a0%80", "%c0%af"];

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});

afterAll(async () => {
  await mock.close();
});

/** Sends one request line and headers as given, byte for byte. */
async function raw(requestLine: string, headers: string[] = [AUTH], options: { head?: boolean } = {}) {
  const head = `${requestLine}\r\nHost: 127.0.0.1\r\n${headers.map((h) => `${h}\r\n`).join("")}\r\n`;
  const answer = await rawExchange(mock.port, [Buffer.from(head, "latin1")], options);
  const text = answer.body.toString("utf8");
  expect(text).not.toMatch(LEAK);
  const json = answer.headers["content-type"]?.startsWith("application/json") === true && text !== "";
  return { ...answer, json: json ? (JSON.parse(text) as unknown) : undefined };
}

describe("percent-encoding that does not decode", () => {
  it.each(BAD_ESCAPES)("%s as the module is INVALID_MODULE", async (bad) => {
    const res = await raw(`GET /crm/v8/${bad}/1000000231009/Attachments?fields=id HTTP/1.1`);
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe(ZOHO_JSON);
    expect(res.json).toStrictEqual(specExample(V8, 400, "invalidModule"));
  });

  it.each(BAD_ESCAPES)("%s as the record id is INVALID_DATA for the record id", async (bad) => {
    const res = await raw(`GET /crm/v2/Leads/${bad}/Attachments HTTP/1.1`);
    expect(res.status).toBe(400);
    expect(res.json).toStrictEqual(specExample(V2, 400, "invalidRecordId"));
  });

  it.each(BAD_ESCAPES)("%s as the attachment id is INVALID_DATA naming it", async (bad) => {
    const res = await raw(`GET /crm/v8/Leads/1000000231009/Attachments/${bad} HTTP/1.1`);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "INVALID_DATA", details: { param_name: "attachment_id" }, status: "error" });
  });
});

describe("encoded digits", () => {
  it("an attachment id with encoded digits downloads the same file as the plain id", async () => {
    const plain = await raw("GET /crm/v8/Leads/1000000231009/Attachments/4150868000002728012 HTTP/1.1");
    const encoded = await raw("GET /crm/v8/Leads/1000000231009/Attachments/%34150868000002728012 HTTP/1.1");
    expect(encoded.status).toBe(200);
    expect(encoded.headers["content-disposition"]).toBe(plain.headers["content-disposition"]);
    expect(encoded.body.equals(plain.body)).toBe(true);
  });
});

describe("targets that are no path", () => {
  it.each([
    ["OPTIONS * HTTP/1.1"],
    ["GET http://[bad/crm/v8/Leads/1/Attachments HTTP/1.1"],
    ["GET http://127.0.0.1:1/ HTTP/1.1"],
  ])("%s is INVALID_URL_PATTERN", async (line) => {
    const res = await raw(line);
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toBe(ZOHO_JSON);
    expect(res.json).toStrictEqual(specExample(V8, 404, "invalidUrlPattern"));
  });

  it("HEAD * is a 404 with Zoho's JSON headers and no body", async () => {
    const res = await raw("HEAD * HTTP/1.1", [AUTH], { head: true });
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toBe(ZOHO_JSON);
    expect(Number(res.headers["content-length"])).toBe(
      JSON.stringify(specExample(V8, 404, "invalidUrlPattern")).length,
    );
  });
});

describe("headers", () => {
  it("a token shaped like the mock's own with an expiry past any date is INVALID_TOKEN", async () => {
    const res = await raw("GET /crm/v8/Leads/1000000231009/Attachments?fields=id HTTP/1.1", [
      "Authorization: Zoho-oauthtoken 1000.zcrm-mock.9999999999999999.x",
    ]);
    expect(res.status).toBe(401);
    expect(res.json).toStrictEqual(specExample(V8, 401, "invalidToken"));
  });

  it("a Content-Type that is no media type is ignored on a list, as Zoho reads no body there", async () => {
    const res = await raw("GET /crm/v8/Leads/1000000231009/Attachments?fields=id HTTP/1.1", [
      AUTH,
      "Content-Type: \xff\xfe",
    ]);
    expect(res.status).toBe(200);
    expect(res.json).toStrictEqual(specExample(V8, 200, "seedSample"));
  });

  it("a Content-Type that is no media type on an upload is MANDATORY_NOT_FOUND (no file, no link)", async () => {
    const res = await raw("POST /crm/v8/Leads/1000000231009/Attachments HTTP/1.1", [
      AUTH,
      "Content-Type: \xff\xfe",
      "Content-Length: 0",
    ]);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "MANDATORY_NOT_FOUND", status: "error" });
  });

  it("Accept: text/html still gets Zoho's JSON: Zoho answers JSON whatever Accept says", async () => {
    const res = await raw("GET /crm/v8/Leads/1000000231009/Attachments?fields=id HTTP/1.1", [
      AUTH,
      "Accept: text/html",
    ]);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe(ZOHO_JSON);
    expect(res.json).toStrictEqual(specExample(V8, 200, "seedSample"));
  });
});

describe("requests Node's parser refuses", () => {
  it("a method that is no token is INVALID_REQUEST_METHOD", async () => {
    const res = await raw("G(T /crm/v8/Leads/1/Attachments HTTP/1.1");
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe(ZOHO_JSON);
    expect(res.json).toStrictEqual(specExample(V8, 400, "invalidRequestMethod"));
  });

  it("a header line without a colon is INVALID_DATA naming the headers", async () => {
    const res = await raw("GET /crm/v8/Leads/1/Attachments?fields=id HTTP/1.1", [AUTH, "no colon here"]);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "INVALID_DATA", details: { param_name: "headers" }, status: "error" });
  });

  it("a Content-Length that is no number is INVALID_DATA naming the body", async () => {
    const res = await raw("POST /crm/v8/Leads/1/Attachments HTTP/1.1", [AUTH, "Content-Length: ten"]);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "INVALID_DATA", details: { param_name: "body" }, status: "error" });
  });

  it("headers past Node's limit are 431 with Zoho's INVALID_DATA body", async () => {
    const res = await raw("GET /crm/v8/Leads/1/Attachments?fields=id HTTP/1.1", [AUTH, `X-Big: ${"a".repeat(20_000)}`]);
    expect(res.status).toBe(431);
    expect(res.json).toMatchObject({ code: "INVALID_DATA", details: { param_name: "headers" }, status: "error" });
  });

  it("an Expect the mock cannot meet is 417 with Zoho's INVALID_DATA naming Expect", async () => {
    const res = await raw("GET /crm/v8/Leads/1/Attachments?fields=id HTTP/1.1", [AUTH, "Expect: nothing-known"]);
    expect(res.status).toBe(417);
    expect(res.json).toMatchObject({ code: "INVALID_DATA", details: { param_name: "Expect" }, status: "error" });
  });

  it("an HTTP/1.1 request without Host is INVALID_DATA naming Host", async () => {
    const answer = await rawExchange(mock.port, [
      `GET /crm/v2/Leads/1000000231009/Attachments HTTP/1.1\r\n${AUTH}\r\n\r\n`,
    ]);
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe(ZOHO_JSON);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ code: "INVALID_DATA", details: { param_name: "Host" } });
  });

  it("the mock still answers a good request afterwards", async () => {
    const res = await raw("GET /crm/v2/Leads/1000000231009/Attachments HTTP/1.1");
    expect(res.status).toBe(200);
    expect(res.json).toStrictEqual(specExample(V2, 200, "seedSample"));
  });
});
