/**
 * The runner's own checks of what a row's call returned, against the stateful mock: a list by ids
 * must hold exactly the attachment it asked for. A proxy that drops `ids` from the query (a server
 * that ignores the filter) must turn the row red; the mock itself must not.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { type MockServer, startMock } from "@zcrm-attachments/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runContract } from "../../src/run/runner.js";
import { allCases } from "../../src/suite/cases.js";
import { createFixtures, type Fixtures } from "../../src/suite/fixtures.js";
import { mockTarget } from "../../src/suite/target.js";
import { loadSpec } from "../../src/validator/spec.js";

let mock: MockServer;
let proxy: Server;
let proxyUrl: string;
let fixtures: Fixtures;

beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true });
  fixtures = await createFixtures({ largeBytes: 1024 });
  // Forwards everything to the mock, minus the list's ids filter.
  proxy = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", mock.url);
    url.searchParams.delete("ids");
    const init: RequestInit & { duplex?: "half" } = {
      method: req.method ?? "GET",
      headers: req.headers as Record<string, string>,
    };
    if (req.method !== "GET" && req.method !== "HEAD")
      Object.assign(init, { body: Readable.toWeb(req), duplex: "half" });
    const answer = await fetch(url, init);
    const headers = new Headers(answer.headers);
    headers.delete("transfer-encoding");
    res.writeHead(answer.status, Object.fromEntries(headers));
    res.end(new Uint8Array(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await mock.close();
  await fixtures.remove();
});

const byIds = allCases(loadSpec()).filter((r) => r.call === "listByIds");

describe("a list by ids", () => {
  it("is one row, on the current line", () => {
    expect(byIds.map((r) => r.operation)).toEqual(["listAttachments (v8 line)"]);
  });

  it("passes against the stateful mock, which filters", async () => {
    const [result] = await runContract(mockTarget(mock.url, true), { fixtures, cases: byIds });
    expect(result?.failures).toEqual([]);
  });

  it("turns red against a server that ignores ids and lists both attachments", async () => {
    const [result] = await runContract(mockTarget(proxyUrl, true), { fixtures, cases: byIds });
    expect(result?.passed).toBe(false);
    expect(result?.failures).toEqual([expect.stringMatching(/^the list by ids \["\d+"\] holds \["\d+","\d+"\]$/)]);
  });
});
