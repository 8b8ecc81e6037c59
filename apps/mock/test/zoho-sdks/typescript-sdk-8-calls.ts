/**
 * The v8 SDK's attachment calls as the tests make them, each checking the SDK's own answer shape
 * (wrapper classes, SUCCESS codes, bigint ids), plus the hooks every v8 test file shares: its own
 * mock and SDK, a fresh request list per test, and a guard that the SDK sent nothing but calls to
 * the endpoints under test.
 */
import * as ZOHOCRMSDK from "@zohocrm/typescript-sdk-8.0";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import type { SampleFile } from "./sdk-sandbox.js";
import { fileBody, params, startTypescriptSdk8, type TypescriptSdk8Context } from "./typescript-sdk-8-setup.js";

/** The SDK's attachment operations (stateless: one instance serves every record). */
export const attachments = new ZOHOCRMSDK.Attachments.AttachmentsOperations();

/** The context of the current test file, set by {@link useTypescriptSdk8}. */
export const v8: { ctx: TypescriptSdk8Context } = { ctx: undefined as unknown as TypescriptSdk8Context };

/**
 * Registers the hooks of a v8 test file: mock and SDK up before the tests, down after; each test
 * starts with an empty request list, and fails if the SDK sent a request whose target `allowed`
 * does not match (a user lookup, module or field metadata).
 */
export function useTypescriptSdk8(allowed: RegExp): void {
  beforeAll(async () => {
    v8.ctx = await startTypescriptSdk8();
  });
  afterAll(async () => {
    await v8.ctx?.close();
  });
  beforeEach(() => {
    v8.ctx.proxy.take();
  });
  afterEach(() => {
    expect(v8.ctx.proxy.take().filter((r) => !allowed.test(r.target))).toStrictEqual([]);
  });
}

let lastRecord = 1000000240000n;

/** A record id no other test used, so each test starts from an empty record. */
export function freshRecord(): bigint {
  lastRecord += 1n;
  return lastRecord;
}

/** Uploads `file` to Leads/`record` and returns the new attachment's id. */
export async function upload(record: bigint, file: SampleFile): Promise<bigint> {
  const body = fileBody(new ZOHOCRMSDK.Attachments.FileBodyWrapper(), file.path);
  const res = await attachments.uploadAttachments(record, "Leads", body);
  expect(res.getStatusCode()).toBe(200);
  const [item] = actionItems(res.getObject());
  expect(item).toBeInstanceOf(ZOHOCRMSDK.Attachments.SuccessResponse);
  expect(item?.getCode().getValue()).toBe("SUCCESS");
  const id = item?.getDetails().get("id") as bigint;
  expect(typeof id).toBe("bigint");
  expect(String(id)).toMatch(/^\d{19}$/);
  return id;
}

/** Lists Leads/`record` with the given params: the SDK's wrapper, or null on 204 (nothing there). */
export async function list(
  record: bigint,
  ...entries: [ZOHOCRMSDK.Param, unknown][]
): Promise<ZOHOCRMSDK.Attachments.ResponseWrapper | null> {
  const res = await attachments.getAttachments(record, "Leads", await params(...entries));
  if (res.getStatusCode() === 204) return null;
  expect(res.getStatusCode()).toBe(200);
  const wrapper = res.getObject();
  expect(wrapper).toBeInstanceOf(ZOHOCRMSDK.Attachments.ResponseWrapper);
  return wrapper as ZOHOCRMSDK.Attachments.ResponseWrapper;
}

/** The file names of a listed page, in order. */
export function names(page: ZOHOCRMSDK.Attachments.ResponseWrapper | null): (string | undefined)[] | undefined {
  return page?.getData().map((a) => a.getFileName());
}

/** The items of an ActionWrapper answer (upload, link, delete); SuccessResponse or APIException each. */
export function actionItems(answer: unknown): ZOHOCRMSDK.Attachments.SuccessResponse[] {
  expect(answer).toBeInstanceOf(ZOHOCRMSDK.Attachments.ActionWrapper);
  return (answer as ZOHOCRMSDK.Attachments.ActionWrapper).getData() as ZOHOCRMSDK.Attachments.SuccessResponse[];
}

/** `METHOD path?query` of each request the SDK sent since the last look. */
export function sent(): string[] {
  return v8.ctx.proxy.take().map((r) => `${r.method} ${r.target}`);
}
