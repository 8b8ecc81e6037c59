import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  createAttachmentsClient,
  createRefreshTokenProvider,
  FileTokenStore,
  MemoryTokenStore,
  ZohoApiError,
  ZohoAuthError,
  ZohoInputError,
  type ZohoLogEvent,
  ZohoNetworkError,
} from "../src/index.js";
import { fakeClock } from "./helpers/fake-clock.js";
import { refusedOrigin, type SeenRequest, startRawServer, useTestServer } from "./helpers/http-server.js";
import { responseExamples } from "./helpers/spec-examples.js";

const SENTINEL = "1000.SENTINEL-8f3a1c.never-print-me";
// The three secrets of a refresh-token setup; issued access tokens are ACCESS_SENTINEL plus a counter.
const ACCESS_SENTINEL = "1000.ACCESS-SENTINEL-5d2c";
const REFRESH_SENTINEL = "1000.REFRESH-SENTINEL-77aa";
const CLIENT_SECRET_SENTINEL = "CLIENT-SECRET-SENTINEL-19fe";
const ALL_SENTINELS = [SENTINEL, ACCESS_SENTINEL, REFRESH_SENTINEL, CLIENT_SECRET_SENTINEL];
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
  for (const text of renderings(value)) for (const sentinel of ALL_SENTINELS) expect(text).not.toContain(sentinel);
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
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
    const byRecord = Object.fromEntries(
      server.requests.map((request) => [request.path.split("/")[4], request.headers.authorization]),
    );
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

  it("in a ZohoApiError from a server that reflects the Authorization header in a response header", async () => {
    server.handle((request) => ({
      status: 403,
      json: { code: "NO_PERMISSION", details: {}, message: "no", status: "error" },
      headers: { "X-Echo": request.headers.authorization ?? "" },
    }));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: SENTINEL });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect((error as ZohoApiError).headers.get("x-echo")).toBe("Zoho-oauthtoken [redacted]");
    expectNoSentinel(error);
  });

  it("in a ZohoNetworkError for a refused connection", async () => {
    const zoho = createAttachmentsClient({
      apiDomain: await refusedOrigin(),
      accessToken: SENTINEL,
      clock: fakeClock(),
    });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(error).toMatchObject({ retries: 2 });
    expectNoSentinel(error);
  });

  it("in a ZohoNetworkError whose cause quoted the request headers, after retries", async () => {
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: SENTINEL,
      clock: fakeClock(),
      fetch: (_input, init) => {
        const leak = new Error(`socket hang up while sending ${JSON.stringify(init?.headers)}`);
        Object.assign(leak, { code: "ECONNRESET", request: { headers: init?.headers } });
        return Promise.reject(new TypeError("fetch failed", { cause: leak }));
      },
    });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(error).toMatchObject({ retries: 2 });
    expect(((error as Error).cause as Error).cause).toMatchObject({ code: "ECONNRESET" });
    expectNoSentinel(error);
  });

  it("in errors thrown through client.raw", async () => {
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: SENTINEL,
      retry: false,
      fetch: (_input, init) =>
        Promise.reject(new Error(`cannot send ${new Headers(init?.headers).get("authorization") ?? ""}`)),
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

// One loopback server as accounts server and API: tokens are ACCESS_SENTINEL.<n>; the API answers
// with `api` (which may echo what it got); token requests are answered by `token` when given.
function serveZoho(
  api: (request: SeenRequest) => { status: number; json?: unknown; text?: string },
  token?: (request: SeenRequest) => { status: number; json?: unknown; text?: string },
): void {
  let issued = 0;
  server.handle((request) => {
    if (request.path !== "/oauth/v2/token") return api(request);
    if (token !== undefined) return token(request);
    issued++;
    return {
      status: 200,
      json: { access_token: `${ACCESS_SENTINEL}.${issued}`, api_domain: server.origin, expires_in: 3600 },
    };
  });
}

function sentinelProvider(extra: Record<string, unknown> = {}) {
  return createRefreshTokenProvider({
    clientId: "1000.CLIENT",
    clientSecret: CLIENT_SECRET_SENTINEL,
    refreshToken: REFRESH_SENTINEL,
    accountsServer: server.origin,
    ...extra,
  });
}

const echo =
  (status: number, code = "INVALID_DATA") =>
  (request: SeenRequest) => ({
    status,
    json: {
      code,
      details: { got: request.headers.authorization, body: request.body },
      message: `echo ${request.headers.authorization ?? ""} ${request.body}`,
      status: "error",
    },
  });

describe("refresh-token secrets never show", () => {
  it("in a provider, its stores, or a client using it, before and after a refresh", async () => {
    serveZoho(() => ({ status: 204 }));
    const dir = await mkdtemp(join(tmpdir(), "zcrm-secrets-"));
    try {
      const memory = new MemoryTokenStore();
      const file = new FileTokenStore(join(dir, "tokens.json"));
      const providers = [sentinelProvider({ tokenStore: memory }), sentinelProvider({ tokenStore: file })];
      const clients = providers.map((tokens) => createAttachmentsClient({ accessToken: tokens }));
      for (const value of [...providers, ...clients, memory, file]) expectNoSentinel(value);
      await Promise.all(clients.map((zoho) => zoho.listAttachments("Leads", RECORD, { fields: ["id"] })));
      for (const value of [...providers, ...clients, memory, file]) expectNoSentinel(value);
      expect(JSON.parse(JSON.stringify(clients[0]))).toEqual({
        apiVersion: "v8",
        line: "current",
        apiDomain: server.origin,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [
      "invalid_client whose description echoes the form",
      (request: SeenRequest) => ({ status: 200, json: { error: "invalid_client", error_description: request.body } }),
    ],
    [
      "an OAuth error code that is the form itself",
      (request: SeenRequest) => ({ status: 400, json: { error: request.body } }),
    ],
    [
      "a non-JSON body echoing the form",
      (request: SeenRequest) => ({ status: 500, text: `<pre>${request.body}</pre>` }),
    ],
  ])("in the ZohoAuthError for %s, and in the refresh events", async (_label, token) => {
    serveZoho(() => ({ status: 204 }), token);
    const events: ZohoLogEvent[] = [];
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: sentinelProvider(),
      logger: (event) => events.push(event),
    });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(server.requests[0]?.body).toContain(CLIENT_SECRET_SENTINEL);
    expectNoSentinel(error);
    expect(events.map((event) => event.type)).toEqual(["refresh"]);
    expectNoSentinel(events);
  });

  it("in the ZohoAuthError when the accounts server's fetch fails quoting the request", async () => {
    const tokens = sentinelProvider({
      fetch: (_input: unknown, init?: RequestInit) => {
        const leak = Object.assign(new Error(`socket closed while sending ${String(init?.body)}`), {
          code: "ECONNRESET",
          body: init?.body,
        });
        return Promise.reject(new TypeError("fetch failed", { cause: leak }));
      },
    });
    const error = await caught(tokens.getAccessToken());
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect((error as Error).message).toContain("ECONNRESET");
    expectNoSentinel(error);
  });

  it("in errors and events of calls that were retried, replayed after INVALID_TOKEN, and failed", async () => {
    let calls = 0;
    serveZoho((request) => {
      calls++;
      // 1: INVALID_TOKEN (replay with a new token), 2-3: 503 echoing the token (retried), 4: 400 echoing it.
      if (calls === 1)
        return {
          status: 401,
          json: { code: "INVALID_TOKEN", details: {}, message: "invalid oauth token", status: "error" },
        };
      return echo(calls < 4 ? 503 : 400)(request);
    });
    const events: ZohoLogEvent[] = [];
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: sentinelProvider(),
      clock: fakeClock(),
      logger: (event) => events.push(event),
    });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 400, retries: 2 });
    expect((error as ZohoApiError).zohoMessage).toContain("[redacted]");
    expect(events.map((event) => event.type)).toEqual([
      "refresh",
      "request",
      "response",
      "retry",
      "refresh",
      "request",
      "response",
      "retry",
      "request",
      "response",
      "retry",
      "request",
      "response",
    ]);
    expectNoSentinel(error);
    expectNoSentinel(events);
    expectNoSentinel(zoho);
  });

  it("in a second INVALID_TOKEN that is surfaced", async () => {
    serveZoho(echo(401, "INVALID_TOKEN"));
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: sentinelProvider() });
    const error = await caught(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toMatchObject({ status: 401, code: "INVALID_TOKEN" });
    expect(server.requests.filter((request) => request.path !== "/oauth/v2/token")).toHaveLength(2);
    expectNoSentinel(error);
  });
});

describe("the token never shows in upload and download failures", () => {
  const echoAuthorization = (request: SeenRequest) => ({
    status: 400,
    json: {
      code: "INVALID_DATA",
      details: { got: request.headers.authorization },
      message: `refused ${request.headers.authorization ?? ""}`,
      status: "error",
    },
    headers: { "X-Echo": request.headers.authorization ?? "" },
  });

  it("in the ZohoApiError of a refused upload that echoes the token", async () => {
    server.handle(echoAuthorization);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: SENTINEL });
    const error = await caught(
      zoho.uploadAttachment("Leads", RECORD, new Uint8Array([1, 2, 3]), { fileName: "a.txt" }),
    );
    expect(error).toBeInstanceOf(ZohoApiError);
    expect((error as ZohoApiError).zohoMessage).toContain("[redacted]");
    expect(server.requests[0]?.headers.authorization).toBe(`Zoho-oauthtoken ${SENTINEL}`);
    expectNoSentinel(error);
  });

  it("in the ZohoNetworkError of an upload whose fetch failed quoting the request", async () => {
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: SENTINEL,
      fetch: (_input, init) =>
        Promise.reject(new TypeError("fetch failed", { cause: new Error(`lost ${JSON.stringify(init?.headers)}`) })),
    });
    const error = await caught(zoho.uploadAttachment("Leads", RECORD, new Uint8Array([1]), { fileName: "a.txt" }));
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expectNoSentinel(error);
  });

  it("in the ZohoApiError of a refused download, and of a 204 saved to a file", async () => {
    server.handle(echoAuthorization);
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: SENTINEL });
    const refused = await caught(zoho.downloadAttachment("Leads", RECORD, "4150868000002728012"));
    expect(refused).toMatchObject({ status: 400, code: "INVALID_DATA" });
    expectNoSentinel(refused);
    server.handle((request) => ({ status: 204, headers: { "X-Echo": request.headers.authorization ?? "" } }));
    const dir = await mkdtemp(join(tmpdir(), "zcrm-secrets-"));
    try {
      const empty = await caught(zoho.downloadAttachmentTo("Leads", RECORD, "4150868000002728012", dir));
      expect(empty).toMatchObject({ status: 204, code: "NO_CONTENT" });
      expectNoSentinel(empty);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("in the ZohoNetworkError of a download body that breaks off, from a server or a fetch quoting the token", async () => {
    const raw = await startRawServer((_req, res) => {
      res.writeHead(200, { "content-length": "100000" });
      res.write(Buffer.alloc(50_000), () => res.destroy());
    });
    try {
      const zoho = createAttachmentsClient({ apiDomain: raw.origin, accessToken: SENTINEL });
      const reset = await zoho.downloadAttachment("Leads", RECORD, "4150868000002728012");
      if (reset.status !== 200) throw new Error("expected a body");
      const error = await caught(new Response(reset.body).arrayBuffer());
      expect(error).toBeInstanceOf(ZohoNetworkError);
      expectNoSentinel(error);
    } finally {
      await raw.close();
    }
    const leaky = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: SENTINEL,
      fetch: async (_input, init) => {
        const token = new Headers(init?.headers).get("authorization") ?? "";
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            controller.error(Object.assign(new Error(`socket closed for ${token}`), { code: `ECONNRESET ${token}` }));
          },
        });
        return new Response(body, { status: 200 });
      },
    });
    const dir = await mkdtemp(join(tmpdir(), "zcrm-secrets-"));
    try {
      const error = await caught(
        leaky.downloadAttachmentTo("Leads", RECORD, "4150868000002728012", join(dir, "a.bin")),
      );
      expect(error).toBeInstanceOf(ZohoNetworkError);
      expect((error as Error).message).toContain("[redacted]");
      expectNoSentinel(error);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
