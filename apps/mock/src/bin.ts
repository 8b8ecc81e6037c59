/**
 * The `zcrm-mock` command: start the mock, print how to use it, stop cleanly on Ctrl+C or SIGTERM.
 */
import { startBanner } from "./cli/banner.js";
import { parseCliArgs, USAGE } from "./cli/cli-args.js";
import { startMockServing } from "./server.js";

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

  const { server, operations } = await startMockServing(request.options);
  const stateful = request.options.stateful !== undefined && request.options.stateful !== false;
  console.log(startBanner(server.url, operations, stateful));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means the user does not want to wait.
      process.exit(130);
    }
    stopping = true;
    server.close().then(
      () => console.log(`zcrm-mock stopped (${signal}).`),
      (error: unknown) => {
        console.error(`zcrm-mock: error while stopping: ${String(error)}`);
        process.exitCode = 1;
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`zcrm-mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
