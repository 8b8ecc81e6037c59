/**
 * The stateful mode's JSON bodies, each built from one of the spec's named examples: the example
 * gives the keys, codes, messages and status, the store gives the ids and times. So an answer
 * reads as the spec documents it, and a change to the spec's wording reaches the mock unaided.
 */
import type { IHttpOperation } from "@stoplight/types";
import type { ExampleCatalog } from "../../prism/example-catalog.js";
import { MOCK_USER_SHORT, zohoTime } from "./attachment-fields.js";
import type { StoredAttachment } from "./attachment-store.js";

/** A body to send: the example whose status it takes, and the value (undefined: the example itself). */
export interface ExampleAnswer {
  key: string;
  body?: unknown;
}

/** The upload success example with the new attachment's id, times and user. */
export function uploadedAnswer(
  catalog: ExampleCatalog,
  operation: IHttpOperation,
  item: StoredAttachment,
): ExampleAnswer {
  const key = item.kind === "file" ? "fileUploaded" : "linkAttached";
  const [template] = itemsOf(catalog, key, operation);
  const time = zohoTime(item.createdAt);
  const details = {
    Modified_Time: time,
    Modified_By: { ...MOCK_USER_SHORT },
    Created_Time: time,
    id: item.id,
    Created_By: { ...MOCK_USER_SHORT },
  };
  return { key, body: { data: [{ ...template, details }] } };
}

/** The answer to deleting one attachment that was there: the `deleted` example naming its id. */
export function deletedAnswer(catalog: ExampleCatalog, operation: IHttpOperation, id: string): ExampleAnswer {
  return { key: "deleted", body: { data: [deletedItem(catalog, operation, id)] } };
}

/**
 * The answer to a bulk delete: one item per id, in the order asked. Every id deleted is the 200
 * `deleted` example; any id left is Zoho's multi-status answer, the 207 `partlyDeleted` (some went)
 * or `noneDeleted` (none went), each failed id an INVALID_DATA "record not deleted" item.
 */
export function bulkDeleteAnswer(
  catalog: ExampleCatalog,
  operation: IHttpOperation,
  results: readonly { id: string; deleted: boolean }[],
): ExampleAnswer {
  const data = results.map(({ id, deleted }) =>
    deleted ? deletedItem(catalog, operation, id) : notDeletedItem(catalog, operation, id),
  );
  const deleted = results.filter((result) => result.deleted).length;
  const key = deleted === results.length ? "deleted" : deleted === 0 ? "noneDeleted" : "partlyDeleted";
  return { key, body: { data } };
}

function deletedItem(catalog: ExampleCatalog, operation: IHttpOperation, id: string): unknown {
  const [template] = itemsOf(catalog, "deleted", operation);
  return { ...template, details: { id } };
}

function notDeletedItem(catalog: ExampleCatalog, operation: IHttpOperation, id: string): unknown {
  const template = itemsOf(catalog, "partlyDeleted", operation).find((item) => item.status === "error") ?? {};
  return { ...template, details: { id } };
}

function itemsOf(catalog: ExampleCatalog, key: string, operation: IHttpOperation): Record<string, unknown>[] {
  const data = catalog.require(key, operation).value.data;
  return Array.isArray(data) ? (data as Record<string, unknown>[]) : [];
}
