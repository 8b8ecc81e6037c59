/**
 * Turns an sh example into the script the runner gives bash, line for line (so bash's line numbers
 * still point into the Markdown):
 *   - every port the block names for a local server (`127.0.0.1:4010`, `localhost:4010`, `--port 4020`,
 *     `PORT=4020`) becomes a free port chosen for this run, so examples run side by side, and next to
 *     a mock the reader may have open on 4010;
 *   - a line whose comment quotes curl's error (`# curl: (56) reset`) must exit with that status,
 *     instead of stopping the block (which runs under `set -e`).
 */
import { createServer } from "node:net";

/** The docs' default mock port: the one `pnpm mock` and `zcrm-mock` listen on when given none. */
export const DEFAULT_PORT = "4010";
const PORT_REFERENCE = /(?<=(?:127\.0\.0\.1|localhost):|--port[= ]|\bPORT=)(\d{2,5})\b/g;
const EXPECTED_STATUS = /^(.*\S)\s+#\s*curl: \((\d+)\).*$/;

/** The ports the block names (always including the default one), as strings. */
export function docPorts(code) {
  return [...new Set([DEFAULT_PORT, ...[...code.matchAll(PORT_REFERENCE)].map((match) => match[1])])];
}

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(String(port)));
    });
  });
}

/** The script for bash: the block with its ports mapped by `portMap` and its expected statuses checked. */
export function shellScript(code, portMap) {
  const lines = code.replace(PORT_REFERENCE, (port) => portMap[port] ?? port).split("\n");
  return lines
    .map((line, i) => {
      const match = EXPECTED_STATUS.exec(line);
      if (!match || lines[i - 1]?.endsWith("\\") || line.trimStart().startsWith("#")) return line;
      const [, command, status] = match;
      const quoted = `'${command.trim().replaceAll("'", `'\\''`)}'`;
      return `__docs_status=0; ${command} || __docs_status=$?; __docs_expect_status ${status} "$__docs_status" ${quoted}`;
    })
    .join("\n");
}
