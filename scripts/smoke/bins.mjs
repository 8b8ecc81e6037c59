// Smoke test of the installed commands and of the packed YAML spec, run inside the temporary
// project: `zcrm-mock` serves, `zcrm-contract validate` judges recorded exchanges (and can fail),
// `zcrm-contract run` passes against the installed mock, `zcrm-attachments --mock list` (the CLI
// README's first line) lists the demo record, and Prism serves the packed openapi.yaml with its
// relative $refs.
//
//   node bins.mjs <prism-binary>
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const [prism] = process.argv.slice(2);
const bin = (name) => fileURLToPath(new URL(`node_modules/.bin/${name}`, import.meta.url));
const step = (name) => console.log(`  bin: ${name}`);
const RECORD_PATH = "/crm/v8/Leads/4150868000002728001/Attachments?fields=id";

/** The end of a long output, enough to see why a command failed. */
const tail = (output) => output.trim().split("\n").slice(-25).join("\n");

/** Runs a command to completion; resolves with its exit code and output, never rejects. */
async function runToEnd(file, args) {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, { timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    return { code: error.code ?? 1, output: `${error.stdout ?? ""}${error.stderr ?? ""}` };
  }
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a server command, waits (at most 30 s) until its output matches `ready`, calls `use`, then stops it. */
async function withServer(file, args, ready, use) {
  const child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    const match = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${file} did not start in 30 s:\n${output}`)), 30_000);
      const onData = (chunk) => {
        output += chunk;
        const found = ready.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${file} exited (${code}):\n${output}`));
      });
    });
    await use(match);
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

await withServer(bin("zcrm-mock"), ["--port", "0"], /http:\/\/127\.0\.0\.1:\d+/, async ([url]) => {
  const response = await fetch(`${url}${RECORD_PATH}`, { headers: { Authorization: "Zoho-oauthtoken 1000.smoke" } });
  assert.equal(response.status, 200);
  assert.ok(Array.isArray((await response.json()).data));
  step(`zcrm-mock served ${url}`);
});

const valid = await runToEnd(bin("zcrm-contract"), ["validate", "exchange.json"]);
assert.equal(valid.code, 0, `zcrm-contract validate exchange.json failed:\n${tail(valid.output)}`);
const broken = await runToEnd(bin("zcrm-contract"), ["validate", "broken-exchange.json"]);
assert.equal(broken.code, 1, `zcrm-contract validate accepted a broken exchange:\n${tail(broken.output)}`);
assert.match(broken.output, /must be string/);
step("zcrm-contract validate: the recorded exchange conforms, the broken one is refused");

const suite = await runToEnd(bin("zcrm-contract"), ["run"]);
assert.equal(suite.code, 0, `zcrm-contract run failed:\n${tail(suite.output)}`);
step(`zcrm-contract run: ${suite.output.trim().split("\n").at(-1)}`);

const demo = await runToEnd(bin("zcrm-attachments"), ["--mock", "list", "Leads", "4150868000002728001", "--json"]);
assert.equal(demo.code, 0, `zcrm-attachments --mock list failed:\n${tail(demo.output)}`);
assert.deepEqual(
  JSON.parse(demo.output.slice(demo.output.indexOf("{")))
    .attachments.map((a) => a.File_Name)
    .sort(),
  ["Zoho CRM API docs", "quote-2026.csv", "welcome.txt"],
);
step("zcrm-attachments --mock list Leads 4150868000002728001: the demo record's three attachments");

const yaml = fileURLToPath(import.meta.resolve("@zcrm-attachments/spec/openapi.yaml"));
const port = await freePort();
await withServer(prism, ["mock", yaml, "--port", String(port), "--host", "127.0.0.1"], /listening on/i, async () => {
  // Bare Prism only knows OAuth's Bearer form (the mock package adds Zoho's header on top).
  const response = await fetch(`http://127.0.0.1:${port}${RECORD_PATH}`, {
    headers: { Authorization: "Bearer 1000.smoke" },
  });
  assert.equal(response.status, 200, `prism answered ${response.status}`);
  assert.ok(Array.isArray((await response.json()).data));
  step("prism mock serves the packed openapi.yaml (relative $refs resolved)");
});
