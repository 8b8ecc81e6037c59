/**
 * The state a row needs before its call. On a server that keeps state it is made through the
 * client (uploads, a photo, no photo) and removed afterwards; on the example-driven mock the spec's
 * own example ids stand in, since any id gets an answer there.
 */

import { LINK_URL, type SuiteClient } from "../suite/calls.js";
import type { ContractCase } from "../suite/case-types.js";
import type { FixtureFile, Fixtures } from "../suite/fixtures.js";
import { deref, isObject, type OpenApiDocument, OperationIndex } from "../validator/spec.js";

/** An id of the right shape that no record has (19 digits, far past any the mock hands out). */
export const UNKNOWN_ATTACHMENT_ID = "4150868000009999999";

/** What a row's call addresses, and what to remove afterwards. */
export interface Prepared {
  attachmentId: string;
  ids: string[];
  /** Attachments made for the row, to delete after it. */
  created: string[];
  /** The file a download or photo read should return, when the row put it there. */
  expectFile?: FixtureFile;
}

/** The spec's example attachment id and delete-many ids (from the parameters' examples). */
export function exampleIds(doc: OpenApiDocument): { attachmentId: string; ids: string[] } {
  const index = new OperationIndex(doc);
  const example = (operationId: string, name: string): unknown => {
    for (const raw of index.byId(operationId)?.parameters ?? []) {
      const parameter = deref<{ name?: unknown; example?: unknown }>(doc, raw as object);
      if (parameter.name === name) return parameter.example;
    }
    return undefined;
  };
  const attachmentId = example("downloadAttachment", "attachment_id");
  const ids = example("deleteAttachments", "ids");
  if (typeof attachmentId !== "string" || !Array.isArray(ids))
    throw new Error("the spec has no example attachment_id or ids");
  return { attachmentId, ids: ids.map(String) };
}

/** The id of the attachment an upload call created. */
export function createdId(result: unknown): string {
  const details =
    isObject(result) && isObject(result.data) && isObject(result.data.details) ? result.data.details : undefined;
  if (typeof details?.id !== "string") throw new Error("the upload's result has no data.details.id");
  return details.id;
}

/** Makes the row's state with `client` (a plain one, not recorded or bent). */
export async function prepare(
  row: ContractCase,
  stateful: boolean,
  client: SuiteClient,
  where: { module: string; recordId: string; attachmentId: string | undefined },
  fixtures: Fixtures,
  examples: { attachmentId: string; ids: string[] },
): Promise<Prepared> {
  const prepared: Prepared = {
    attachmentId: where.attachmentId ?? examples.attachmentId,
    ids: [...examples.ids],
    created: [],
  };
  const { module, recordId } = where;
  const plan = row.prepare;
  if (stateful && plan) {
    if (plan.kind === "file" || plan.kind === "files") {
      const file = fixtures.files[plan.kind === "file" ? plan.file : "sample"];
      const count = plan.kind === "files" ? plan.count : 1;
      for (let i = 0; i < count; i++)
        prepared.created.push(createdId(await client.uploadAttachment(module, recordId, file.path)));
      prepared.expectFile = file;
    } else if (plan.kind === "link") {
      prepared.created.push(createdId(await client.attachLink(module, recordId, LINK_URL)));
    } else if (plan.kind === "photo") {
      await client.uploadPhoto(module, recordId, fixtures.files.photo.path);
      prepared.expectFile = fixtures.files.photo;
    } else {
      // No photo wanted: remove any; a record that has none answers 400, which is fine here.
      await client.deletePhoto(module, recordId).catch(() => undefined);
    }
    if (prepared.created.length > 0) {
      prepared.attachmentId = prepared.created[0] as string;
      prepared.ids = [...prepared.created];
    }
  }
  if (row.unknownAttachment) {
    prepared.attachmentId = UNKNOWN_ATTACHMENT_ID;
    prepared.ids = [...(stateful ? prepared.created : []), UNKNOWN_ATTACHMENT_ID];
  }
  return prepared;
}

/** Deletes attachments a row made, ignoring any that are gone already. */
export async function removeAttachments(
  client: SuiteClient,
  module: string,
  recordId: string,
  ids: readonly string[],
): Promise<void> {
  for (const id of ids) await client.deleteAttachment(module, recordId, id).catch(() => undefined);
}
