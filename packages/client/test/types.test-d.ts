/**
 * Type-level tests, checked by `pnpm typecheck` (tsc over test/). They are never run: every call sits
 * inside a function that is only type-checked.
 */
import { expectTypeOf } from "vitest";
import {
  type ApiVersion,
  type Attachment,
  type AttachmentsPage,
  createAttachmentsClient,
  createRefreshTokenProvider,
  FileTokenStore,
  type KnownModule,
  type ListInfo,
  type ListInfoV2,
  type ModuleName,
  type ZohoApiError,
  type ZohoErrorCode,
  type ZohoLogEvent,
  type ZohoResponseMeta,
} from "../src/index.js";

const RECORD = "4150868000002728001";
const fields = ["id", "File_Name"];

export async function currentLine(): Promise<void> {
  const zoho = createAttachmentsClient({ accessToken: "t" });
  expectTypeOf(zoho.apiVersion).toEqualTypeOf<"v8">();
  expectTypeOf(zoho.line).toEqualTypeOf<"current">();

  const page = await zoho.listAttachments("Leads", RECORD, { fields });
  expectTypeOf(page).toEqualTypeOf<AttachmentsPage<ListInfo>>();
  expectTypeOf(page.data).toEqualTypeOf<Attachment[]>();
  if (page.status === 200) {
    expectTypeOf(page.info).toEqualTypeOf<ListInfo>();
    expectTypeOf(page.info.next_page_token).toEqualTypeOf<string | null | undefined>();
  } else {
    expectTypeOf(page.info).toBeNull();
  }

  await zoho.listAttachments("Appointments__s", RECORD, { fields: "id,File_Name", pageToken: "t", perPage: 10 });
  await zoho.listAttachments("CustomModule7", RECORD, { fields });

  // @ts-expect-error fields is mandatory from v3 on
  await zoho.listAttachments("Leads", RECORD, {});
  // @ts-expect-error the options (with fields) are mandatory from v3 on
  await zoho.listAttachments("Leads", RECORD);
  // Any API name type-checks (custom modules go by any name); editors offer the standard ones first.
  await zoho.listAttachments("ServiceCenters", RECORD, { fields });
  expectTypeOf<"Leads" | "Appointments__s" | "Services__s" | "Calls">().toMatchTypeOf<KnownModule<"v8">>();
  expectTypeOf<ModuleName<"v8">>().toEqualTypeOf<KnownModule<"v8"> | (string & {})>();
  // A wrong case or a display name is not a known module; the client refuses it at run time
  // (test/input/modules.test.ts), since it cannot be told from a custom module by its type.
  expectTypeOf<"leads">().not.toMatchTypeOf<KnownModule<"v8">>();
  expectTypeOf<"Price Books">().not.toMatchTypeOf<KnownModule<"v8">>();
  // @ts-expect-error record ids are strings: 19 digits do not fit a number
  await zoho.listAttachments("Leads", 4150868000002728001, { fields });

  // The page cap belongs to the iterators alone.
  for await (const attachment of zoho.iterateAttachments("Leads", RECORD, { fields, maxPages: 50 })) {
    expectTypeOf(attachment).toEqualTypeOf<Attachment>();
  }
  // @ts-expect-error a single list call has no page cap
  await zoho.listAttachments("Leads", RECORD, { fields, maxPages: 50 });

  for await (const attachment of zoho.iterateAttachments("Leads", RECORD, { fields })) {
    expectTypeOf(attachment).toEqualTypeOf<Attachment>();
    expectTypeOf(attachment.id).toBeString();
  }
  for await (const ok of zoho.iterateAttachmentPages("Leads", RECORD, { fields })) {
    expectTypeOf(ok.status).toEqualTypeOf<200>();
    expectTypeOf(ok.info).toEqualTypeOf<ListInfo>();
  }
}

export async function v2Line(): Promise<void> {
  const zoho = createAttachmentsClient({
    apiVersion: "v2.1",
    apiDomain: "http://127.0.0.1:4010",
    accessToken: () => "t",
  });
  expectTypeOf(zoho.line).toEqualTypeOf<"v2">();

  const page = await zoho.listAttachments("Price_Books", RECORD);
  if (page.status === 200) expectTypeOf(page.info).toEqualTypeOf<ListInfoV2>();
  await zoho.listAttachments("Leads", RECORD, { page: 2, perPage: 200 });

  // v2.1 serves Calls; v2 does not, and neither serves the current line's Appointments__s (refused at run time).
  await zoho.listAttachments("Calls", RECORD);
  expectTypeOf<"Calls" | "Price_Books">().toMatchTypeOf<KnownModule<"v2.1">>();
  expectTypeOf<"Calls">().not.toMatchTypeOf<KnownModule<"v2">>();
  expectTypeOf<"Price_Books">().toMatchTypeOf<KnownModule<"v2">>();
  expectTypeOf<"Appointments__s">().not.toMatchTypeOf<KnownModule<"v2.1">>();
  // @ts-expect-error pageToken needs v7 or later
  await zoho.listAttachments("Leads", RECORD, { pageToken: "t" });
}

export async function idsNeedV5(): Promise<void> {
  const v5 = createAttachmentsClient({ apiVersion: "v5", accessToken: "t" });
  await v5.listAttachments("Leads", RECORD, { fields, ids: ["4150868000002728012"] });
  for await (const attachment of v5.iterateAttachments("Leads", RECORD, { fields, ids: ["1", "2"] })) {
    expectTypeOf(attachment).toEqualTypeOf<Attachment>();
  }
  const v4 = createAttachmentsClient({ apiVersion: "v4", accessToken: "t" });
  // @ts-expect-error ids needs v5 or later
  await v4.listAttachments("Leads", RECORD, { fields, ids: ["4150868000002728012"] });
  const v2 = createAttachmentsClient({ apiVersion: "v2", accessToken: "t" });
  // @ts-expect-error ids needs v5 or later
  await v2.listAttachments("Leads", RECORD, { ids: ["4150868000002728012"] });
  // @ts-expect-error ids are strings
  await v5.listAttachments("Leads", RECORD, { fields, ids: [4150868000002728012] });
}

export async function pageTokenNeedsV7(): Promise<void> {
  const v6 = createAttachmentsClient({ apiVersion: "v6", accessToken: "t" });
  // @ts-expect-error pageToken needs v7 or later
  await v6.listAttachments("Leads", RECORD, { fields, pageToken: "t" });
  const v7 = createAttachmentsClient({ apiVersion: "v7", accessToken: "t" });
  await v7.listAttachments("Leads", RECORD, { fields, pageToken: "t" });
}

export async function customModules(): Promise<void> {
  // The deprecated option still type-checks; every client takes any custom module's API name.
  const zoho = createAttachmentsClient({ accessToken: "t", customModules: ["Projects_X", "Invoices_Archive"] });
  await zoho.listAttachments("Projects_X", RECORD, { fields });
  await zoho.listAttachments("Projects_Y", RECORD, { fields });
  const other = createAttachmentsClient({ accessToken: "t" });
  await other.listAttachments("Projects_X", RECORD, { fields });
  await other.listAttachments("CustomModule7", RECORD, { fields });
  // @ts-expect-error customModules is still an array of names
  createAttachmentsClient({ accessToken: "t", customModules: "Projects_X" });
}

export async function versionUnion(version: ApiVersion): Promise<void> {
  const zoho = createAttachmentsClient({ apiVersion: version, accessToken: "t" });
  // With the version unknown, fields is required and only modules of both lines type-check.
  const page = await zoho.listAttachments("Leads", RECORD, { fields });
  if (page.status === 200) expectTypeOf(page.info).toEqualTypeOf<ListInfo | ListInfoV2>();
  // Only the modules every version serves are known: Services__s and Calls are missing on v2.
  expectTypeOf<"Services__s">().not.toMatchTypeOf<KnownModule<ApiVersion>>();
  expectTypeOf<"Calls">().not.toMatchTypeOf<KnownModule<ApiVersion>>();
  expectTypeOf<"Leads" | "Price_Books">().toMatchTypeOf<KnownModule<ApiVersion>>();
}

export function options(): void {
  // @ts-expect-error either apiDomain or dataCenter, not both
  createAttachmentsClient({ apiDomain: "https://www.zohoapis.eu", dataCenter: "EU", accessToken: "t" });
  // @ts-expect-error unknown data centre
  createAttachmentsClient({ dataCenter: "UK", accessToken: "t" });
  // @ts-expect-error unknown version
  createAttachmentsClient({ apiVersion: "v9", accessToken: "t" });
  // @ts-expect-error the token is required
  createAttachmentsClient({ dataCenter: "EU" });
  createAttachmentsClient({ dataCenter: "AU", environment: "sandbox", accessToken: async () => "t" });
}

export function errors(error: ZohoApiError): void {
  expectTypeOf(error.status).toBeNumber();
  expectTypeOf(error.code).toEqualTypeOf<ZohoErrorCode>();
  // Known codes autocomplete, unknown ones still fit.
  const known: ZohoErrorCode = "INVALID_MODULE";
  const unknown: ZohoErrorCode = "SOMETHING_NEW";
  expectTypeOf(known).toMatchTypeOf<string>();
  expectTypeOf(unknown).toMatchTypeOf<string>();
}

export async function raw(): Promise<void> {
  const zoho = createAttachmentsClient({ accessToken: "t" });
  const { data } = await zoho.raw.GET("/crm/v8/{module}/{record_id}/Attachments", {
    params: { path: { module: "Leads", record_id: RECORD }, query: { fields: "id" } },
  });
  expectTypeOf(data?.info).toEqualTypeOf<ListInfo | undefined>();
  await zoho.raw.GET("/crm/v8/{module}/{record_id}/Attachments", {
    // @ts-expect-error the current line's operation needs fields
    params: { path: { module: "Leads", record_id: RECORD }, query: {} },
  });
}

export async function productionOptions(): Promise<void> {
  const tokens = createRefreshTokenProvider({
    clientId: "id",
    clientSecret: "secret",
    refreshToken: "refresh",
    dataCenter: "EU",
    tokenStore: new FileTokenStore("./tokens.json"),
  });
  expectTypeOf(tokens.getAccessToken()).toEqualTypeOf<Promise<string>>();
  const zoho = createAttachmentsClient({
    accessToken: tokens,
    retry: { maxRetries: 3, maxDelayMs: 10_000 },
    maxConcurrency: 10,
    timeoutMs: 30_000,
    logger: (event: ZohoLogEvent) => {
      if (event.type === "retry") expectTypeOf(event.delayMs).toBeNumber();
    },
  });
  const page = await zoho.listAttachments("Leads", RECORD, {
    fields,
    timeoutMs: false,
    signal: AbortSignal.timeout(5000),
  });
  expectTypeOf(page.meta).toEqualTypeOf<ZohoResponseMeta>();
  createAttachmentsClient({ accessToken: "t", retry: false, maxConcurrency: false, timeoutMs: false });

  // @ts-expect-error the data centre's name, not its host
  createRefreshTokenProvider({ clientId: "id", clientSecret: "s", refreshToken: "r", dataCenter: "accounts.zoho.eu" });
  // @ts-expect-error the client secret is required
  createRefreshTokenProvider({ clientId: "id", refreshToken: "r" });
  // @ts-expect-error retry takes an options object or false
  createAttachmentsClient({ accessToken: "t", retry: 3 });
}
