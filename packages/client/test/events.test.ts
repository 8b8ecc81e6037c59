import { describe, expect, it } from "vitest";
import { createAttachmentsClient, createRefreshTokenProvider, type ZohoLogEvent } from "../src/index.js";
import { fakeClock } from "./helpers/fake-clock.js";
import { refusedOrigin, useTestServer } from "./helpers/http-server.js";
import { successExample } from "./helpers/spec-examples.js";
import { issueTokens } from "./helpers/token-server.js";

const RECORD = "4150868000002728001";
const page = successExample("current");

const server = useTestServer();

describe("logger", () => {
  it("reports refresh, request, response and retry events in order", async () => {
    const issue = issueTokens("log");
    let calls = 0;
    server.handle((request) => {
      if (request.path === "/oauth/v2/token") return issue(request);
      calls++;
      return calls === 1 ? { status: 503 } : { status: 200, json: page };
    });
    const events: ZohoLogEvent[] = [];
    const clock = fakeClock();
    const tokens = createRefreshTokenProvider({
      clientId: "1000.ID",
      clientSecret: "secret-x",
      refreshToken: "1000.r",
      accountsServer: server.origin,
    });
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: tokens,
      clock,
      logger: (event) => events.push(event),
    });
    await zoho.listAttachments("Leads", RECORD, { fields: ["id"] });

    const url = `${server.origin}/crm/v8/Leads/${RECORD}/Attachments?fields=id`;
    expect(events.map((event) => event.type)).toEqual([
      "refresh",
      "request",
      "response",
      "retry",
      "request",
      "response",
    ]);
    expect(events[0]).toMatchObject({
      type: "refresh",
      outcome: "success",
      trigger: "missing",
      accountsServer: server.origin,
      dataCenter: undefined,
    });
    expect(events[1]).toEqual({ type: "request", method: "GET", url, attempt: 1 });
    expect(events[2]).toEqual({
      type: "response",
      method: "GET",
      url,
      attempt: 1,
      status: 503,
      failure: undefined,
      durationMs: 0,
    });
    expect(events[3]).toEqual({
      type: "retry",
      method: "GET",
      url,
      attempt: 1,
      delayMs: clock.sleeps[0],
      reason: "HTTP 503",
      status: 503,
    });
    expect(events[5]).toMatchObject({ type: "response", attempt: 2, status: 200 });
    expect(JSON.stringify(events)).not.toMatch(/1000\.log\.1|secret-x|1000\.r"|oauthtoken/i);
  });

  it("reports a connection failure and its retry", async () => {
    const events: ZohoLogEvent[] = [];
    const zoho = createAttachmentsClient({
      apiDomain: await refusedOrigin(),
      accessToken: "1000.t",
      clock: fakeClock(),
      retry: { maxRetries: 1 },
      logger: (event) => events.push(event),
    });
    await expect(zoho.listAttachments("Leads", RECORD, { fields: ["id"] })).rejects.toMatchObject({
      kind: "network",
      retries: 1,
    });
    expect(events.map((event) => event.type)).toEqual(["request", "response", "retry", "request", "response"]);
    expect(events[1]).toMatchObject({ status: undefined, failure: "network" });
    expect(events[2]).toMatchObject({ reason: "network: ECONNREFUSED", status: undefined });
  });

  it("never lets a throwing logger break a call", async () => {
    server.handle(() => ({ status: 200, json: page }));
    const zoho = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: "1000.t",
      logger: () => {
        throw new Error("logger broke");
      },
    });
    expect((await zoho.listAttachments("Leads", RECORD, { fields: ["id"] })).status).toBe(200);
  });
});
