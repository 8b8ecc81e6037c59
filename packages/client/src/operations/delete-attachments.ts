/**
 * Delete several attachments: `DELETE …/Attachments?ids=a,b,c`, as Zoho's SDKs call it (no doc page
 * describes it). Ids go at most `limits.deleteMany.idsPerCall` per request (Zoho's usual cap for id
 * lists), one request after another, and each id gets its own result in the order given: Zoho
 * answers one item per id, which may be an error item while the others succeed. That answer may
 * come as 200 (all deleted), 207 (some not) or 202 (Zoho's own OpenAPI answers its sibling bulk
 * delete so): all three are read the same way, never thrown. Items are matched by `details.id`,
 * else by position. A request Zoho refuses as a whole (400 INVALID_MODULE, 401, ...) throws a
 * ZohoApiError; chunks sent before it stay deleted.
 */
import { type DeleteAttachmentsResponse, limits } from "@zcrm-attachments/types";
import { type ZohoErrorDetails, ZohoInputError } from "../errors/errors.js";
import { checkIdList, checkRecordId, chunkIds } from "../input/attachment-ids.js";
import { type CallOptions, checkCallOptions } from "../input/call-options.js";
import { isRecord } from "../json.js";
import { sendJsonCall } from "./json-call.js";
import { isDataEnvelope, readJsonBody } from "./json-result.js";
import { attachmentsPath, type OperationContext } from "./operation-context.js";
import { withQuery } from "./paths.js";

/** Options of deleteAttachments. */
export interface DeleteAttachmentsOptions extends CallOptions {
  /** Ids per request, 1 to 100 (default 100). */
  chunkSize?: number;
}

/** What happened to one id. */
export type DeleteItemResult =
  | { id: string; ok: true }
  | { id: string; ok: false; code: string; message: string; details: ZohoErrorDetails };

/** The outcome of a bulk delete. */
export interface DeleteManyResult {
  /** One entry per distinct id, in the order given. */
  results: DeleteItemResult[];
  /** Ids Zoho deleted. */
  deleted: string[];
  /** Ids Zoho did not delete (see `results` for why). */
  failed: string[];
  /** Requests sent. */
  responses: number;
}

const METHOD = "DELETE";
// Every status the spec gives a per-id answer: all deleted, accepted, partly deleted.
const PER_ID_ANSWERS: readonly number[] = [200, 202, 207];

const MAX_CHUNK = limits.deleteMany.idsPerCall;

function checkChunkSize(value: unknown): number {
  if (value === undefined) return MAX_CHUNK;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_CHUNK) return value;
  throw new ZohoInputError(
    "chunkSize",
    `chunkSize must be an integer from 1 to ${MAX_CHUNK}, the most ids the client sends per request (got ${String(value)}).`,
  );
}

function itemResult(id: string, item: Record<string, unknown> | undefined): DeleteItemResult {
  if (item === undefined) {
    return { id, ok: false, code: "MISSING_RESULT", message: "Zoho's answer held no item for this id", details: {} };
  }
  if (item.status === "success") return { id, ok: true };
  return {
    id,
    ok: false,
    code: typeof item.code === "string" ? item.code : "UNKNOWN",
    message: typeof item.message === "string" ? item.message : "",
    details: isRecord(item.details) ? (item.details as ZohoErrorDetails) : {},
  };
}

/** Matches answer items to the ids of one request: by details.id first, then by position. */
export function matchItems(ids: readonly string[], items: ReadonlyArray<Record<string, unknown>>): DeleteItemResult[] {
  const byId = new Map<string, Record<string, unknown>>();
  const unmatched: Array<[number, Record<string, unknown>]> = [];
  items.forEach((item, index) => {
    const id = isRecord(item.details) ? item.details.id : undefined;
    if (typeof id === "string" && ids.includes(id) && !byId.has(id)) byId.set(id, item);
    else unmatched.push([index, item]);
  });
  // Items without a usable id take their position's id when it is free, else the next free one.
  for (const [index, item] of unmatched) {
    const at = ids[index];
    const free = at !== undefined && !byId.has(at) ? at : ids.find((id) => !byId.has(id));
    if (free !== undefined) byId.set(free, item);
  }
  return ids.map((id) => itemResult(id, byId.get(id)));
}

/** Deletes the attachments `ids` of one record; see the file header. */
export async function deleteAttachments(
  context: OperationContext,
  module: unknown,
  recordId: unknown,
  ids: unknown,
  input: unknown,
): Promise<DeleteManyResult> {
  const checked = context.checkModule(module);
  const record = checkRecordId(recordId);
  const list = checkIdList(ids, "ids");
  const options = checkCallOptions(input, ["chunkSize"]);
  const chunks = chunkIds(list, checkChunkSize(options.values.chunkSize));
  const path = attachmentsPath(context, checked, record);
  const results: DeleteItemResult[] = [];
  for (const chunk of chunks) {
    // Ids are digits only, so the commas are the only separators and need no encoding.
    const url = withQuery(path, `ids=${chunk.join(",")}`);
    const result = await sendJsonCall(context, METHOD, url, options, PER_ID_ANSWERS);
    const body = readJsonBody<DeleteAttachmentsResponse>(
      METHOD,
      result,
      isDataEnvelope,
      "{data: [{code, details, message, status}, ...]}",
    );
    results.push(...matchItems(chunk, body.data as ReadonlyArray<Record<string, unknown>>));
  }
  return {
    results,
    deleted: results.filter((item) => item.ok).map((item) => item.id),
    failed: results.filter((item) => !item.ok).map((item) => item.id),
    responses: chunks.length,
  };
}
