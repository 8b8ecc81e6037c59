/**
 * `zcrm-contract proxy` as a user runs it: the built bin in a child process in front of a loopback
 * target. It says where it listens, prints each verdict while it runs, and on Ctrl-C (SIGINT) or
 * SIGTERM prints the coverage and the totals and exits with the status of a run; its recording
 * and its reports are there afterwards. Mistakes in how it is called exit 2 with what to fix.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningBin, runBin, startBin } from "../helpers/bin.js";
import { sendJson, startTarget, type TestTarget } from "../helpers/proxy-fixtures.js";
import { example, V8_PATH } from "../helpers/spec-examples.js";

let dir: string;
let target: TestTarget;
let running: RunningBin | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zcrm-proxy-cli-"));
  target = await startTarget((req, res) => {
    const body = example("listAttachments", 200, "seedSample") as { data: Record<string, unknown>[] };
    if (req.url?.includes("bad")) body.data[0] = { ...body.data[0], File_Name: 7 };
    sendJson(res, 200, body);
  });
});
afterEach(async () => {
  // A test that failed half-way must not leave its proxy running.
  running?.signal("SIGKILL");
  await running?.done;
  running = undefined;
});
afterAll(async () => {
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

/** Starts the proxy bin and resolves with its URL once it says where it listens. */
async function startProxyBin(args: string[]): Promise<{ bin: RunningBin; url: string }> {
  const bin = startBin(["--cwd", dir, "proxy", "--target", target.url, "--port", "0", ...args]);
  running = bin;
  let url: string | undefined;
  await vi.waitFor(
    () => {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(bin.errors())?.[1];
      expect(url).toBeDefined();
    },
    { timeout: 20_000, interval: 50 },
  );
  return { bin, url: url as string };
}

describe("zcrm-contract proxy", () => {
  it("prints each verdict as it happens, and at Ctrl-C the coverage, the totals and the exit status", async () => {
    const { bin, url } = await startProxyBin(["--record", "traffic.har", "--reporter", "json=reports/proxy.json"]);
    expect(bin.errors()).toContain(`forwarding to ${target.url}, recording to ${join(dir, "traffic.har")}`);
    expect((await fetch(`${url}${V8_PATH}?fields=id,File_Name`)).status).toBe(200);
    expect((await fetch(`${url}${V8_PATH}?fields=id,File_Name&bad=1`)).status).toBe(200);
    await vi.waitFor(() => expect(bin.output()).toContain("✗ traffic.har entry 2"), { timeout: 10_000 });
    expect(bin.output()).toContain(
      `✓ traffic.har entry 1: GET ${V8_PATH} → 200 conforms to GET /crm/v8/{module}/{record_id}/Attachments`,
    );
    expect(bin.output()).toContain("body/data/0/File_Name must be string");
    expect(bin.output()).not.toContain("Coverage:");
    bin.signal("SIGINT");
    const { code, stdout, stderr } = await bin.done;
    expect(code).toBe(1);
    // Both hit the same cell, and one failed it.
    expect(stdout).toMatch(/Coverage: 0 of \d+ documented cells held \(0\.0%\), 1 failed/);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed");
    expect(stderr).toContain(
      `stopped after 2 judged exchanges; 2 entries recorded to ${join(dir, "traffic.har")}; exit status 1`,
    );
    const report = JSON.parse(await readFile(join(dir, "reports/proxy.json"), "utf8"));
    expect(report.totals).toMatchObject({ passed: 1, failed: 1 });
    // The recording says the same when validated afterwards.
    const again = await runBin(["validate", join(dir, "traffic.har")]);
    expect(again.code).toBe(1);
    expect(again.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed");
  });

  it("exits 0 on SIGTERM when every exchange held", async () => {
    const { bin, url } = await startProxyBin([]);
    expect((await fetch(`${url}${V8_PATH}?fields=id`)).status).toBe(200);
    await vi.waitFor(() => expect(bin.output()).toContain("✓ exchange 1"), { timeout: 10_000 });
    bin.signal("SIGTERM");
    const { code, stdout, stderr } = await bin.done;
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 0 failed");
    expect(stderr).toContain("stopped after 1 judged exchange; exit status 0");
  });

  it("exits 1 when coverage stays below --min-coverage", async () => {
    const { bin, url } = await startProxyBin(["--min-coverage", "100"]);
    expect((await fetch(`${url}${V8_PATH}?fields=id`)).status).toBe(200);
    await vi.waitFor(() => expect(bin.output()).toContain("✓ exchange 1"), { timeout: 10_000 });
    bin.signal("SIGINT");
    const { code, stdout } = await bin.done;
    expect(code).toBe(1);
    expect(stdout).toMatch(/coverage 0\.\d% is below --min-coverage 100/);
  });

  it.each([
    [["proxy"], "error: required option '--target <url>' not specified"],
    [["proxy", "--target", "www.zohoapis.com"], "the target must be an absolute http:// or https:// URL"],
    [["proxy", "--target", "http://127.0.0.1:1", "--port", "99999"], "give a port from 0 to 65535"],
    [["proxy", "--target", "http://127.0.0.1:1", "--record-bodies"], "--record-bodies keeps bodies in the recording"],
  ])("exits 2 for %j, saying what to fix", async (args, message) => {
    const { code, stderr } = await runBin(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it("exits 2 when its port is taken", async () => {
    const { code, stderr } = await runBin(["proxy", "--target", target.url, "--port", new URL(target.url).port]);
    expect(code).toBe(2);
    expect(stderr).toContain(`port ${new URL(target.url).port} on 127.0.0.1 is in use`);
  });

  it("lists its options and examples in --help", async () => {
    const { code, stdout } = await runBin(["proxy", "--help"]);
    expect(code).toBe(0);
    for (const text of [
      "--target <url>",
      "--port <port>",
      "--record <file>",
      "--record-bodies",
      "--reporter",
      "Exit status:",
    ])
      expect(stdout).toContain(text);
    expect(stdout).toContain("$ zcrm-contract proxy --target https://www.zohoapis.eu --record traffic.har");
    expect((await runBin(["--help"])).stdout).toMatch(/proxy \[options\]\s+a reverse proxy that checks/);
  });
});
