/**
 * How an example's process is started: with an environment that points it at the mock and nothing
 * else (exampleEnv), in its own process group, with a deadline after which the whole group is
 * killed (runBounded), so a hung example, and whatever it started, never outlives the check; and how
 * its end is judged (failureOf, refusedHosts).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The preload every example's Node processes get (routing to the mock, refusing other hosts). */
export const PRELOAD = fileURLToPath(new URL("./offline-preload.mjs", import.meta.url));
const OUTPUT_LIMIT = 256 * 1024;
const live = new Set(); // process group ids still running
const cleanups = new Set();

/** Kills what the examples still run and removes the scratch folders registered with onAbort. */
function abort() {
  for (const group of live) killGroup(group);
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {}
  }
}

// Examples run in process groups of their own, out of reach of the terminal's Ctrl+C: stopping the
// check must stop them, and remove the scratch folders, itself. The same holds when the check dies
// (a crash, a closed stdout): 'exit' still runs then.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    abort();
    process.exit(130);
  });
}
process.on("exit", abort);

/** Registers a synchronous clean-up to run if the check is interrupted or dies; returns a function that drops it. */
export function onAbort(cleanup) {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Kills a process group, ignoring one that is already gone. */
export function killGroup(group, signal = "SIGKILL") {
  try {
    process.kill(-group, signal);
  } catch {}
}

/**
 * The environment of an example: the caller's, minus anything that could point it at a real org or
 * change a mock (ZOHO_*, CONTRACT_*, ZCRM_*, PORT, GITHUB_STEP_SUMMARY), plus the mock's placeholder
 * credentials under the names the examples read, the preload, a proxy that refuses every host
 * for tools that are not Node (curl), and a config folder of its own under `dir`.
 */
export function exampleEnv({ dir, mockUrl, portMap = {}, proxyUrl, credentials }) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(ZOHO_|CONTRACT_|ZCRM_)|^(PORT|GITHUB_STEP_SUMMARY|NODE_OPTIONS)$/i.test(name)) env[name] = value;
  }
  const preload = `--import "${PRELOAD}"`;
  const { NODE_OPTIONS: callerNodeOptions } = process.env; // the caller's flags stay, the preload is added
  return {
    ...env,
    NODE_OPTIONS: callerNodeOptions ? `${callerNodeOptions} ${preload}` : preload,
    ZOHO_CLIENT_ID: credentials.clientId,
    ZOHO_CLIENT_SECRET: credentials.clientSecret,
    ZOHO_REFRESH_TOKEN: credentials.refreshToken,
    ZOHO_ACCESS_TOKEN: "1000.docs-check-access-token", // the mock takes any token that it did not issue
    ZCRM_DOCS_MOCK_URL: mockUrl,
    ZCRM_DOCS_PORT_MAP: Object.entries(portMap)
      .map(([from, to]) => `${from}=${to}`)
      .join(","),
    ZCRM_DOCS_REFUSED_LOG: join(dir, ".refused"),
    XDG_CONFIG_HOME: join(dir, ".config"),
    GITHUB_STEP_SUMMARY: join(dir, "step-summary.md"),
    ...(proxyUrl ? proxyEnv(proxyUrl) : {}),
    NO_COLOR: "1",
    TURBO_TELEMETRY_DISABLED: "1", // turbo (under `pnpm mock`) would otherwise report to Vercel
    DO_NOT_TRACK: "1",
    npm_config_update_notifier: "false",
  };
}

function proxyEnv(url) {
  const env = { NO_PROXY: "127.0.0.1,localhost,::1", no_proxy: "127.0.0.1,localhost,::1" };
  for (const name of ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"])
    env[name] = url;
  return env;
}

/** The hosts the example was refused (from the preload's log), one per line; [] when none. */
export function refusedHosts(dir) {
  try {
    return [...new Set(readFileSync(join(dir, ".refused"), "utf8").split("\n").filter(Boolean))];
  } catch {
    return [];
  }
}

/**
 * Runs `command args` in its own process group; resolves (never rejects) with `{ code, output,
 * timedOut, ms }`, output being stdout and stderr interleaved (cut at 256 KiB). After `timeoutMs`
 * the group is killed; so are any `extraGroups()` (process groups the example started itself).
 */
export function runBounded(command, args, { cwd, env, timeoutMs, extraGroups = () => [] }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    live.add(child.pid);
    let output = "";
    const collect = (chunk) => {
      if (output.length < OUTPUT_LIMIT) output += chunk;
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    let done = false;
    const finish = (code) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      live.delete(child.pid);
      for (const group of [child.pid, ...extraGroups()]) killGroup(group); // leftovers die with the example
      resolve({ code, output, timedOut, ms: performance.now() - started });
    };
    child.on("error", (error) => {
      output += `${error.message}\n`;
      finish(127);
    });
    child.on("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** Why a finished example failed, or null when it passed. */
export function failureOf(result, refused, timeoutMs) {
  if (result.timedOut) return `timed out after ${timeoutMs / 1000} s`;
  if (refused.length > 0)
    return `reached for ${refused.join(", ")} (only 127.0.0.1 is allowed; Zoho hosts go to the mock)`;
  if (result.code !== 0) return `exited with status ${result.code}`;
  return null;
}
