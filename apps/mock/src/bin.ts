/**
 * The `zcrm-mock` command: start the mock, print how to use it, stop cleanly (exit 0) on Ctrl+C or
 * SIGTERM.
 * `--help` and `--version` answer before the mock's runtime (Prism) is loaded, so they are instant.
 */
import { createRequire } from "node:module";
import { startBanner } from "./cli/banner.js";
import { parseCliArgs, USAGE } from "./cli/cli-args.js";
import { stopOnSignals } from "./cli/stop-on-signals.js";

/**
 * The version in this package's package.json, found by the package's own name (its `exports` lists
 * ./package.json), so the same code works from src/, from dist/ and from an installed copy.
 */
function mockVersion(): string {
  return (createRequire(import.meta.url)("@zcrm-attachments/mock/package.json") as { version: string }).version;
}

async function main(): Promise<void> {
  let request: ReturnType<typeof parseCliArgs>;
  try {
    request = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`zcrm-mock: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (request.help) {
    console.log(USAGE);
    return;
  }
  if ("version" in request) {
    console.log(mockVersion());
    return;
  }

  const { startMockServing } = await import("./server.js");
  const { server, operations, seeded } = await startMockServing(request.options);
  const stateful = request.options.stateful !== undefined && request.options.stateful !== false;
  // Handlers first: a Ctrl+C that comes the moment the banner is out must still stop it cleanly.
  stopOnSignals(server);
  console.log(startBanner(server.url, operations, stateful, seeded));
}

main().catch((error: unknown) => {
  console.error(`zcrm-mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
