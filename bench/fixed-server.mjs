// A bare node:http server that answers every list request with the v2 seed sample, so the client
// benchmark measures the client, not a mock. Run as a child process; prints its port on stdout.

import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";

const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@zcrm-attachments/spec/openapi.json"), "utf8"),
);
const body = JSON.stringify(spec.components.examples["list-v2-seed-sample"].value);
const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json;charset=UTF-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
