/**
 * Reads a multipart/form-data body as it arrives: the file part is counted and hashed chunk by
 * chunk and, when asked to (the stateful mode), written to a sink on disk as it comes, so a
 * 100 MiB upload never sits in memory. The reader stops at the first fault and says why; the
 * caller answers and drains. Bytes written for an upload that fails are dropped here.
 */
import type { IncomingMessage } from "node:http";
import { limits } from "@zcrm-attachments/types";
import busboy, { type Busboy } from "busboy";
import { type ByteSink, type FilePart, type PartFault, readFilePart } from "./file-part.js";
import type { UploadLimits } from "./upload-limits.js";

/** Why the reader stopped before the end of the body. */
export type ReadFault =
  | PartFault
  | "bodyTooLarge"
  | "malformed"
  | "aborted"
  | "executable"
  | "fileAndLink"
  | "twoFiles";

/** What a whole form held, or the fault that stopped the reading (`detail` for the developer). */
export type ReadOutcome =
  | { ok: true; file: FilePart | undefined; fields: ReadonlyMap<string, string> }
  | { ok: false; fault: ReadFault; detail: string };

/** How to read one upload. The checks run as soon as what they look at has arrived. */
export interface ReadOptions {
  limits: UploadLimits;
  /** Keep the file's bytes when it is at most this large (0: never keep them). */
  keepUpTo: number;
  /** Opens the sink the kept bytes are written to (needed when `keepUpTo` is above 0). */
  openSink?: () => ByteSink;
  /** Checked when the file part starts (name known, no bytes yet). */
  checkFileStart?: (fileName: string, fields: ReadonlyMap<string, string>) => ReadFault | undefined;
  /** How many leading bytes `checkHead` wants. */
  headBytes?: number;
  /** Checked once the file's first `headBytes` bytes (or the whole of a shorter file) arrived. */
  checkHead?: (head: Buffer) => PartFault | undefined;
  /** Checked for each text field, with whether a file part was seen already. */
  checkField?: (name: string, sawFile: boolean) => ReadFault | undefined;
}

/** The multipart part that carries the upload. */
export const FILE_FIELD = "file";
// Far beyond any field Zoho takes (a link's URL is the longest; four bytes per character covers
// any UTF-8): a value cut at this size is refused as too long anyway.
const FIELD_SIZE_LIMIT = Math.max(16 * 1024, 4 * limits.link.urlMaxLength);

/** Reads a multipart body, resolving with its file part and fields or with the first fault. Never rejects. */
export function readMultipart(req: IncomingMessage, options: ReadOptions): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    let parser: Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: "utf8", limits: { fieldSize: FIELD_SIZE_LIMIT } });
    } catch (error) {
      // No boundary, or not multipart at all: nothing was read, the caller drains the body.
      resolve({ ok: false, fault: "malformed", detail: messageOf(error) });
      return;
    }
    const fields = new Map<string, string>();
    let file: FilePart | undefined;
    let fileOpen = false;
    let parserDone = false;
    let bodyBytes = 0;
    let settled = false;

    // Drops what was written of the file part, on a failure.
    let abortPart: (() => void) | undefined;
    const settle = (outcome: ReadOutcome) => {
      if (settled) return;
      settled = true;
      if (!outcome.ok) abortPart?.();
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      resolve(outcome);
    };
    const fail = (fault: ReadFault, detail: string) => settle({ ok: false, fault, detail });
    const maybeDone = () => {
      if (parserDone && !fileOpen) settle({ ok: true, file, fields });
    };

    const onData = (chunk: Buffer) => {
      bodyBytes += chunk.length;
      if (bodyBytes > options.limits.bodyBytes) {
        // Past the ceiling: blame the file when one is being read, the body otherwise.
        if (fileOpen) fail("fileTooLarge", `The file part is larger than ${options.limits.fileBytes} bytes.`);
        else fail("bodyTooLarge", `The request body is larger than ${options.limits.bodyBytes} bytes.`);
        return;
      }
      if (!parser.write(chunk)) {
        req.pause();
        parser.once("drain", () => settled || req.resume());
      }
    };
    const onEnd = () => parser.end();
    const onClose = () => {
      if (!req.complete) fail("aborted", "The client closed the connection before the body ended.");
    };

    parser.on("field", (name, value) => {
      if (settled) return;
      // A value longer than FIELD_SIZE_LIMIT arrives cut short: still too long for any field here.
      fields.set(name, value);
      const fault = options.checkField?.(name, file !== undefined);
      if (fault !== undefined) fail(fault, `The field ${name} cannot be taken here.`);
    });

    parser.on("file", (name, stream, info) => {
      // A part cut short by the end of the body errors its stream as well as the parser.
      stream.on("error", (error: unknown) => fail("malformed", messageOf(error)));
      if (settled || name !== FILE_FIELD) {
        // Other file parts are read past, unused (they still count towards the body ceiling).
        stream.resume();
        return;
      }
      if (file !== undefined) {
        stream.resume();
        fail("twoFiles", "Only one file part may be sent per call.");
        return;
      }
      const fault = options.checkFileStart?.(info.filename ?? "", fields);
      if (fault !== undefined) {
        stream.resume();
        fail(fault, `The file ${info.filename ?? ""} cannot be taken.`);
        return;
      }
      fileOpen = true;
      const reading = readFilePart(
        stream,
        info,
        { ...options, fileBytes: options.limits.fileBytes },
        {
          settled: () => settled,
          fail,
          done: () => {
            fileOpen = false;
            maybeDone();
          },
        },
      );
      file = reading.part;
      abortPart = reading.abort;
    });

    parser.on("error", (error: unknown) => fail("malformed", messageOf(error)));
    parser.on("close", () => {
      parserDone = true;
      maybeDone();
    });

    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
