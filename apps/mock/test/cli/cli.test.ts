import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_OPTIONS } from "../../src/cli/cli-args.js";
import { specExample, V2 } from "../spec-examples.js";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "bin.js");
const MANIFEST = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "package.json");
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

interface Running {
  child: ChildProcess;
  output: () => string;
}

/** Starts dist/bin.js and resolves once it printed its banner (or exited). */
async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, PORT: "", ...env } });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve) => {
    const check = () => {
      if (output.includes("Press Ctrl+C")) resolve();
    };
    child.stdout?.on("data", check);
    child.once("close", () => resolve());
  });
  return { child, output: () => output };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  const exited = once(child, "exit");
  child.kill(signal);
  const [code] = (await exited) as [number | null];
  return code;
}

async function seed(port: number): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}/crm/v2/Leads/1000000231009/Attachments`, {
    headers: { Authorization: "Zoho-oauthtoken 1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf" },
  });
  expect(res.status).toBe(200);
  return res.json();
}

describe("zcrm-mock CLI", () => {
  it("listens on --port, prints the URL, the served paths and a curl line, and stops on SIGINT", async () => {
    const port = await freePort();
    const { child, output } = await run(["--port", String(port)]);
    expect(output()).toContain(`zcrm-mock listening on http://127.0.0.1:${port}`);
    expect(output()).toContain(`GET    http://127.0.0.1:${port}/crm/v8/{module}/{record_id}/Attachments  (v3 to v8)`);
    expect(output()).toContain(
      `curl "http://127.0.0.1:${port}/crm/v2/Leads/1000000231009/Attachments" -X GET -H "Authorization: Zoho-oauthtoken 1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf"`,
    );
    expect(await seed(port)).toStrictEqual(specExample(V2, 200, "seedSample"));
    // No warnings on any Node CI runs (22 and 24 flag node:punycode, which Prism's URL parsing needs).
    expect(output()).not.toMatch(/Warning/);
    expect(await stop(child, "SIGINT")).toBe(0);
  });

  it("listens on PORT and stops on SIGTERM", async () => {
    const port = await freePort();
    const { child } = await run([], { PORT: String(port) });
    expect(await seed(port)).toStrictEqual(specExample(V2, 200, "seedSample"));
    expect(await stop(child, "SIGTERM")).toBe(0);
  });

  it("prefers --port over PORT", async () => {
    const [port, other] = [await freePort(), await freePort()];
    const { child, output } = await run(["--port", String(port)], { PORT: String(other) });
    expect(output()).toContain(`http://127.0.0.1:${port}`);
    await stop(child, "SIGTERM");
  });

  it("explains a port in use and exits non-zero", async () => {
    const port = await freePort();
    const first = await run(["--port", String(port)]);
    const second = await run(["--port", String(port)]);
    expect(second.child.exitCode).toBe(1);
    expect(second.output()).toMatch(
      new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use.*--port <n> or PORT=<n>`),
    );
    await stop(first.child, "SIGTERM");
  });

  it("refuses a bad --port with usage", async () => {
    const { child, output } = await run(["--port", "nope"]);
    expect(child.exitCode).toBe(2);
    expect(output()).toContain("Usage: zcrm-mock");
  });

  it("arms --fault, serves the token endpoint with the flags' credentials and TTL, and lists both at start-up", async () => {
    const port = await freePort();
    const { child, output } = await run(
      [
        "--port",
        String(port),
        "--fault",
        "unavailable;times=1",
        "--client-id",
        "1000.CLI",
        "--token-ttl",
        "90",
        "--legacy-token-units",
      ],
      { ZCRM_MOCK_CLIENT_SECRET: "cli-secret", ZCRM_MOCK_REFRESH_TOKEN: "1000.cli-refresh" },
    );
    expect(output()).toContain(`POST   http://127.0.0.1:${port}/oauth/v2/token`);
    expect(output()).toContain(`http://127.0.0.1:${port}/__zcrm-mock/faults`);
    expect(output()).not.toContain("cli-secret");
    const url = `http://127.0.0.1:${port}`;
    const first = await fetch(`${url}/crm/v2/Leads/1000000231009/Attachments`, {
      headers: { Authorization: "Zoho-oauthtoken x" },
    });
    expect(first.status).toBe(503);
    await first.arrayBuffer();
    const query = new URLSearchParams({
      grant_type: "refresh_token",
      client_id: "1000.CLI",
      client_secret: "cli-secret",
      refresh_token: "1000.cli-refresh",
    });
    const token = await fetch(`${url}/oauth/v2/token?${query}`, { method: "POST" });
    expect(await token.json()).toMatchObject({ expires_in: 90_000, expires_in_sec: 90, api_domain: url });
    expect(await stop(child, "SIGTERM")).toBe(0);
  });

  it("--stateful keeps an upload and lists it", async () => {
    const port = await freePort();
    const { child, output } = await run(["--port", String(port), "--stateful"]);
    expect(output()).toContain("Mode: stateful");
    const url = `http://127.0.0.1:${port}/crm/v2/Leads/1000000231009/Attachments`;
    const headers = { Authorization: "Zoho-oauthtoken x" };
    const form = new FormData();
    form.append("file", new Blob(["kept"]), "kept.txt");
    expect((await fetch(url, { method: "POST", headers, body: form })).status).toBe(200);
    const list = (await (await fetch(url, { headers })).json()) as { data: { File_Name: string; Size: string }[] };
    expect(list.data).toMatchObject([{ File_Name: "kept.txt", Size: "4" }]);
    expect(await stop(child, "SIGTERM")).toBe(0);
  });

  it("--journal-limit bounds the journal that GET /__zcrm-mock/requests lists, and the banner names it", async () => {
    const port = await freePort();
    const { child, output } = await run(["--port", String(port), "--journal-limit", "2"]);
    expect(output()).toContain(`http://127.0.0.1:${port}/__zcrm-mock/requests (GET, DELETE: the request journal)`);
    for (let i = 0; i < 3; i++) await seed(port);
    const journal = (await (await fetch(`http://127.0.0.1:${port}/__zcrm-mock/requests`)).json()) as {
      requests: { index: number; operationId: string }[];
      limit: number;
      dropped: number;
    };
    expect(journal.limit).toBe(2);
    expect(journal.dropped).toBe(1);
    expect(journal.requests.map((e) => [e.index, e.operationId])).toStrictEqual([
      [2, "listAttachmentsV2"],
      [3, "listAttachmentsV2"],
    ]);
    expect(await stop(child, "SIGTERM")).toBe(0);
  });

  it("--stateful --seed starts from a recording and says what it seeded; a bad seed or one without --stateful is refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zcrm-cli-seed-"));
    try {
      const recording = {
        log: {
          entries: [
            { request: { method: "GET", url: "https://example.com/" }, response: { status: 200 } },
            {
              request: {
                method: "GET",
                url: "https://www.zohoapis.com/crm/v8/Leads/1000000231009/Attachments/1386586000002588005",
              },
              response: {
                status: 200,
                headers: [{ name: "Content-Type", value: "text/plain" }],
                content: { size: 5, mimeType: "text/plain", text: "hello" },
              },
            },
          ],
        },
      };
      writeFileSync(join(dir, "recorded.har"), JSON.stringify(recording));
      const port = await freePort();
      const { child, output } = await run(["--port", String(port), "--stateful", "--seed", join(dir, "recorded.har")]);
      expect(output()).toContain(
        `Seeded from ${join(dir, "recorded.har")}: 1 record, 1 attachment, 0 photos; 1 entries skipped (other traffic, or answers that changed nothing)`,
      );
      const res = await fetch(`http://127.0.0.1:${port}/crm/v8/Leads/1000000231009/Attachments/1386586000002588005`, {
        headers: { Authorization: "Zoho-oauthtoken 1000.cli" },
      });
      expect(await res.text()).toBe("hello");
      expect(await stop(child, "SIGTERM")).toBe(0);

      const usage = await run(["--seed", join(dir, "recorded.har")]);
      expect(usage.child.exitCode).toBe(2);
      expect(usage.output()).toContain("zcrm-mock: --seed needs --stateful");
      writeFileSync(join(dir, "bad.har"), JSON.stringify({ log: { entries: [{ request: {} }] } }));
      const bad = await run(["--port", "0", "--stateful", "--seed", join(dir, "bad.har")]);
      expect(bad.child.exitCode).toBe(1);
      // Node 22 and later print a deprecation warning from Prism's dependencies first.
      expect(bad.output()).toContain(
        `zcrm-mock: ${join(dir, "bad.har")} entry 1: a HAR entry needs request and response objects.\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a malformed --fault with usage", async () => {
    const { child, output } = await run(["--fault", "slow;delay=later"]);
    expect(child.exitCode).toBe(2);
    expect(output()).toContain('--fault: fault 1 ("slow;delay=later"): delay must be a whole number');
  });

  it("--version prints the package's version and exits 0 without starting a mock", async () => {
    const { version } = JSON.parse(readFileSync(MANIFEST, "utf8")) as { version: string };
    const { child, output } = await run(["--version"]);
    expect(child.exitCode).toBe(0);
    expect(output()).toBe(`${version}\n`);
  });

  it("--help lists every flag, then examples that use each one, and exits 0", async () => {
    const { child, output } = await run(["--help"]);
    expect(child.exitCode).toBe(0);
    const [flags = "", examples = ""] = output().split("\nExamples:\n");
    expect(examples).not.toBe("");
    for (const name of Object.keys(CLI_OPTIONS)) {
      expect(flags).toMatch(new RegExp(`^  (-\\w, )?--${name}\\b`, "m"));
      // --help and --version need no example; every flag that changes the mock has one.
      if (name !== "help" && name !== "version") expect(examples).toContain(`--${name}`);
    }
    expect(output()).toContain("Ctrl+C stops it (exit 0)");
  });

  it("exits 0 when SIGINT comes twice a few ms apart, as under `pnpm mock` (pnpm passes Ctrl+C on again)", async () => {
    const port = await freePort();
    const { child, output } = await run(["--port", String(port)]);
    await seed(port);
    const exited = once(child, "exit");
    child.kill("SIGINT");
    setTimeout(() => child.kill("SIGINT"), 5);
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toStrictEqual({ code: 0, signal: null });
    expect(output()).toContain("zcrm-mock stopped (SIGINT).");
  });
});
