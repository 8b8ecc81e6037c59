/**
 * Answering an upload before its body ends. When the mock refuses an upload early (too large,
 * wrong type), the client should read the answer rather than a connection reset. Closing the socket
 * while the client still writes makes the kernel send a reset, and many clients then lose the
 * answer they have not read yet; Node closes the socket as soon as a response ends on a
 * `Connection: close` request. So the whole answer is written at once (its Content-Length tells
 * the client it is complete) but the response is only ended once the rest of the body has been
 * read and thrown away: curl stops sending when it sees the answer, fetch (undici) sends
 * everything first. A client that sends more than `limit` further bytes is cut off.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Sends `body` now and ends the response once the request body is over, discarding up to `limit` more bytes of it. */
export function answerThenDrain(req: IncomingMessage, res: ServerResponse, body: Buffer, limit: number): void {
  if (req.complete || req.destroyed) {
    res.end(body);
    return;
  }
  res.write(body);
  let discarded = 0;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    res.end();
  };
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limit && !ended) {
      end();
      // The answer went out long before; what is left to lose is the client's own upload.
      req.socket.destroy();
    }
  });
  req.on("end", end);
  req.on("close", end);
  req.resume();
}

/** The size of a body read only to count it, and whether it stayed within the limit. */
export type DiscardOutcome = { ok: boolean; bytes: number };

/** Reads a whole body only to count it (a non-multipart body on an upload route), stopping at `limit`. */
export function discardBody(req: IncomingMessage, limit: number): Promise<DiscardOutcome> {
  return new Promise((resolve) => {
    if (req.complete) {
      resolve({ ok: true, bytes: 0 });
      return;
    }
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) done({ ok: false, bytes });
    };
    const onEnd = () => done({ ok: true, bytes });
    const done = (outcome: DiscardOutcome) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onEnd);
      // Stop the flow: whoever answers decides what happens to the rest (answerThenDrain).
      req.pause();
      resolve(outcome);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onEnd);
    req.resume();
  });
}
