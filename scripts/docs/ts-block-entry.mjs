/**
 * The entry point a TypeScript docs example runs under (`node --import tsx ts-block-entry.mjs block.ts`):
 * it imports the block and exits as soon as the block's top-level code has finished. A snippet may
 * start a mock and leave it open, as a fragment of a larger program does, without hanging the check;
 * a snippet that throws, or whose awaited promise rejects, exits 1 with the error. Exiting runs the
 * mocks' exit hooks, so their temp folders go too.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const block = process.argv[2];
if (!block) {
  console.error("usage: node --import tsx ts-block-entry.mjs <block.ts>");
  process.exit(2);
}
// An example's unhandled rejection after its last line still fails it: Node's default would be to
// crash, which exit() below could pre-empt, so it is made explicit.
process.on("unhandledRejection", (reason) => {
  console.error("unhandled rejection:", reason);
  process.exit(1);
});
try {
  await import(pathToFileURL(resolve(block)).href);
} catch (error) {
  console.error(error);
  process.exit(1);
}
// Give callbacks queued by the last line (a logger, a stream's final write) one turn to run.
await new Promise((resolveTurn) => setImmediate(resolveTurn));
process.exit(process.exitCode ?? 0);
