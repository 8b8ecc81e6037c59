/**
 * The entry point behind bin/zcrm-attachments.js: runs the program on the process's arguments and
 * streams. Usage errors exit 2 (commander's own exit codes are mapped), help and version exit 0.
 */
import { readFileSync } from "node:fs";
import { CommanderError } from "@commander-js/extra-typings";
import { exitCodes } from "./output/exit-codes.js";
import { createProgram } from "./program.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

const program = createProgram(
  { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env },
  version,
);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  const helpOrVersion = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code);
  process.exitCode = helpOrVersion ? exitCodes.ok : exitCodes.usage;
}
