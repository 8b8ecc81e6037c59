// The floor for bench/proxy.mjs: a bare node:http reverse proxy that only pipes each request to
// the target and the answer back, checking and keeping nothing. What it costs is what any Node
// proxy hop costs on this machine; the zcrm-contract proxy's own work is what it adds on top.
//   node pipe-proxy.mjs <target>   prints its port; on SIGTERM prints {"peakRss": …} and exits
import { readFileSync } from "node:fs";
import { Agent, createServer, request } from "node:http";

const target = new URL(process.argv[2]);
const agent = new Agent({ keepAlive: true });
const server = createServer((req, res) => {
  const headers = { ...req.headers, host: target.host };
  const upstream = request(
    { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  req.pipe(upstream);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.on("SIGTERM", () => {
  const line = readFileSync("/proc/self/status", "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmHWM:"));
  process.stdout.write(`${JSON.stringify({ peakRss: Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) * 1024 })}\n`);
  process.exit(0);
});
