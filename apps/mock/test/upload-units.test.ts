import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { imageType } from "../src/binary/image-type.js";
import { requestedVersion } from "../src/binary/operation-kind.js";
import { asciiFallback, attachmentDisposition } from "../src/binary/send-bytes.js";
import { answerThenDrain } from "../src/uploads/drain.js";
import { isUploadRequest } from "../src/uploads/stand-in-body.js";
import { isAttachmentUrl } from "../src/uploads/upload-rules.js";

describe("attachmentDisposition", () => {
  it.each([
    ["Quote.pdf", 'attachment; filename="Quote.pdf"'],
    [
      "Résumé 日本.txt",
      "attachment; filename=\"Resume __.txt\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E6%97%A5%E6%9C%AC.txt",
    ],
    ["", 'attachment; filename="file"'],
  ])("%j → %s", (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });

  it("keeps quotes, backslashes and % out of the ASCII fallback", () => {
    expect(asciiFallback('a"b\\c%d\u0001.txt')).toBe("a_b_c_d_.txt");
  });
});

describe("imageType", () => {
  it.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image/png"],
    [[0xff, 0xd8, 0xff, 0xdb], "image/jpeg"],
    [[0x47, 0x49, 0x46, 0x38, 0x37, 0x61], "image/gif"],
    [[0x42, 0x4d, 0, 0], "image/bmp"],
    [[0x89, 0x50, 0x4e, 0x47], undefined], // a PNG signature cut short
    [[0x25, 0x50, 0x44, 0x46], undefined], // %PDF
    [[], undefined],
  ])("%j → %s", (bytes, type) => {
    expect(imageType(Uint8Array.from(bytes))).toBe(type);
  });
});

describe("requestedVersion", () => {
  it.each([
    ["/crm/v2/Leads/1/Attachments", 2],
    ["/crm/v2.1/Leads/1/Attachments?x=1", 2.1],
    ["/crm/v7/Leads/1/Attachments", 7],
    ["/somewhere/else", 8],
  ])("%s → %d", (url, version) => {
    expect(requestedVersion(url)).toBe(version);
  });
});

describe("isUploadRequest", () => {
  it.each([
    ["POST", "/crm/v2/Leads/1/Attachments", true],
    ["POST", "/crm/v8/Leads/1/photo", true],
    ["GET", "/crm/v8/Leads/1/Attachments", false],
    ["POST", "/crm/v8/Leads/1/Attachments/2", false],
    ["POST", "/oauth/v2/token", false],
  ])("%s %s → %s", (method, path, claimed) => {
    expect(isUploadRequest(method, path)).toBe(claimed);
  });
});

describe("isAttachmentUrl", () => {
  it.each([
    ["https://www.zohocorp.com", true],
    ["mailto:someone@example.com", true],
    ["www.zohocorp.com", false],
    ["https://exa mple.com", false],
    ["", false],
    [`https://a.example/${"x".repeat(2990)}`, false],
  ])("%# %s", (url, ok) => {
    expect(isAttachmentUrl(url)).toBe(ok);
  });
});

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
