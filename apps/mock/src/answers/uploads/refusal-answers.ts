/**
 * Which of the spec's examples answers each refused upload, and how it is sent (at once, then the
 * rest of the body drained). Where Zoho documents no code for a case, the nearest documented body
 * is reused and the choice is explained here.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IHttpOperation } from "@stoplight/types";
import { type ExampleCatalog, withParamName } from "../../prism/example-catalog.js";
import { writeZohoJsonHead } from "../../wire/reply.js";
import { answerThenDrain } from "./drain.js";
import { DRAIN_LIMIT } from "./upload-limits.js";
import type { UploadFault } from "./upload-rules.js";

interface RefusalAnswer {
  /** The example whose body is sent. */
  key: string;
  /** A status other than the example's own (the body is reused under another status). */
  status?: number;
  /** Sets `details.param_name` to the part of the request at fault. */
  paramName?: string;
}

function answerFor(fault: UploadFault, photo: boolean): RefusalAnswer {
  switch (fault) {
    case "fileTooLarge":
      return { key: photo ? "fileSizeExceeds" : "fileSizeMoreThanAllowed" };
    case "bodyTooLarge":
      return { key: "bodySizeReached" };
    case "noFileNoLink":
      return { key: "mandatoryNotFound" };
    case "emptyFile":
      return { key: "emptyFile" };
    case "malformed":
    case "aborted":
      // Zoho's "kindly upload the file properly" (failure_in_attachment_handling) is its answer
      // for an upload it cannot process; the parser's reason goes in sl-violations.
      return { key: "emptyFile" };
    case "badUrl":
      return { key: "invalidAttachmentUrl" };
    case "notAnImage":
      return { key: "invalidFileType" };
    case "executable":
      // Zoho's pages refuse executables without naming the error: the photo's "invalid file type"
      // body (INVALID_DATA), sent as a 400 like Zoho's other attachment refusals.
      return { key: "invalidFileType", status: 400 };
    case "fileAndLink":
      // "One file or one link per call": INVALID_DATA naming the link, the part that is extra.
      return { key: "invalidParameter", paramName: "attachmentUrl" };
    case "twoFiles":
      return { key: "invalidParameter", paramName: "file" };
    case "badTitle":
      return { key: "invalidParameter", paramName: "title" };
  }
}

/** Answers a refused upload with its Zoho body at once, and ends the response once the rest of the request is drained. */
export function sendUploadRefusal(
  req: IncomingMessage,
  res: ServerResponse,
  catalog: ExampleCatalog,
  operation: IHttpOperation,
  refusal: { fault: UploadFault; detail: string },
  photo: boolean,
): void {
  const answer = answerFor(refusal.fault, photo);
  const example = catalog.require(answer.key, operation);
  const json = answer.paramName === undefined ? example.json : withParamName(example, answer.paramName);
  if (res.headersSent || res.destroyed) return;
  writeZohoJsonHead(res, answer.status ?? example.status, json, violationHeader(refusal));
  answerThenDrain(req, res, json, DRAIN_LIMIT);
}

/** The refusal as an sl-violations value (the mock's debugging header for Prism's violations too). */
function violationHeader(refusal: { fault: UploadFault; detail: string }): string | undefined {
  if (refusal.detail === "") return undefined;
  const violation = [{ location: ["request", "body"], code: refusal.fault, message: refusal.detail }];
  // Header values must be Latin-1: anything beyond ASCII (a file name) is written as \uXXXX.
  return JSON.stringify(violation).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
