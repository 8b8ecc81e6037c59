import { createHash } from "node:crypto";
import { createServer, request as forward, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A recording hop for the record-and-replay test: forwards each request to a mock (the stand-in
// for a sandbox org) and writes the exchange down as a HAR 1.2 entry, the way the contract's
// proxy does: Authorization redacted, JSON and text bodies as text, binary ones as base64, or (with
// `keepBytes: false`) downloads reduced to their size and `_sha256`.

/** A running recorder. */
export interface HarRecorder {
  url: string;
  /** The HAR log of every exchange so far. */
  har(): { log: { version: string; creator: { name: string; version: string }; entries: unknown[] } };
  close(): Promise<void>;
}

const headerList = (headers: IncomingHttpHeaders) =>
  Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? ""]).map((v) => ({
      name,
      value: name === "authorization" ? `${v.split(" ")[0]} [redacted]` : v,
    })),
  );

/** Starts a recorder on 127.0.0.1 in front of `targetUrl`. */
export async function startHarRecorder(targetUrl: string, options: { keepBytes: boolean }): Promise<HarRecorder> {
  const target = new URL(targetUrl);
  const entries: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const started = new Date().toISOString();
    const sent: Buffer[] = [];
    req.on("data", (chunk: Buffer) => sent.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(sent);
      const out = forward(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
          agent: false,
        },
        (answer) => {
          const got: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => got.push(chunk));
          answer.on("end", () => {
            const bytes = Buffer.concat(got);
            const type = answer.headers["content-type"] ?? "";
            const textual = /json|text/i.test(type);
            const content: Record<string, unknown> = { size: bytes.length, mimeType: type };
            if (textual) content.text = bytes.toString("utf8");
            else if (options.keepBytes) Object.assign(content, { text: bytes.toString("base64"), encoding: "base64" });
            else if (bytes.length > 0) content._sha256 = createHash("sha256").update(bytes).digest("hex");
            const url = `https://www.zohoapis.com${req.url ?? "/"}`;
            entries.push({
              startedDateTime: started,
              time: 1,
              request: {
                method: req.method,
                url,
                httpVersion: "HTTP/1.1",
                headers: headerList(req.headers),
                queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
                ...(body.length === 0
                  ? {}
                  : { postData: { mimeType: req.headers["content-type"] ?? "", text: body.toString("utf8") } }),
                headersSize: -1,
                bodySize: body.length,
              },
              response: {
                status: answer.statusCode,
                statusText: "",
                httpVersion: "HTTP/1.1",
                headers: headerList(answer.headers),
                content,
                redirectURL: "",
                headersSize: -1,
                bodySize: bytes.length,
              },
              cache: {},
              timings: { send: 0, wait: 1, receive: 0 },
            });
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(bytes);
          });
        },
      );
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    har: () => ({ log: { version: "1.2", creator: { name: "test recorder", version: "1" }, entries: [...entries] } }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
