/**
 * A proxy in front of a stateful mock, recording, with the reports a user would keep (the text
 * report in memory, the json report in a file), and the checks every client's run through it ends
 * with: every exchange held, the recording validates clean with the bin, and no sentinel is in the
 * recording, the reports or the bin's output.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MockServer, startMock } from "@zcrm-attachments/mock";
import { expect } from "vitest";
import type { ProxyServer } from "../../src/proxy/proxy-options.js";
import { startProxy } from "../../src/proxy/start-proxy.js";
import { JsonReporter } from "../../src/report/reporters/json-reporter.js";
import { TextReporter } from "../../src/report/reporters/text-reporter.js";
import { fileSink } from "../../src/report/sink.js";
import type { SessionResult } from "../../src/report/verdict.js";
import { Redactor } from "../../src/validator/redact.js";
import { runBin } from "./bin.js";
import { leakedSentinels, SENTINELS } from "./proxy-fixtures.js";
import { memorySink } from "./report-fixtures.js";

/** A stateful mock that takes the sentinel client credentials for its refresh grant. */
export function startSentinelMock(): Promise<MockServer> {
  return startMock({
    port: 0,
    stateful: true,
    clientId: SENTINELS.clientId,
    clientSecret: SENTINELS.clientSecret,
    refreshToken: SENTINELS.refreshToken,
  });
}

/** A recording proxy and where its recording and reports go. */
export interface RecordedSession {
  proxy: ProxyServer;
  dir: string;
  har: string;
  /** Closes the proxy, checks the recording and the outputs; resolves with the session's result. */
  finish(): Promise<SessionResult>;
  /** Deletes the folder. */
  remove(): Promise<void>;
}

/** Starts a proxy in front of `target` recording into a temp folder. */
export async function recordedSession(target: string, label: string): Promise<RecordedSession> {
  const dir = await mkdtemp(join(tmpdir(), `zcrm-proxy-${label}-`));
  const har = join(dir, `${label}.har`);
  const redactor = new Redactor();
  const text = memorySink();
  const reporters = [new TextReporter(text), new JsonReporter(fileSink(join(dir, "report.json"), redactor))];
  const proxy = await startProxy({ target, port: 0, record: har, redactor, reporters });
  return {
    proxy,
    dir,
    har,
    finish: async () => {
      const result = await proxy.close();
      expect(result.verdicts.filter((v) => v.outcome !== "passed").map((v) => [v.name, v.findings])).toEqual([]);
      expect(result.exitCode).toBe(0);
      const validated = await runBin(["validate", har]);
      expect(validated.stdout.trimEnd().split("\n").at(-1)).toMatch(/^\d+ passed, 0 failed/);
      expect(validated.code).toBe(0);
      const outputs = {
        har: await readFile(har, "utf8"),
        "report.json": await readFile(join(dir, "report.json"), "utf8"),
        text: text.text(),
        "validate stdout": validated.stdout,
        "validate stderr": validated.stderr,
      };
      for (const [name, value] of Object.entries(outputs))
        expect({ name, leaked: leakedSentinels(value) }).toEqual({ name, leaked: [] });
      return result;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
