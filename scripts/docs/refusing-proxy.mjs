/**
 * The HTTP proxy an sh example's tools are pointed at (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, with
 * NO_PROXY for loopback): it forwards nothing. Every request and CONNECT gets 403 with a sentence
 * saying why, and each host asked for is appended to the example's refusal log, so curl (which the
 * Node preload cannot reach) cannot leave the machine either, and the check can name what was tried.
 */
import { appendFileSync } from "node:fs";
import { createServer } from "node:http";

const WHY = "the docs check allows no network beyond 127.0.0.1";

/** Starts the proxy on a free loopback port; resolves with `{ url, close() }`. */
export function startRefusingProxy(refusedLog) {
  const refuse = (target) => {
    appendFileSync(refusedLog, `${target}\n`);
    return `docs-check: refused ${target}: ${WHY}\n`;
  };
  const server = createServer((request, response) => {
    let target = request.url ?? "";
    try {
      target = new URL(target).host;
    } catch {}
    const body = refuse(target);
    response.writeHead(403, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    response.end(body);
  });
  server.on("connect", (request, socket) => {
    socket.on("error", () => {}); // the client may hang up first; that is no failure of the check
    const body = refuse(request.url ?? "");
    socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
