/**
 * zcrm-contract: run the contract suite against a server, or validate recorded exchanges. The
 * program itself is in cli/; this entry only runs it and sets the exit status, letting standard
 * output drain before the process ends.
 */
import { main } from "./cli/program.js";

// A reader that stops early (`| head`) closes the pipe: stop writing quietly instead of crashing.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
