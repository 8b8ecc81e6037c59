/**
 * The v2 SDK's attachment calls as the tests make them, each checking the SDK's own answer shape
 * (wrapper classes, SUCCESS codes, bigint ids), plus the hooks every v2 test file shares: its own
 * mock and SDK, a fresh request list per test, and a guard that the SDK sent nothing but calls to
 * the endpoints under test.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { type NodeSdk2Context, startNodeSdk2, v2 } from "./nodejs-sdk-2-setup.js";
import type { SampleFile } from "./sdk-sandbox.js";

/** The context of the current test file, set by {@link useNodeSdk2}. */
export const node2: { ctx: NodeSdk2Context } = { ctx: undefined as unknown as NodeSdk2Context };

/** Registers the hooks of a v2 test file; `allowed` matches the request targets the tests may cause. */
export function useNodeSdk2(allowed: RegExp): void {
  beforeAll(async () => {
    node2.ctx = await startNodeSdk2();
  });
  afterAll(async () => {
    await node2.ctx?.close();
  });
  beforeEach(() => {
    node2.ctx.proxy.take();
  });
  afterEach(() => {
    expect(node2.ctx.proxy.take().filter((r) => !allowed.test(r.target))).toStrictEqual([]);
  });
}

let lastRecord = 1000000270000n;

/** A record id no other test used, so each test starts from an empty record. */
export function freshRecord(): bigint {
  lastRecord += 1n;
  return lastRecord;
}

/** The SDK's operations object for Leads/`record` (v2 binds module and record in the constructor). */
export function leads(record: bigint): any {
  return new v2.AttachmentsOperations("Leads", record);
}

/** A ParameterMap with the given params added in order. */
export async function params(...entries: [unknown, unknown][]): Promise<any> {
  const map = new v2.ParameterMap();
  for (const [param, value] of entries) await map.add(param, value);
  return map;
}

/** A FileBodyWrapper (attachments' or records') holding the file at `path`, as the SDK's samples build it. */
export function fileBody(Wrapper: any, path: string): any {
  const body = new Wrapper();
  body.setFile(new v2.StreamWrapper(null, null, path));
  return body;
}

/** The items of an ActionWrapper answer (upload, link, delete). */
export function actionItems(answer: any): any[] {
  expect(answer).toBeInstanceOf(v2.AttachmentsActionWrapper);
  return answer.getData();
}

/** Uploads `file` to Leads/`record` and returns the new attachment's id. */
export async function upload(record: bigint, file: SampleFile): Promise<bigint> {
  const res = await leads(record).uploadAttachment(fileBody(v2.AttachmentsFileBodyWrapper, file.path));
  expect(res.getStatusCode()).toBe(200);
  const [item] = actionItems(res.getObject());
  expect(item).toBeInstanceOf(v2.AttachmentsSuccessResponse);
  expect(item.getCode().getValue()).toBe("SUCCESS");
  const id = item.getDetails().get("id");
  expect(typeof id).toBe("bigint");
  expect(String(id)).toMatch(/^\d{19}$/);
  return id;
}

/** Lists Leads/`record` with the given params: the SDK's ResponseWrapper, or null on 204. */
export async function list(record: bigint, ...entries: [unknown, unknown][]): Promise<any> {
  const res = await leads(record).getAttachments(await params(...entries));
  if (res.getStatusCode() === 204) return null;
  expect(res.getStatusCode()).toBe(200);
  expect(res.getObject()).toBeInstanceOf(v2.AttachmentsResponseWrapper);
  return res.getObject();
}

/** `METHOD path?query` of each request the SDK sent since the last look. */
export function sent(): string[] {
  return node2.ctx.proxy.take().map((r) => `${r.method} ${r.target}`);
}
