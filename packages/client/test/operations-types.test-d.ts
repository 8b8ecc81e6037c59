/**
 * Type tests of the upload, link, download, delete and photo methods: modules per version and for
 * photos, `title` from v5 on, restrictTriggers per line, and results typed from the spec.
 */
import { Readable } from "node:stream";
import type {
  components,
  DeleteAttachmentResult,
  DeleteAttachmentsResponse,
  PhotoActionResponse,
  UploadAttachmentResponse,
} from "@zcrm-attachments/types";
import { expectTypeOf } from "vitest";
import {
  type ApiVersion,
  createAttachmentsClient,
  type DeleteItemResult,
  type DownloadResult,
  type FileInput,
  type KnownModule,
  type PhotoModuleName,
  type SavedDownload,
  type UploadedAttachment,
} from "../src/index.js";

type StandardPhotoModule = components["schemas"]["StandardPhotoModule"];

const RECORD = "4150868000002728001";
const ID = "4150868000002728012";

export async function uploads(): Promise<void> {
  const zoho = createAttachmentsClient({ accessToken: "t" });
  const uploaded = await zoho.uploadAttachment("Leads", RECORD, "./report.pdf");
  expectTypeOf(uploaded.status).toEqualTypeOf<200>();
  // The result holds the SUCCESS item; an error item in data[] is thrown as a ZohoApiError.
  expectTypeOf(uploaded.data).toEqualTypeOf<components["schemas"]["UploadAttachmentResult"]>();
  expectTypeOf(uploaded.data).toEqualTypeOf<UploadedAttachment>();
  expectTypeOf(uploaded.data.code).toEqualTypeOf<"SUCCESS">();
  expectTypeOf(uploaded.data.details.id).toBeString();
  expectTypeOf(uploaded.body).toEqualTypeOf<UploadAttachmentResponse>();
  expectTypeOf(uploaded.headers).toEqualTypeOf<Headers>();

  await zoho.uploadAttachment("Appointments__s", RECORD, new URL("./a.txt", import.meta.url));
  await zoho.uploadAttachment("Leads", RECORD, new Blob(["x"]), {
    fileName: "a.txt",
    contentType: "text/plain",
    timeoutMs: false,
  });
  await zoho.uploadAttachment("Leads", RECORD, new Uint8Array(1), {
    fileName: "a.bin",
    signal: AbortSignal.timeout(1000),
  });
  await zoho.uploadAttachment("Leads", RECORD, Readable.from(["x"]), { fileName: "a.txt" });
  await zoho.uploadAttachment("Leads", RECORD, new ReadableStream<Uint8Array>(), { fileName: "a.txt" });
  expectTypeOf<string>().toMatchTypeOf<FileInput>();

  // Any API name type-checks; "leads" is refused at run time (test/input/modules.test.ts).
  await zoho.uploadAttachment("ServiceCenters", RECORD, "./a.pdf");
  // @ts-expect-error a number is not a file
  await zoho.uploadAttachment("Leads", RECORD, 42);
  // @ts-expect-error the option is fileName
  await zoho.uploadAttachment("Leads", RECORD, "./a.pdf", { filename: "b.pdf" });
  // @ts-expect-error record ids are strings
  await zoho.uploadAttachment("Leads", 4150868000002728001, "./a.pdf");

  // Calls is not among v2's known modules (offered by editors); the call is refused at run time.
  expectTypeOf<"Calls">().not.toMatchTypeOf<KnownModule<"v2">>();
  expectTypeOf<"Calls">().toMatchTypeOf<KnownModule<"v2.1">>();
}

export async function links(): Promise<void> {
  const v5 = createAttachmentsClient({ apiVersion: "v5", accessToken: "t" });
  const linked = await v5.attachLink("Leads", RECORD, "https://www.zohocorp.com", { title: "Zoho", via: "query" });
  expectTypeOf(linked.data.details.id).toBeString();
  await createAttachmentsClient({ accessToken: "t" }).attachLink("Leads", RECORD, "https://www.zohocorp.com", {
    title: "Zoho",
  });

  const v4 = createAttachmentsClient({ apiVersion: "v4", accessToken: "t" });
  await v4.attachLink("Leads", RECORD, "https://www.zohocorp.com", { via: "form" });
  // @ts-expect-error title needs v5 or later
  await v4.attachLink("Leads", RECORD, "https://www.zohocorp.com", { title: "Zoho" });
  const v21 = createAttachmentsClient({ apiVersion: "v2.1", accessToken: "t" });
  // @ts-expect-error title needs v5 or later
  await v21.attachLink("Leads", RECORD, "https://www.zohocorp.com", { title: "Zoho" });
  // @ts-expect-error via is "form" or "query"
  await v5.attachLink("Leads", RECORD, "https://www.zohocorp.com", { via: "body" });
}

export async function downloads(): Promise<void> {
  const zoho = createAttachmentsClient({ accessToken: "t" });
  const result = await zoho.downloadAttachment("Leads", RECORD, ID, { timeoutMs: 10_000 });
  expectTypeOf(result).toEqualTypeOf<DownloadResult>();
  if (result.status === 200) {
    expectTypeOf(result.body).toEqualTypeOf<ReadableStream<Uint8Array>>();
    expectTypeOf(result.fileName).toEqualTypeOf<string | undefined>();
    expectTypeOf(result.contentLength).toEqualTypeOf<number | undefined>();
  } else {
    expectTypeOf(result.status).toEqualTypeOf<204>();
    expectTypeOf(result.body).toBeNull();
  }
  const saved = await zoho.downloadAttachmentTo("Leads", RECORD, ID, "./downloads", { overwrite: true });
  expectTypeOf(saved).toEqualTypeOf<SavedDownload>();
  expectTypeOf(saved.bytes).toBeNumber();
  // @ts-expect-error attachment ids are strings
  await zoho.downloadAttachment("Leads", RECORD, 4150868000002728012);
  // @ts-expect-error overwrite is a boolean
  await zoho.downloadAttachmentTo("Leads", RECORD, ID, "./a.pdf", { overwrite: "yes" });
}

export async function deletes(): Promise<void> {
  const zoho = createAttachmentsClient({ accessToken: "t" });
  const one = await zoho.deleteAttachment("Leads", RECORD, ID);
  expectTypeOf(one.data).toEqualTypeOf<DeleteAttachmentResult>();
  expectTypeOf(one.body).toEqualTypeOf<DeleteAttachmentsResponse>();

  const many = await zoho.deleteAttachments("Leads", RECORD, new Set([ID]), { chunkSize: 50 });
  expectTypeOf(many.results).toEqualTypeOf<DeleteItemResult[]>();
  expectTypeOf(many.deleted).toEqualTypeOf<string[]>();
  expectTypeOf(many.responses).toBeNumber();
  const [first] = many.results;
  if (first !== undefined && !first.ok) expectTypeOf(first.code).toBeString();
  // @ts-expect-error ids are strings
  await zoho.deleteAttachments("Leads", RECORD, [4150868000002728012]);
}

export async function photos(): Promise<void> {
  const zoho = createAttachmentsClient({ accessToken: "t", customModules: ["Projects_X"] });
  const photo = await zoho.getPhoto("Contacts", RECORD);
  expectTypeOf(photo).toEqualTypeOf<DownloadResult>();
  await zoho.getPhoto("CustomModule4", RECORD);
  await zoho.getPhoto("Projects_X", RECORD);
  await zoho.getPhoto("ServiceCenters", RECORD);
  const set = await zoho.uploadPhoto("Leads", RECORD, "./face.png", {
    restrictTriggers: ["workflow", "approval", "blueprint"],
  });
  expectTypeOf(set.data).toEqualTypeOf<PhotoActionResponse>();
  const removed = await zoho.deletePhoto("Vendors", RECORD, { restrictTriggers: ["orchestration"] });
  expectTypeOf(removed.data.code).toEqualTypeOf<"SUCCESS">();

  // Deals, Tasks and Appointments__s records have no photo: not standard photo modules, refused at run
  // time (test/operations/photos.test.ts), since a custom module's name may be any string.
  expectTypeOf<"Deals" | "Tasks" | "Appointments__s">().not.toMatchTypeOf<StandardPhotoModule>();
  expectTypeOf<PhotoModuleName>().toEqualTypeOf<StandardPhotoModule | (string & {})>();
  // @ts-expect-error not a trigger Zoho knows
  await zoho.uploadPhoto("Leads", RECORD, "./face.png", { restrictTriggers: ["workflows"] });

  const v2 = createAttachmentsClient({ apiVersion: "v2", accessToken: "t" });
  await v2.uploadPhoto("Leads", RECORD, "./face.png", { restrictTriggers: ["workflow"] });
  // @ts-expect-error v2 skips only workflow rules
  await v2.uploadPhoto("Leads", RECORD, "./face.png", { restrictTriggers: ["approval"] });
  await v2.deletePhoto("Leads", RECORD);
  // @ts-expect-error the v2 photo delete has no restrict_triggers
  await v2.deletePhoto("Leads", RECORD, { restrictTriggers: ["workflow"] });
}

export async function versionUnion(version: ApiVersion): Promise<void> {
  const zoho = createAttachmentsClient({ apiVersion: version, accessToken: "t" });
  // With the version unknown, only what every version takes type-checks; the rest is checked at run time.
  await zoho.uploadPhoto("Leads", RECORD, "./face.png", { restrictTriggers: ["workflow"] });
  // @ts-expect-error approval is not a v2 trigger
  await zoho.uploadPhoto("Leads", RECORD, "./face.png", { restrictTriggers: ["approval"] });
  // Services__s is not known on the v2 line, so not known for a version union; refused at run time on v2.
  expectTypeOf<"Services__s">().not.toMatchTypeOf<KnownModule<ApiVersion>>();
  await zoho.deleteAttachment("Leads", RECORD, ID);
}
