import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { rawExchange } from "../fuzz/raw-http.js";
import { specExample, V8 } from "../spec-examples.js";

// What the mock writes to its log: one line per failure on its side and no stack, unless it runs
// verbose; nothing at all when a client hangs up in the middle of its own body (reliability
// review D7). Both the log sink and stderr are watched, so a stray console.error counts too.

const TOKEN = "1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf";
const AUTH = `Authorization: Zoho-oauthtoken ${TOKEN}`;
const STACK = /\n\s+at /;

let stderr: string[];
let lines: string[];

beforeEach(() => {
  stderr = [];
  lines = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    stderr.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "));
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A mock whose clock breaks on the mock's own tokens: a failure on the mock's side, on demand. */
function brokenClockMock(verbose: boolean): Promise<MockServer> {
  const now = () => {
    throw new Error(`the clock broke\n    at fake (clock.ts:1:1) for ${TOKEN}`);
  };
  return startMock({ port: 0, now, verbose, log: (line) => lines.push(line) });
}

async function askWithIssuedToken(mock: MockServer) {
  return fetch(`${mock.url}/crm/v8/Leads/1000000231009/Attachments?fields=id`, {
    headers: { Authorization: "Zoho-oauthtoken 1000.zcrm-mock.4102444800000.0f0f0f0f0f0f0f0f" },
  });
}

describe("a failure on the mock's side", () => {
  it("answers the spec's INTERNAL_ERROR, not the exception, and logs one line without a stack", async () => {
    const mock = await brokenClockMock(false);
    try {
      const res = await askWithIssuedToken(mock);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toStrictEqual(specExample(V8, 500, "internalError"));
      expect(text).not.toContain("clock");
      expect(stderr).toStrictEqual([]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toBe("zcrm-mock: request failed: Error: the clock broke");
    } finally {
      await mock.close();
    }
  });

  it("adds the stack when verbose, with the request's token blanked out", async () => {
    const mock = await brokenClockMock(true);
    try {
      await (await askWithIssuedToken(mock)).arrayBuffer();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(STACK);
      expect(lines[0]).not.toContain("0f0f0f0f0f0f0f0f");
    } finally {
      await mock.close();
    }
  });
});

describe("a client that hangs up mid-body", () => {
  let mock: MockServer;

  beforeEach(async () => {
    mock = await startMock({ port: 0, stateful: true, log: (line) => lines.push(line) });
  });

  afterEach(async () => {
    await mock.close();
  });

  it.each([
    ["a list with a body", "DELETE /crm/v8/Leads/1000000231009/Attachments?ids=1", "text/plain"],
    ["an upload", "POST /crm/v8/Leads/1000000231009/Attachments", "multipart/form-data; boundary=b"],
    ["a token request", "POST /oauth/v2/token", "application/x-www-form-urlencoded"],
    ["the control API", "POST /__zcrm-mock/faults", "text/plain"],
  ])("is not logged: %s", async (_what, line, type) => {
    for (let i = 0; i < 5; i++) {
      const head = `${line} HTTP/1.1\r\nHost: x\r\n${AUTH}\r\nContent-Type: ${type}\r\nContent-Length: 100000\r\n\r\n`;
      const part = type.startsWith("multipart")
        ? '--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc'
        : "grant_type=refresh";
      // Half a body, then the client is gone.
      await rawExchange(mock.port, [head, part], { endAfterWrite: true, timeoutMs: 2000 });
    }
    // A good request afterwards: the mock answers, and by then any log line would be written.
    const ok = await fetch(`${mock.url}/crm/v8/Leads/1000000231009/Attachments?fields=id`, {
      headers: { Authorization: `Zoho-oauthtoken ${TOKEN}` },
    });
    expect([200, 204]).toContain(ok.status);
    await ok.arrayBuffer();
    expect(lines).toStrictEqual([]);
    expect(stderr).toStrictEqual([]);
  });
});
