/**
 * The proxy as a client and a target see it, against a bare loopback target: requests and answers
 * pass unchanged (hop-by-hop headers aside, Host naming the target), under a target's base path
 * too; a target that does not answer gets the client a 502 that says so; and each exchange is
 * judged the moment it ends, before the proxy closes.
 */
import { request } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { startProxy } from "../../src/proxy/start-proxy.js";
import { closedAfterEach, keeper, sendJson, startTarget } from "../helpers/proxy-fixtures.js";
import { example, V8_PATH } from "../helpers/spec-examples.js";

const closing = closedAfterEach();

/** One request by node:http, which lets a test set any header; resolves with the raw answer. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer },
): Promise<{ status: number; statusText: string; rawHeaders: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? "",
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("startProxy: forwarding", () => {
  it("passes method, path, query, headers and body through, and the answer back as the target gave it", async () => {
    const target = closing(
      await startTarget((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
          res.writeHead(207, "Partly Done", [
            "Content-Type",
            "text/plain",
            "Set-Cookie",
            "a=1; Path=/",
            "Set-Cookie",
            "b=2; Path=/",
            "X-Echo",
            Buffer.concat(chunks).toString(),
          ]);
          res.end("body from the target");
        });
      }),
    );
    const proxy = closing(await startProxy({ target: target.url, port: 0 }));
    const answer = await send(`${proxy.url}/anything/here?x=1&x=2&y=%C3%A9`, {
      method: "PATCH",
      headers: {
        "X-Custom": "kept",
        Connection: "keep-alive, X-Hop",
        "X-Hop": "dropped",
        "Content-Type": "text/plain",
      },
      body: Buffer.from("sent body"),
    });
    expect(answer.status).toBe(207);
    expect(answer.statusText).toBe("Partly Done");
    expect(answer.body.toString()).toBe("body from the target");
    const pairs = answer.rawHeaders.flatMap((v, i, all) => (i % 2 === 0 ? [`${v}: ${all[i + 1]}`] : []));
    expect(pairs).toEqual(
      expect.arrayContaining(["Set-Cookie: a=1; Path=/", "Set-Cookie: b=2; Path=/", "X-Echo: sent body"]),
    );
    const [seen] = target.seen;
    expect(seen?.method).toBe("PATCH");
    expect(seen?.url).toBe("/anything/here?x=1&x=2&y=%C3%A9");
    expect(seen?.headers.host).toBe(new URL(target.url).host);
    expect(seen?.headers["x-custom"]).toBe("kept");
    expect(seen?.headers["x-hop"]).toBeUndefined();
  });

  it("puts the target's base path in front of every path", async () => {
    const target = closing(
      await startTarget((_req, res) => {
        res.end();
      }),
    );
    const proxy = closing(await startProxy({ target: `${target.url}/gateway/`, port: 0 }));
    await send(`${proxy.url}${V8_PATH}?fields=id`, {});
    expect(target.seen.map((r) => r.url)).toEqual([`/gateway${V8_PATH}?fields=id`]);
    expect(proxy.target).toBe(`${target.url}/gateway`);
  });

  it("answers 502 naming the target when it cannot be reached, and counts the exchange as an error", async () => {
    const gone = await startTarget(() => {});
    await gone.close();
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: gone.url, port: 0, reporters: [reporter] }));
    const answer = await send(`${proxy.url}${V8_PATH}?fields=id`, {});
    expect(answer.status).toBe(502);
    expect(answer.body.toString()).toMatch(
      new RegExp(
        `^zcrm-contract proxy: the target ${gone.url.replaceAll(".", "\\.")} did not answer: connect ECONNREFUSED`,
      ),
    );
    const result = await proxy.close();
    expect(result.exitCode).toBe(1);
    expect(reporter.verdicts).toHaveLength(1);
    expect(reporter.verdicts[0]).toMatchObject({ outcome: "error" });
    expect(reporter.verdicts[0]?.findings[0]?.message).toMatch(
      /^GET \/crm\/v8\/Leads\/1000000231009\/Attachments: the target did not answer: connect ECONNREFUSED/,
    );
  });

  it("judges each exchange as soon as it ends: a violation reaches the reporters before close", async () => {
    const bad = example("listAttachments", 200, "seedSample") as { data: { id: unknown }[] };
    for (const item of bad.data) item.id = Number(item.id);
    const target = closing(
      await startTarget((req, res) =>
        sendJson(res, 200, req.url?.includes("bad") ? bad : example("listAttachments", 200, "seedSample")),
      ),
    );
    const reporter = keeper();
    const proxy = closing(await startProxy({ target: target.url, port: 0, reporters: [reporter] }));
    await send(`${proxy.url}${V8_PATH}?fields=id,File_Name`, {});
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(1));
    expect(reporter.verdicts[0]).toMatchObject({
      outcome: "passed",
      operationId: "listAttachments",
      name: "exchange 1",
      summary: `GET ${V8_PATH} → 200`,
      source: target.url,
    });
    await send(`${proxy.url}${V8_PATH}?fields=id,File_Name&bad=1`, {});
    await vi.waitFor(() => expect(reporter.verdicts).toHaveLength(2));
    expect(reporter.verdicts[1]?.outcome).toBe("failed");
    expect(reporter.verdicts[1]?.findings.map((f) => f.message)).toContain("body/data/0/id must be string");
    expect(reporter.result).toBeUndefined();
    const result = await proxy.close();
    expect(reporter.result).toBe(result);
    expect(result.totals).toMatchObject({ passed: 1, failed: 1, total: 2 });
    expect(result.exitCode).toBe(1);
  });

  it("refuses a target that is not an absolute URL, and a port that is taken, saying what to do", async () => {
    await expect(startProxy({ target: "www.zohoapis.com" })).rejects.toThrow(
      'the target must be an absolute http:// or https:// URL, such as https://www.zohoapis.com or http://127.0.0.1:4010 (got "www.zohoapis.com")',
    );
    await expect(startProxy({ target: "https://www.zohoapis.com/?x=1" })).rejects.toThrow(/without a query/);
    await expect(startProxy({ target: "https://www.zohoapis.com", port: 70_000 })).rejects.toThrow(
      "the port must be a whole number from 0 (any free port) to 65535 (got 70000)",
    );
    const target = closing(
      await startTarget((_req, res) => {
        res.end();
      }),
    );
    const proxy = closing(await startProxy({ target: target.url, port: 0 }));
    await expect(startProxy({ target: target.url, port: proxy.port })).rejects.toThrow(
      `port ${proxy.port} on 127.0.0.1 is in use: stop what holds it, or pick another port (0 picks a free one)`,
    );
  });
});
