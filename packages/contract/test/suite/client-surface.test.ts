/**
 * The suite calls the typed client through a loose view (SuiteClient, in src/calls.ts). These
 * checks keep that view honest: the real client must fit it, by type (checked by `tsc` in the
 * typecheck task) and at run time.
 */
import { type AttachmentsClient, createAttachmentsClient } from "@zcrm-attachments/client";
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
    expect([typeof raw.POST, typeof raw.DELETE]).toEqual(["function", "function"]);
  });
});
