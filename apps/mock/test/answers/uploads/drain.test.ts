import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answerThenDrain } from "../../../src/answers/uploads/drain.js";

describe("answerThenDrain", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    server?.close();
    if (server !== undefined) await once(server, "close");
    server = undefined;
  });

  /** A server that answers before reading the body, then drains up to `limit` bytes of it. */
  async function answeringEarly(limit: number, seen: (req: IncomingMessage) => void): Promise<number> {
    server = createServer((req, res) => {
      seen(req);
      res.setHeader("Content-Length", 5);
      answerThenDrain(req, res, Buffer.from("early"), limit);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return (server.address() as AddressInfo).port;
  }

  /**
   * Sends a `Connection: close` request over a raw socket and writes its whole body whatever
   * comes back (as a client that reads only after sending would), then reads to the end.
   */
  function send(port: number, size: number): Promise<{ answer: string; error: string | undefined }> {
    return new Promise((resolve) => {
      let received = "";
      let error: string | undefined;
      const socket = connect(port, "127.0.0.1");
      socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
      socket.on("error", (e: NodeJS.ErrnoException) => (error ??= e.code));
      socket.on("close", () => resolve({ answer: received.slice(received.indexOf("\r\n\r\n") + 4), error }));
      socket.write(`POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${size}\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024);
      let left = size;
      const write = () => {
        while (left > 0 && !socket.destroyed) {
          left -= chunk.length;
          if (!socket.write(chunk)) return void socket.once("drain", write);
        }
      };
      write();
    });
  }

  // On `Connection: close` Node closes the socket as soon as a response ends, unread body or not.
  it("reads a body within the limit to its end, so even a Connection: close client gets the answer and no reset", async () => {
    let ended = false;
    const port = await answeringEarly(1024 * 1024, (req) => req.on("end", () => (ended = true)));
    const outcome = await send(port, 512 * 1024);
    expect(outcome).toStrictEqual({ answer: "early", error: undefined });
    expect(ended).toBe(true);
  });

  it("cuts a client off once it sent more than the limit after the answer", async () => {
    let ended = false;
    const port = await answeringEarly(256 * 1024, (req) => req.on("end", () => (ended = true)));
    const outcome = await send(port, 8 * 1024 * 1024);
    expect(ended).toBe(false);
    expect(outcome.error).toMatch(/^(ECONNRESET|EPIPE)$/);
  });
});
