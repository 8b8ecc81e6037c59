/**
 * The typing guarantees the client makes, one test each, checked by vitest's typecheck mode
 * (`pnpm test`). Nothing here runs: vitest reads the file with tsc, and a type error, an
 * unmet `expectTypeOf`, or an unused `@ts-expect-error` fails the test it sits in.
 */
import type { KnownErrorCode, Attachment as SpecAttachment } from "@zcrm-attachments/types";
import { assertType, describe, expectTypeOf, test } from "vitest";
import {
  type Attachment,
  type AttachmentsPage,
  createAttachmentsClient,
  isZohoApiError,
  type KnownModule,
  type ListInfo,
  type ZohoApiError,
  type ZohoErrorCode,
} from "../src/index.js";

const RECORD = "4150868000002728001";
const zoho = createAttachmentsClient({ accessToken: "t" });

describe("calls the spec does not allow do not compile", () => {
  test("a module name that is not a string", async () => {
    // @ts-expect-error a module is its API name, a string (any custom module's name type-checks)
    await zoho.listAttachments(7, RECORD, { fields: ["id"] });
    // Standard names are offered first; a wrong case is no known module (and refused at run time).
    expectTypeOf<"contacts">().not.toMatchTypeOf<KnownModule<"v8">>();
    expectTypeOf<"Contacts">().toMatchTypeOf<KnownModule<"v8">>();
  });

  test("a v8 call without fields", async () => {
    const v8 = createAttachmentsClient({ apiVersion: "v8", accessToken: "t" });
    // @ts-expect-error fields is mandatory from v3 on
    await v8.listAttachments("Leads", RECORD, { perPage: 10 });
    // @ts-expect-error the options object itself is mandatory from v3 on
    await v8.listAttachments("Leads", RECORD);
  });

  test("a record id given as a number", async () => {
    // @ts-expect-error ids have up to 19 digits, beyond a number's precision: they are strings
    await zoho.listAttachments("Leads", 4150868000002728001, { fields: ["id"] });
  });
});

describe("results narrow", () => {
  test("data and info narrow on the page status", async () => {
    const page = await zoho.listAttachments("Leads", RECORD, { fields: ["id", "File_Name"] });
    expectTypeOf(page).toEqualTypeOf<AttachmentsPage<ListInfo>>();
    if (page.status === 200) {
      expectTypeOf(page.info).toEqualTypeOf<ListInfo>();
      expectTypeOf(page.data).toEqualTypeOf<Attachment[]>();
    } else {
      expectTypeOf(page.info).toBeNull();
      expectTypeOf(page.status).toEqualTypeOf<204 | 304>();
    }
  });

  test("the raw client's data narrows once the error is ruled out", async () => {
    const result = await zoho.raw.GET("/crm/v8/{module}/{record_id}/Attachments", {
      params: { path: { module: "Leads", record_id: RECORD }, query: { fields: "id" } },
    });
    if (result.error !== undefined) {
      expectTypeOf(result.data).toBeUndefined();
      return;
    }
    expectTypeOf(result.data).not.toBeUndefined();
    assertType<Attachment[]>(result.data?.data ?? []);
  });
});

describe("attachment fields", () => {
  test("$field_states is whatever the spec says Zoho sends, a string included", () => {
    expectTypeOf<Attachment["$field_states"]>().toEqualTypeOf<SpecAttachment["$field_states"]>();
    expectTypeOf<string>().toExtend<NonNullable<Attachment["$field_states"]>>();
  });
});

describe("error codes", () => {
  test("are the documented codes, and still accept codes Zoho adds later", () => {
    expectTypeOf<KnownErrorCode>().toExtend<ZohoErrorCode>();
    expectTypeOf<"INVALID_MODULE">().toExtend<ZohoErrorCode>();
    // The codes Zoho's own OpenAPI and SDKs add are known codes, not just any string.
    type Added =
      | "INVALID_REQUEST"
      | "DUPLICATE_DATA"
      | "STORAGE_SPACE_EXCEEDED"
      | "VIRUS_DETECTED"
      | "LIMIT_REACHED"
      | "NOT_ALLOWED"
      | "API_NOT_SUPPORTED";
    expectTypeOf<Added>().toExtend<KnownErrorCode>();
    expectTypeOf<"A_CODE_ZOHO_ADDS_NEXT_YEAR">().toExtend<ZohoErrorCode>();
    // Not widened to plain string: editors still offer the known codes.
    expectTypeOf<ZohoErrorCode>().not.toEqualTypeOf<string>();
    expectTypeOf<KnownErrorCode>().not.toEqualTypeOf<string>();
    expectTypeOf<ZohoApiError["code"]>().toEqualTypeOf<ZohoErrorCode>();
  });

  test("a caught error narrows to ZohoApiError through its guard", async () => {
    try {
      await zoho.listAttachments("Leads", RECORD, { fields: ["id"] });
    } catch (error) {
      expectTypeOf(error).toBeUnknown();
      if (isZohoApiError(error)) {
        expectTypeOf(error).toEqualTypeOf<ZohoApiError>();
        expectTypeOf(error.status).toBeNumber();
        expectTypeOf(error.code).toEqualTypeOf<ZohoErrorCode>();
      }
    }
  });
});
