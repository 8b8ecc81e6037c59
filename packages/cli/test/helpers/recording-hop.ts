/**
 * A small HTTP hop between the bin and the mock that counts what the server really served: every
 * download request per attachment id, and the downloads whose body went out whole. "No file was
 * fetched twice" is checked on these counts, not on the CLI's own claim. It can also hold downloads
 * part-way (headers and half the body sent, the rest held) after a number of whole ones, so a test
 * can interrupt an export while files are in flight.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const DOWNLOAD = /\/Attachments\/([0-9]+)(\?|$)/;

/** A running hop. */
export interface RecordingHop {
  url: string;
  /** Download requests per attachment id. */
  requested: Map<string, number>;
  /** Downloads sent whole, per attachment id. */
  served: Map<string, number>;
  /** Downloads held part-way right now. */
  held(): number;
  /** Hold every download after `whole` more have gone out whole (undefined: hold nothing). */
  holdAfter(whole: number | undefined): void;
  /** Requests that were not downloads (lists), counted. */
  otherRequests(): number;
  close(): Promise<void>;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Starts a hop on 127.0.0.1 in front of `upstream`. */
export async function startRecordingHop(upstream: string): Promise<RecordingHop> {
  const requested = new Map<string, number>();
  const served = new Map<string, number>();
  let budget: number | undefined;
  let heldNow = 0;
  let others = 0;
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const id = req.method === "GET" ? DOWNLOAD.exec(req.url ?? "")?.[1] : undefined;
    if (id === undefined) others += 1;
    else bump(requested, id);
    const hold = id !== undefined && budget !== undefined && budget <= 0;
    if (id !== undefined && budget !== undefined && budget > 0) budget -= 1;
    const upstreamRequest = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upstreamResponse) => {
        const chunks: Buffer[] = [];
        upstreamResponse.on("data", (chunk: Buffer) => chunks.push(chunk));
        upstreamResponse.on("end", () => {
          const body = Buffer.concat(chunks);
          res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          if (!hold) {
            res.end(body, () => {
              if (id !== undefined && upstreamResponse.statusCode === 200) bump(served, id);
            });
            return;
          }
          // Half the body now; the rest never (the bin is interrupted while it waits).
          heldNow += 1;
          res.write(body.subarray(0, Math.floor(body.length / 2)));
          res.on("close", () => (heldNow -= 1));
        });
      },
    );
    upstreamRequest.on("error", () => res.destroy());
    req.pipe(upstreamRequest);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requested,
    served,
    held: () => heldNow,
    holdAfter(whole) {
      budget = whole;
    },
    otherRequests: () => others,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
