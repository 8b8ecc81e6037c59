/**
 * The suite calls the typed client through a loose view (SuiteClient, in src/calls.ts). These
 * checks keep that view honest: the real client must fit it, by type (checked by `tsc` in the
 * typecheck task) and at run time.
 */
import { type AttachmentsClient, createAttachmentsClient, type DeleteManyResult } from "@zcrm-attachments/client";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { SuiteClient } from "../../src/suite/calls.js";

const METHODS = [
  "listAttachments",
  "uploadAttachment",
  "attachLink",
  "downloadAttachment",
  "deleteAttachment",
  "deleteAttachments",
  "getPhoto",
  "uploadPhoto",
  "deletePhoto",
] as const satisfies readonly (keyof SuiteClient)[];

describe("the client the suite drives", () => {
  it("fits the suite's view of it on both lines (types)", () => {
    expectTypeOf<AttachmentsClient<"v8">>().toExtend<SuiteClient>();
    expectTypeOf<AttachmentsClient<"v2">>().toExtend<SuiteClient>();
  });

  it.each(["v2", "v8"] as const)("has every method the rows call (%s)", (apiVersion) => {
    const client = createAttachmentsClient({
      apiDomain: "http://127.0.0.1:9",
      apiVersion,
      accessToken: "1000.t",
    }) as unknown as Record<string, unknown>;
    expect(METHODS.filter((name) => typeof client[name] !== "function")).toEqual([]);
    const raw = client.raw as Record<string, unknown>;
    expect([typeof raw.GET, typeof raw.POST, typeof raw.DELETE]).toEqual(["function", "function", "function"]);
  });

  it("takes what the rows send it: any API name, a list's ids, per-id results of a bulk delete (types)", () => {
    expectTypeOf(callsTheRowsMake).toBeFunction();
  });
});

/**
 * Never called: `tsc` checks these calls against the client's API (the rows make them through the
 * loose SuiteClient view, which cannot catch a narrower client).
 */
async function callsTheRowsMake(v8: AttachmentsClient<"v8">, v2: AttachmentsClient<"v2">): Promise<void> {
  const record = "4150868000002728001";
  await v8.listAttachments("ServiceCenters", record, { fields: ["id", "File_Name"], ids: ["4150868000002728012"] });
  await v2.listAttachments("ServiceCenters", record);
  await v8.uploadAttachment("ServiceCenters", record, "report.pdf");
  await v2.downloadAttachment("ServiceCenters", record, "4150868000002728012");
  await v8.deleteAttachment("ServiceCenters", record, "4150868000002728012");
  const many: DeleteManyResult = await v8.deleteAttachments("ServiceCenters", record, ["1", "2"]);
  expectTypeOf(many).toEqualTypeOf<DeleteManyResult>();
  expectTypeOf(many.results).toBeArray();
  expectTypeOf(many.responses).toBeNumber();
}
