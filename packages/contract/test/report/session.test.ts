/**
 * The streaming API a proxy will use: an exchange goes in, its verdict comes out at once, the
 * coverage cell is marked, reporters hear of it, and no secret reaches them.
 */
import { describe, expect, it } from "vitest";
import { exchangeFilter } from "../../src/report/exchange-filter.js";
import { ContractSession } from "../../src/report/session.js";
import type { Reporter, SessionResult, Verdict } from "../../src/report/verdict.js";
import type { Exchange } from "../../src/validator/exchange.js";
import { ContractValidator } from "../../src/validator/validator.js";
import { doc, example, JSON_HEADERS } from "../helpers/spec-examples.js";

const TOKEN = "1000.session-sentinel-secret";
const info = { command: "proxy", title: "t", startedAt: new Date(), tool: { name: "zcrm-contract", version: "0" } };
const list = (
  query: Record<string, string>,
  body: unknown = example("listAttachments", 200, "seedSample"),
): Exchange => ({
  request: {
    method: "GET",
    path: "/crm/v8/Leads/1000000231009/Attachments",
    origin: "https://www.zohoapis.com",
    query,
    headers: { authorization: `Zoho-oauthtoken ${TOKEN}` },
  },
  response: { status: 200, headers: JSON_HEADERS, body },
});

function recorder(): Reporter & { seen: Verdict[]; result?: SessionResult } {
  const self: Reporter & { seen: Verdict[]; result?: SessionResult } = {
    seen: [],
    verdict: (v) => self.seen.push(v),
    finish: (r) => {
      self.result = r;
    },
  };
  return self;
}

describe("ContractSession", () => {
  it("turns each exchange into a verdict at once, marks its cell and tells the reporters", async () => {
    const reporter = recorder();
    const session = new ContractSession(info, { validator: new ContractValidator(doc), reporters: [reporter] });
    const held = session.judge(list({ fields: "id" }), { name: "first" });
    expect(held).toMatchObject({
      index: 1,
      kind: "exchange",
      outcome: "passed",
      group: "listAttachments (v8 line)",
      operation: "GET /crm/v8/{module}/{record_id}/Attachments",
    });
    expect(reporter.seen).toEqual([held]);
    expect(
      session.coverage.summary().cells.find((c) => c.operationId === "listAttachments" && c.status === "200")?.state,
    ).toBe("held");
    const drift = session.judge(list({}), { name: "second" });
    expect(drift).toMatchObject({ outcome: "failed", findings: [{ kind: "missing-parameter", at: "query.fields" }] });
    expect(drift.repro[0]?.curl).toContain("Zoho-oauthtoken [redacted]");
    const result = await session.finish();
    expect(result).toMatchObject({ exitCode: 1, totals: { passed: 1, failed: 1, skipped: 0, errors: 0, total: 2 } });
    expect(reporter.result).toBe(result);
  });

  it("skips what the filter leaves out, what matches no operation and what got no response", () => {
    const session = new ContractSession(info, { filter: exchangeFilter({ exclude: ["/crm/v2/**"] }) });
    const favicon: Exchange = { request: { method: "GET", path: "/favicon.ico" }, response: { status: 200 } };
    const v2: Exchange = { request: { method: "GET", path: "/crm/v2/Leads/1/Attachments" }, response: { status: 204 } };
    const blocked: Exchange = {
      request: { method: "GET", path: "/crm/v8/Leads/1/Attachments" },
      response: { status: 0 },
    };
    expect(session.judge(favicon, { name: "a" }).findings[0]?.message).toBe(
      "GET /favicon.ico matches no documented operation",
    );
    expect(session.judge(v2, { name: "b" }).findings[0]?.message).toBe("excluded by --exclude /crm/v2/**");
    expect(session.judge(blocked, { name: "c" }).findings[0]?.message).toContain("no response was recorded (status 0)");
    expect(session.coverage.summary().held + session.coverage.summary().failed).toBe(0);
  });

  it("scrubs every token it has seen from what reporters get, even echoed into a body", async () => {
    const reporter = recorder();
    const session = new ContractSession(info, { reporters: [reporter] });
    const echoed = example("listAttachments", 200, "seedSample") as { data: Record<string, unknown>[] };
    echoed.data[0]!.id = 42;
    echoed.data[0]!.File_Name = TOKEN;
    session.judge(list({ fields: "id" }, JSON.stringify(echoed)), { name: `named after ${TOKEN}` });
    session.unreadable(`problem mentioning ${TOKEN}`, { name: "x" });
    await session.finish();
    expect(JSON.stringify(reporter.seen)).not.toContain(TOKEN);
    expect(JSON.stringify(reporter.result)).not.toContain(TOKEN);
    expect(reporter.seen[0]?.name).toBe("named after [redacted]");
  });

  it("fails the session below --min-coverage and says by how much", async () => {
    const session = new ContractSession(info);
    session.judge(list({ fields: "id" }), { name: "one" });
    const result = await session.finish({ minCoverage: 100 });
    expect(result.exitCode).toBe(1);
    expect(result.coverageShortfall).toMatch(
      /^coverage 0\.4% is below --min-coverage 100: \d+ of \d+ documented cells never exercised, 0 failed$/,
    );
    expect((await new ContractSession(info).finish({ minCoverage: 0 })).exitCode).toBe(0);
  });
});
