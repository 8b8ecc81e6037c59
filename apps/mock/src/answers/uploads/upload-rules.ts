/**
 * Zoho's rules for one upload call, in one place: one file or one link (never both, never
 * neither), files up to the spec's size and never of a refused extension (executables), photos up
 * to the spec's size and only PNG, JPEG, GIF or BMP, link URLs and titles up to the spec's lengths.
 * The link may come as form fields (Zoho's docs) or in the query (Zoho's SDKs). The numbers, and
 * the link and file-name rules the client applies too, live in the spec and reach the mock through
 * @zcrm-attachments/types, so the mock refuses exactly what the client refuses.
 */
import type { IncomingMessage } from "node:http";
import type { IHttpNameValues } from "@stoplight/prism-http";
import {
  type ApiVersion,
  hasRefusedExtension,
  isAttachmentUrl,
  limits,
  since,
  versionAtLeast,
} from "@zcrm-attachments/types";
import { noteRequest } from "../../journal/request-notes.js";
import { hasBody } from "../../wire/request-body.js";
import { IMAGE_SIGNATURE_BYTES, imageType } from "../bytes/image-type.js";
import { discardBody } from "./drain.js";
import type { ByteSink, FilePart } from "./file-part.js";
import { FILE_FIELD, type ReadFault, readMultipart } from "./multipart-reader.js";
import { ATTACHMENT_LIMITS, PHOTO_LIMITS } from "./upload-limits.js";

/** Why an upload is refused; each maps to one of the spec's examples (see refusal-answers.ts). */
export type UploadFault = ReadFault | "noFileNoLink" | "emptyFile" | "badUrl" | "badTitle";

/** What an upload call carried, once every rule passed, or the first rule it broke. */
export type UploadDecision =
  | { kind: "file"; file: FilePart }
  | { kind: "link"; url: string; title: string | undefined }
  | { kind: "refused"; fault: UploadFault; detail: string };

/** What the rules need to know about the call besides its body. */
export interface UploadContext {
  /** A record photo (true) or an attachment (false). */
  photo: boolean;
  /** The API version asked for: a link title only counts from `since.uploadAttachment.title` on. */
  version: ApiVersion;
  query: IHttpNameValues;
  /** Keep the file's bytes when at most this large (0: only count and hash them). */
  keepUpTo: number;
  /** Opens the sink kept bytes are written to (the stateful store's folder). */
  openSink?: () => ByteSink;
}

const MULTIPART = /^multipart\/form-data\s*(;|$)/i;
const { urlMaxLength, titleMaxLength } = limits.link;

/** Reads the upload's body under Zoho's rules and decides what it carried. Never rejects. */
export async function readUpload(req: IncomingMessage, context: UploadContext): Promise<UploadDecision> {
  const limits = context.photo ? PHOTO_LIMITS : ATTACHMENT_LIMITS;
  const queryUrl = context.query.attachmentUrl;
  const linkInQuery = !context.photo && queryUrl !== undefined;
  const contentType = req.headers["content-type"] ?? "";

  if (!MULTIPART.test(contentType)) {
    // Zoho's SDKs send a link with no body; any other body has no `file` part to find.
    if (hasBody(req)) {
      const discarded = await discardBody(req, limits.bodyBytes);
      if (!discarded.ok) return refused("bodyTooLarge", `The request body is larger than ${limits.bodyBytes} bytes.`);
    }
    return linkInQuery ? decideLink(queryUrl, context.query.title, context) : refused("noFileNoLink", "");
  }

  const outcome = await readMultipart(req, {
    limits,
    keepUpTo: context.keepUpTo,
    ...(context.openSink === undefined ? {} : { openSink: context.openSink }),
    checkFileStart: (fileName, fields) => {
      noteRequest(req, { fileName });
      if (!context.photo && (linkInQuery || fields.has("attachmentUrl"))) return "fileAndLink";
      if (!context.photo && hasRefusedExtension(fileName)) return "executable";
      return undefined;
    },
    ...(context.photo
      ? {
          headBytes: IMAGE_SIGNATURE_BYTES,
          checkHead: (head: Buffer) => (isPhotoType(head) ? undefined : "notAnImage"),
        }
      : {}),
    checkField: (name, sawFile) => (!context.photo && name === "attachmentUrl" && sawFile ? "fileAndLink" : undefined),
  });
  if (!outcome.ok) return refused(outcome.fault, outcome.detail);

  if (outcome.file !== undefined) {
    noteRequest(req, { bytes: outcome.file.size });
    if (outcome.file.size === 0) {
      outcome.file.kept?.discard();
      return refused("emptyFile", `The ${FILE_FIELD} part is empty.`);
    }
    return { kind: "file", file: outcome.file };
  }
  if (context.photo) return refused("noFileNoLink", "");
  const formUrl = outcome.fields.get("attachmentUrl");
  // A field longer than the reader keeps arrives cut short, still far beyond the length allowed.
  if (formUrl !== undefined) return decideLink(formUrl, outcome.fields.get("title"), context);
  return linkInQuery ? decideLink(queryUrl, context.query.title, context) : refused("noFileNoLink", "");
}

function decideLink(
  url: string | string[] | undefined,
  title: string | string[] | undefined,
  context: UploadContext,
): UploadDecision {
  if (typeof url !== "string" || !isAttachmentUrl(url)) {
    // The spec's AttachmentUrl, shared with the client through the types package: web links only.
    return refused("badUrl", `attachmentUrl must be one absolute http(s) URL of at most ${urlMaxLength} characters.`);
  }
  // Before its version Zoho has no link title; a title sent anyway is ignored, as Zoho ignores
  // unknown parameters.
  if (title === undefined || !versionAtLeast(context.version, since.uploadAttachment.title)) {
    return { kind: "link", url, title: undefined };
  }
  if (typeof title !== "string" || title.length === 0 || title.length > titleMaxLength) {
    return refused("badTitle", `title must be 1 to ${titleMaxLength} characters.`);
  }
  return { kind: "link", url, title };
}

/** Whether a photo's first bytes are an image of a type the spec takes for photos (`limits.photo.contentTypes`). */
function isPhotoType(head: Buffer): boolean {
  const type = imageType(head);
  return type !== undefined && (limits.photo.contentTypes as readonly string[]).includes(type);
}

function refused(fault: UploadFault, detail: string): UploadDecision {
  return { kind: "refused", fault, detail };
}
