/**
 * Cold start: how long from spawning a process to its first real API answer, for `zcrm-mock`, for
 * `startMock()` imported as ESM and required as CommonJS, and for bare `prism mock` on the same
 * bundled spec. Each contender runs in a fresh process, in turn (so the machine's noise falls on all
 * of them alike), and the parent polls one v8 list with `fields` until it answers 200 with the spec's
 * example: a TCP accept alone does not count. Prints medians; asserts nothing.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { freePort } from "./children.mjs";

const require = createRequire(import.meta.url);
const SPEC = require.resolve("@zcrm-attachments/spec/openapi.json");
const PRISM = require.resolve("@stoplight/prism-cli/dist/index.js");
const MOCK_BIN = fileURLToPath(new URL("../apps/mock/bin/zcrm-mock.js", import.meta.url));
const PATH = "/crm/v8/Leads/1000000231009/Attachments?fields=id,File_Name";
const RUNS = 7;
const GIVE_UP_MS = 30_000;
const POLL_MS = 5;

/** The contenders: how to start each on a port, and the Authorization header it accepts. */
const CONTENDERS = {
  "zcrm-mock (CLI)": { args: (port) => [MOCK_BIN, "--port", String(port)], auth: "Zoho-oauthtoken 1000.bench" },
  "startMock() ESM": {
    args: (port) => [
      "--input-type=module",
      "-e",
      `import { startMock } from "@zcrm-attachments/mock"; await startMock({ port: ${port} });`,
    ],
    auth: "Zoho-oauthtoken 1000.bench",
  },
  "startMock() CJS": {
    args: (port) => ["-e", `require("@zcrm-attachments/mock").startMock({ port: ${port} });`],
    auth: "Zoho-oauthtoken 1000.bench",
  },
  // Prism checks oauth2 as Bearer; the mock checks Zoho's own scheme.
  "bare Prism": {
    args: (port) => [PRISM, "mock", SPEC, "-h", "127.0.0.1", "-p", String(port), "-v", "silent"],
    auth: "Bearer 1000.bench",
  },
};

/** One GET; resolves with status and body, or undefined while nothing listens yet. */
function get(port, authorization) {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: PATH, headers: { authorization }, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("error", () => resolve(undefined));
    req.end();
  });
}

/** Milliseconds from spawn to the first 200 carrying the example's list, for one fresh process. */
async function coldStart({ args, auth }) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args(port), { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering\n${stderr}`);
      if (performance.now() - started > GIVE_UP_MS) throw new Error(`no answer in ${GIVE_UP_MS} ms\n${stderr}`);
      const answer = await get(port, auth);
      if (answer !== undefined) {
        const elapsed = performance.now() - started;
        const list = JSON.parse(answer.body);
        if (answer.status !== 200 || !Array.isArray(list.data) || list.data.length === 0) {
          throw new Error(`first answer was ${answer.status}, not the example's list: ${answer.body.slice(0, 200)}`);
        }
        return elapsed;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs every contender RUNS times, taking turns; returns each one's median, min and max in ms. */
export async function coldStarts() {
  const samples = Object.fromEntries(Object.keys(CONTENDERS).map((name) => [name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [name, contender] of Object.entries(CONTENDERS)) samples[name].push(await coldStart(contender));
  }
  const results = Object.fromEntries(
    Object.entries(samples).map(([name, ms]) => [
      name,
      { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) },
    ]),
  );
  return { runs: RUNS, results };
}
