/**
 * A JSON scenario read into a seed plan. Ajv checks the shape against the scenario's schema
 * (scenario-schema.ts); what a schema says poorly is checked here, each with a message that names the record or attachment
 * and says what to write instead: one of `file` or `link`, ids used once, a record given once, and
 * what Zoho itself would refuse (an empty or oversize file, a refused extension, a link of no web
 * form, the same link twice on a record, a photo that is no image or on a module without photos).
 * Files are only looked at here; their bytes are read when the plan is applied.
 */
import { open, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { hasRefusedExtension, isAttachmentUrl, knownModules, limits } from "@zcrm-attachments/types";
import { uploadedFileType } from "../answers/bytes/content-types.js";
import { IMAGE_SIGNATURE_BYTES, imageType } from "../answers/bytes/image-type.js";
import { checkScenarioShape } from "./scenario-schema.js";
import type { SeedAttachment, SeedPhoto, SeedPlan, SeedRecord } from "./seed-plan.js";

/** How a scenario is read: where its paths start, the spec's id pattern, the time of unset `createdTime`s. */
export interface ScenarioContext {
  source: string;
  baseDir: string;
  idPattern: string;
  now: number;
}

type Where = string;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Checks a parsed scenario and turns it into a plan; throws an Error naming the place that is wrong. */
export async function scenarioPlan(value: unknown, context: ScenarioContext): Promise<SeedPlan> {
  await checkScenarioShape(value, context.source, context.idPattern);
  const scenario = value as { records: RawRecord[] };
  const fail = (where: Where, problem: string) => new Error(`${context.source}: ${where} ${problem}`);
  const records: SeedRecord[] = [];
  const recordAt = new Map<string, Where>();
  const idAt = new Map<string, Where>();
  for (const [r, raw] of scenario.records.entries()) {
    const where = `records[${r}]`;
    const key = `${raw.module}/${raw.id}`;
    const earlier = recordAt.get(key);
    if (earlier !== undefined) throw fail(where, `repeats ${key} of ${earlier}; give each record once.`);
    recordAt.set(key, where);
    const attachments: SeedAttachment[] = [];
    const links = new Set<string>();
    for (const [a, item] of (raw.attachments ?? []).entries()) {
      const at = `${where}.attachments[${a}]`;
      if (item.id !== undefined) {
        const first = idAt.get(item.id);
        if (first !== undefined) throw fail(at, `has the id ${item.id} of ${first}; an attachment id is used once.`);
        idAt.set(item.id, at);
      }
      const attachment = await attachmentOf(item, at, context, fail);
      if (attachment.linkUrl !== null) {
        if (links.has(attachment.linkUrl))
          throw fail(at, `links ${attachment.linkUrl} again; Zoho keeps a link once per record.`);
        links.add(attachment.linkUrl);
      }
      attachments.push(attachment);
    }
    const photo = raw.photo === undefined ? undefined : await photoOf(raw, `${where}.photo`, context, fail);
    records.push({ module: raw.module, recordId: raw.id, attachments, photo });
  }
  return { source: context.source, records, ignored: 0 };
}

interface RawRecord {
  module: string;
  id: string;
  attachments?: RawAttachment[];
  photo?: string;
}

interface RawAttachment {
  file?: string;
  name?: string;
  id?: string;
  contentType?: string;
  createdTime?: string;
  link?: string;
  title?: string;
}

async function attachmentOf(
  item: RawAttachment,
  at: Where,
  context: ScenarioContext,
  fail: (where: Where, problem: string) => Error,
): Promise<SeedAttachment> {
  if ((item.file === undefined) === (item.link === undefined)) {
    throw fail(
      at,
      `needs either "file" (a path) or "link" (a URL), ${item.file === undefined ? "and has neither" : "not both"}.`,
    );
  }
  const createdAt = item.createdTime === undefined ? context.now : Date.parse(item.createdTime);
  if (item.createdTime !== undefined && (!ISO_TIME.test(item.createdTime) || Number.isNaN(createdAt))) {
    throw fail(
      `${at}.createdTime`,
      `must be an ISO 8601 time such as 2026-01-31T09:30:00Z (got "${item.createdTime}").`,
    );
  }
  if (item.link !== undefined) {
    if (item.name !== undefined || item.contentType !== undefined) {
      throw fail(at, `is a link: "name" and "contentType" go with "file" (a link has "title").`);
    }
    if (!isAttachmentUrl(item.link)) {
      throw fail(
        `${at}.link`,
        `must be an absolute http(s) URL of at most ${limits.link.urlMaxLength} characters (got "${item.link}").`,
      );
    }
    const fileName = item.title ?? item.link;
    return { id: item.id, kind: "link", fileName, contentType: "", bytes: undefined, linkUrl: item.link, createdAt };
  }
  if (item.title !== undefined) throw fail(at, `is a file: "title" goes with "link" (a file has "name").`);
  const path = resolve(context.baseDir, item.file as string);
  const size = await fileSize(path, `${at}.file`, item.file as string, fail);
  if (size === 0) throw fail(`${at}.file`, `${item.file} is empty; Zoho takes no empty file.`);
  if (size > limits.attachment.fileBytes) {
    throw fail(
      `${at}.file`,
      `${item.file} has ${size} bytes; Zoho takes files of at most ${limits.attachment.fileBytes}.`,
    );
  }
  const fileName = item.name ?? basename(path);
  if (hasRefusedExtension(fileName)) {
    throw fail(
      at,
      `is named ${fileName}; Zoho refuses files ending in ${limits.attachment.refusedExtensions.join(", ")}.`,
    );
  }
  const contentType = item.contentType ?? uploadedFileType("", fileName);
  return {
    id: item.id,
    kind: "file",
    fileName,
    contentType,
    bytes: { from: "file", path, size },
    linkUrl: null,
    createdAt,
  };
}

async function photoOf(
  raw: RawRecord,
  at: Where,
  context: ScenarioContext,
  fail: (where: Where, problem: string) => Error,
): Promise<SeedPhoto> {
  const standard: readonly string[] = knownModules.current.Attachments;
  const withPhotos: readonly string[] = knownModules.current.photo;
  if (standard.includes(raw.module) && !withPhotos.includes(raw.module)) {
    throw fail(
      at,
      `is set on ${raw.module}, which has no photos in Zoho (photos are for ${withPhotos.join(", ")} and custom modules).`,
    );
  }
  const given = raw.photo as string;
  const path = resolve(context.baseDir, given);
  const size = await fileSize(path, at, given, fail);
  if (size > limits.photo.fileBytes)
    throw fail(at, `${given} has ${size} bytes; Zoho takes photos of at most ${limits.photo.fileBytes}.`);
  const handle = await open(path, "r");
  const head = Buffer.alloc(IMAGE_SIGNATURE_BYTES);
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const type = imageType(head);
  if (type === undefined || !(limits.photo.contentTypes as readonly string[]).includes(type)) {
    throw fail(at, `${given} is not a PNG, JPEG, GIF or BMP image (by its first bytes).`);
  }
  return { bytes: { from: "file", path, size }, contentType: type, fileName: basename(path) };
}

async function fileSize(path: string, at: Where, given: string, fail: (w: Where, p: string) => Error): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw fail(
      at,
      code === "ENOENT" ? `${given} does not exist (looked for ${path}).` : `${given} cannot be read (${code}).`,
    );
  }
  if (!info.isFile()) throw fail(at, `${given} (${path}) is not a file.`);
  return info.size;
}
