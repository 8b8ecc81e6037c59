/**
 * Runs one sh example marked `run`: bash, under `set -e -o pipefail`, after shell-prelude.sh, in a
 * scratch folder inside the repository (so `pnpm mock` and the root's other scripts resolve, as from
 * a clone) holding the fixtures. The ports it names are mapped to free ones (shell-script.mjs); Zoho's
 * hosts and the port it calls 4010 are served by mocks of its own (block-mocks.mjs); every other
 * host is refused (offline-preload.mjs for Node, refusing-proxy.mjs for curl).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startBlockMocks, withMockLog } from "./block-mocks.mjs";
import { exampleEnv, failureOf, refusedHosts, runBounded } from "./example-process.mjs";
import { writeFixtures } from "./fixtures.mjs";
import { startRefusingProxy } from "./refusing-proxy.mjs";
import { DEFAULT_PORT, docPorts, freePort, shellScript } from "./shell-script.mjs";

const PRELUDE = fileURLToPath(new URL("./shell-prelude.sh", import.meta.url));
const HEADER = [`source "${PRELUDE}"`, "set -e -o pipefail"]; // bash line numbers of the block start after these
const STARTS_MOCK =
  /(^|[;&|(]|\bthen|\bdo)\s*(\w+=\S*\s+)*(pnpm\s+mock|zcrm-mock|npx\s+zcrm-mock)\b(?!.*--(help|version))/m;

/** The process groups of the mocks the block started in the background (killed if they outlive it). */
function serverGroups(file) {
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Rewrites bash's `.block.sh: line N:` in the output to the Markdown line it came from. */
function markdownLines(output, block) {
  return output.replace(/(?:\S*\/)?\.block\.sh: line (\d+):/g, (_, line) => {
    const inBlock = Number(line) - HEADER.length;
    return `${block.file}:${block.line + Math.max(inBlock, 0)}:`;
  });
}

/**
 * Runs `block` ({ id, file, line, code }) with `context` ({ shRoot, binDir, startMock, credentials,
 * timeoutMs }); resolves with `{ ok, ms, why, output }`.
 */
export async function runShBlock(block, context) {
  const dir = join(context.shRoot, block.id.replace(/[^A-Za-z0-9]+/g, "-"));
  mkdirSync(dir, { recursive: true });
  writeFixtures(dir);
  // The stand-in for 4010 binds port 0 itself, so only the ports the block's own servers take are
  // picked ahead (free when picked, and taken a moment later by the block's server).
  const ownMock = STARTS_MOCK.test(block.code);
  const mocks = await startBlockMocks(context.startMock, { local: !ownMock });
  const servers = join(dir, ".servers");
  let proxy = null;
  try {
    const portMap = {};
    for (const port of docPorts(block.code)) {
      portMap[port] = port === DEFAULT_PORT && !ownMock ? String(mocks.localPort) : await freePort();
    }
    writeFileSync(join(dir, ".block.sh"), [...HEADER, shellScript(block.code, portMap)].join("\n"));
    proxy = await startRefusingProxy(join(dir, ".refused"));
    const env = {
      ...exampleEnv({
        dir,
        mockUrl: mocks.orgUrl, // the block's text already names the mapped ports: no port map
        proxyUrl: proxy.url,
        credentials: context.credentials,
      }),
      PATH: `${context.binDir}:${process.env.PATH}`,
      ZCRM_DOCS_DIR: dir,
      ZCRM_DOCS_DEFAULT_PORT: portMap[DEFAULT_PORT],
      ZCRM_DOCS_SERVERS: servers,
    };
    const result = await runBounded("bash", [".block.sh"], {
      cwd: dir,
      env,
      timeoutMs: context.timeoutMs,
      extraGroups: () => serverGroups(servers),
    });
    const why = failureOf(result, refusedHosts(dir), context.timeoutMs);
    return {
      ok: why === null,
      ms: result.ms,
      why,
      output: markdownLines(withMockLog(result.output, mocks.log), block),
    };
  } finally {
    await proxy?.close();
    await mocks.close();
  }
}
