/**
 * What the proxy judges and how: a JSON answer the target compressed is judged decoded; one over
 * the size cap is judged by its size with a note saying its schema was not checked; the accounts
 * server's token endpoint is forwarded but not judged; --include/--exclude filters leave exchanges
 * unjudged but forwarded; and the coverage fills as traffic passes.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { startProxy } from "../../src/proxy/start-proxy.js";
import { exchangeFilter } from "../../src/report/exchange-filter.js";
import { closedAfterEach, JSON_TYPE, keeper, sendJson, startTarget } from "../helpers/proxy-fixtures.js";
import { example, V2_PATH, V8_PATH } from "../helpers/spec-examples.js";

const closing = closedAfterEach();

const listing = () => example("listAttachments", 200, "seedSample") as { data: Record<string, unknown>[] };

describe("startProxy: judging", () => {
  it("judges a gzip-compressed JSON answer by its decoded body", async () => {
    const target = closing(
      await startTarget((req, res) => {
        const body = listing();
        if (req.url?.includes("bad")) body.data[0] = { ...body.data[0], id: 42 };
        const bytes = gzipSync(JSON.stringify(body));
        res.writeHead(200, { "content-type": JSON_TYPE, "content-encoding": "gzip", "content-length": bytes.length });
        res.end(bytes);
      }),
    );
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: target.url, port: 0, reporters: [reporter] }));
    for (const query of ["fields=id", "fields=id&bad=1"]) {
      const answer = await fetch(`${proxy.url}${V8_PATH}?${query}`, { headers: { "accept-encoding": "gzip" } });
      expect(answer.status).toBe(200);
      await answer.json();
    }
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(2));
    expect(reporter.verdicts.map((v) => v.outcome)).toEqual(["passed", "failed"]);
    expect(reporter.verdicts[1]?.findings.map((f) => f.message)).toEqual(["body/data/0/id must be string"]);
  });

  it("judges a JSON answer above maxJsonBytes by its size only, and says its schema was not checked", async () => {
    const body = listing();
    body.data[0] = { ...body.data[0], id: 42 };
    const target = closing(await startTarget((_req, res) => sendJson(res, 200, body)));
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: target.url, port: 0, reporters: [reporter], maxJsonBytes: 100 }));
    expect(await (await fetch(`${proxy.url}${V8_PATH}?fields=id`)).json()).toEqual(body);
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(1));
    expect(reporter.verdicts[0]).toMatchObject({
      outcome: "passed",
      notes: ["the recording holds no response body (only its size), so the body's schema was not checked"],
    });
  });

  it("forwards the accounts server's token endpoint without judging it, and skips what matches no operation", async () => {
    const target = closing(
      await startTarget((req, res) =>
        req.url?.startsWith("/oauth/")
          ? sendJson(res, 200, { access_token: "1000.x", api_domain: "http://x", expires_in: 3600 })
          : sendJson(res, 404, { code: "INVALID_URL_PATTERN" }),
      ),
    );
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: target.url, port: 0, reporters: [reporter] }));
    const token = await fetch(`${proxy.url}/oauth/v2/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: "1000.r" }),
    });
    expect(await token.json()).toMatchObject({ access_token: "1000.x" });
    expect((await fetch(`${proxy.url}/crm/v8/users?type=CurrentUser`)).status).toBe(404);
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(1));
    const result = await proxy.close();
    expect(reporter.verdicts[0]).toMatchObject({ outcome: "skipped", summary: "GET /crm/v8/users → 404" });
    expect(result.totals).toMatchObject({ total: 1, skipped: 1 });
    expect(result.exitCode).toBe(0);
    expect(target.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /oauth/v2/token",
      "GET /crm/v8/users?type=CurrentUser",
    ]);
  });

  it("leaves filtered exchanges unjudged but forwarded, and fills the coverage with the judged ones", async () => {
    const target = closing(await startTarget((_req, res) => sendJson(res, 200, listing())));
    const reporter = keeper();
    const proxy = closing(
      await startProxy({
        target: target.url,
        port: 0,
        reporters: [reporter],
        filter: exchangeFilter({ exclude: ["/crm/v2/**"] }),
      }),
    );
    expect((await fetch(`${proxy.url}${V2_PATH}`)).status).toBe(200);
    expect((await fetch(`${proxy.url}${V8_PATH}?fields=id`)).status).toBe(200);
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(2));
    expect(proxy.session.coverage.summary().held).toBe(1);
    const result = await proxy.close({ minCoverage: 50 });
    expect(reporter.verdicts.map((v) => [v.outcome, v.findings[0]?.message])).toEqual([
      ["skipped", "excluded by --exclude /crm/v2/**"],
      ["passed", undefined],
    ]);
    expect(result.coverageShortfall).toMatch(/^coverage 0\.4% is below --min-coverage 50/);
    expect(result.exitCode).toBe(1);
    expect(target.seen).toHaveLength(2);
  });
});
