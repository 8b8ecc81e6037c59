import { knownErrorCodeValues } from "@zcrm-attachments/types";
import { describe, expect, it } from "vitest";
import {
  createAttachmentsClient,
  isZohoApiError,
  isZohoNetworkError,
  ZohoApiError,
  ZohoError,
  ZohoNetworkError,
} from "../../src/index.js";
import { refusedOrigin, useTestServer } from "../helpers/http-server.js";
import { errorExamples } from "../helpers/spec-examples.js";

const TOKEN = "1000.errors-test.token";
const RECORD = "4150868000002728001";

const server = useTestServer();

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

describe("every known error code reaches the caller as it came", () => {
  it.each(knownErrorCodeValues)("%s", async (code) => {
    const body = { code, details: { param_name: "x" }, message: `about ${code}`, status: "error" };
    server.handle(() => ({ status: 400, json: body }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, retry: false });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 400, code, zohoMessage: `about ${code}`, details: { param_name: "x" } });
  });

  it("knows the codes Zoho's OpenAPI and SDKs list beside the documented ones", () => {
    for (const code of [
      "INVALID_REQUEST",
      "DUPLICATE_DATA",
      "STORAGE_SPACE_EXCEEDED",
      "VIRUS_DETECTED",
      "LIMIT_REACHED",
      "NOT_ALLOWED",
      "API_NOT_SUPPORTED",
    ]) {
      expect(knownErrorCodeValues).toContain(code);
    }
  });
});

describe("every documented error becomes a ZohoApiError", () => {
  const examples = errorExamples();

  it("finds the spec's error examples", () => {
    const codes = new Set(examples.map((example) => example.body.code));
    expect(codes).toEqual(
      new Set([
        "INVALID_MODULE",
        "INVALID_DATA",
        "INVALID_REQUEST_METHOD",
        "AUTHORIZATION_FAILED",
        "INVALID_TOKEN",
        "OAUTH_SCOPE_MISMATCH",
        "AUTHENTICATION_FAILURE",
        "NO_PERMISSION",
        "INVALID_URL_PATTERN",
        "INTERNAL_ERROR",
        "REQUIRED_PARAM_MISSING",
        "TOO_MANY_REQUESTS",
        "SERVICE_UNAVAILABLE",
      ]),
    );
  });

  it.each(examples.map((example) => [example.operation, example.status, example.name, example] as const))(
    "%s %i %s",
    async (operation, status, _name, example) => {
      server.handle(() => ({ status, json: example.body }));
      // Retries are off: this table is about the mapping (retries have their own tests).
      const zoho = createAttachmentsClient({
        apiDomain: server.origin,
        accessToken: TOKEN,
        apiVersion: operation === "v2" ? "v2" : "v8",
        retry: false,
      });
      const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));

      expect(error).toBeInstanceOf(ZohoApiError);
      expect(error).toBeInstanceOf(ZohoError);
      expect(isZohoApiError(error)).toBe(true);
      const apiError = error as ZohoApiError;
      expect(apiError.name).toBe("ZohoApiError");
      expect(apiError.status).toBe(status);
      expect(apiError.code).toBe(example.body.code);
      expect(apiError.zohoMessage).toBe(example.body.message);
      expect(apiError.details).toEqual(example.body.details);
      expect(apiError.method).toBe("GET");
      expect(apiError.url).toBe(
        `${server.origin}/crm/${operation === "v2" ? "v2" : "v8"}/Leads/${RECORD}/Attachments?fields=id`,
      );
      expect(apiError.headers.get("content-type")).toContain("application/json");
      expect(apiError.message).toContain(`${String(example.body.code)} (HTTP ${status})`);
    },
  );

  it("falls back to HTTP_<status> for a non-JSON body", async () => {
    server.handle(() => ({
      status: 502,
      text: "<html><body>Bad   gateway</body></html>",
      headers: { "content-type": "text/html" },
    }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, retry: false });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({
      status: 502,
      code: "HTTP_502",
      zohoMessage: "<html><body>Bad gateway</body></html>",
      details: {},
    });
  });

  it("falls back to the status text for an empty error body", async () => {
    server.handle(() => ({ status: 503 }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN, retry: false });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toMatchObject({ status: 503, code: "HTTP_503", zohoMessage: "Service Unavailable" });
  });

  it("reads an error wrapped in data[]", async () => {
    const item = {
      code: "INVALID_DATA",
      details: { id: "1" },
      message: "the id given seems to be invalid",
      status: "error",
    };
    server.handle(() => ({ status: 400, json: { data: [item] } }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toMatchObject({ status: 400, code: "INVALID_DATA", details: { id: "1" } });
  });
});

describe("requests without a response become ZohoNetworkError", () => {
  it("for a refused connection, keeping the system error as the cause", async () => {
    const zoho = createAttachmentsClient({ apiDomain: await refusedOrigin(), accessToken: TOKEN, retry: false });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(isZohoNetworkError(error)).toBe(true);
    const networkError = error as ZohoNetworkError;
    expect(networkError.kind).toBe("network");
    expect(networkError.message).toContain("ECONNREFUSED");
    expect(networkError.url).toMatch(/\/crm\/v8\/Leads\/4150868000002728001\/Attachments\?fields=id$/);
    expect(networkError.cause).toBeInstanceOf(Error);
  });

  it("for an aborted request", async () => {
    const controller = new AbortController();
    server.handle(() => {
      controller.abort();
      return new Promise<never>(() => {});
    });
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"], signal: controller.signal }));
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect((error as ZohoNetworkError).kind).toBe("aborted");
  });

  it("for a request timed out by AbortSignal.timeout", async () => {
    server.handle(() => new Promise<never>(() => {}));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: TOKEN });
    const error = await failure(
      zoho.listAttachments("Leads", RECORD, { fields: ["id"], signal: AbortSignal.timeout(20) }),
    );
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect((error as ZohoNetworkError).kind).toBe("timeout");
  });
});

describe("token providers", () => {
  it("wraps a provider's failure in a ZohoError with the original as cause", async () => {
    const problem = new Error("refresh token revoked");
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: () => Promise.reject(problem),
    });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoError);
    expect((error as ZohoError).cause).toBe(problem);
    expect(server.requests).toHaveLength(0);
  });
});
