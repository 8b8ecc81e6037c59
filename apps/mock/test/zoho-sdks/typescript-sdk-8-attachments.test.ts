/**
 * Zoho's TypeScript SDK for v8 against the stateful mock: upload a file, download it back, attach
 * a link, delete one and delete several, each also checked request by request through the
 * recording hop. Listing is in typescript-sdk-8-listing.test.ts, photos in -photos.
 */
import { readFileSync } from "node:fs";
import * as ZOHOCRMSDK from "@zohocrm/typescript-sdk-8.0";
import { describe, expect, it } from "vitest";
import {
  actionItems,
  attachments,
  freshRecord,
  list,
  sent,
  upload,
  useTypescriptSdk8,
  v8,
} from "./typescript-sdk-8-calls.js";
import { params, V8_ACCESS_TOKEN } from "./typescript-sdk-8-setup.js";

const { GetAttachmentsParam, UploadUrlAttachmentsParam, DeleteAttachmentsParam, FileBodyWrapper } =
  ZOHOCRMSDK.Attachments;

useTypescriptSdk8(/^\/crm\/v8\/Leads\/\d+\/Attachments(\/\d+)?(\?|$)/);

/** Downloads an attachment of Leads/`record` and returns the SDK's answer. */
async function download(id: bigint, record: bigint) {
  const res = await attachments.getAttachment(id, record, "Leads");
  expect(res.getStatusCode()).toBe(200);
  const wrapper = res.getObject();
  expect(wrapper).toBeInstanceOf(FileBodyWrapper);
  const file = (wrapper as ZOHOCRMSDK.Attachments.FileBodyWrapper).getFile();
  // The SDK hands the body over as the Buffer it read (its .d.ts says ReadStream).
  return { res, name: file.getName() ?? "", bytes: file.getStream() as unknown as Buffer };
}

describe("typescript-sdk-8.0: upload, download, link, delete", () => {
  it("initializes with a ready token and no user lookup: no request, files only in its temp folder", () => {
    // The first test of the file: nothing at all has been sent yet.
    expect(v8.ctx.proxy.seen).toStrictEqual([]);
    expect(v8.ctx.sandbox.entries()).toContain("tokens.csv");
    expect(readFileSync(v8.ctx.sandbox.tokenFile, "utf8")).toContain(V8_ACCESS_TOKEN);
  });

  it("uploads a file with one multipart POST and gets its id back", async () => {
    const record = freshRecord();
    await upload(record, v8.ctx.sandbox.textFile("notes.txt"));
    const requests = v8.ctx.proxy.take();
    expect(requests.map((r) => `${r.method} ${r.target}`)).toStrictEqual([`POST /crm/v8/Leads/${record}/Attachments`]);
    expect(requests[0]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("downloads the same bytes under the same name, typed as the file's own type", async () => {
    const record = freshRecord();
    const file = v8.ctx.sandbox.textFile("notes.txt");
    const id = await upload(record, file);
    sent();
    const { res, name, bytes } = await download(id, record);
    expect(res.getHeaders().get("content-type")).toBe("text/plain");
    expect(name).toBe("notes.txt");
    expect(Buffer.compare(bytes, file.bytes)).toBe(0);
    expect(sent()).toStrictEqual([`GET /crm/v8/Leads/${record}/Attachments/${id}`]);
  });

  it("downloads a PDF byte for byte", async () => {
    const record = freshRecord();
    const file = v8.ctx.sandbox.file("Quote.pdf", readFileSync(new URL("../../fixtures/Quote.pdf", import.meta.url)));
    const { res, name, bytes } = await download(await upload(record, file), record);
    expect(res.getHeaders().get("content-type")).toBe("application/pdf");
    expect(name).toBe("Quote.pdf");
    expect(Buffer.compare(bytes, file.bytes)).toBe(0);
  });

  it("names a non-ASCII file from filename* (the SDK leaves it percent-encoded)", async () => {
    const record = freshRecord();
    const file = v8.ctx.sandbox.textFile("Résumé 日本.txt");
    const { name, bytes } = await download(await upload(record, file), record);
    expect(decodeURIComponent(name)).toBe("Résumé 日本.txt");
    expect(Buffer.compare(bytes, file.bytes)).toBe(0);
  });

  it("names a file with an apostrophe whole (the mock puts it in filename*, past the SDK's cut at the last ')", async () => {
    const record = freshRecord();
    const file = v8.ctx.sandbox.textFile("O'Brien notes.txt");
    const { name, bytes } = await download(await upload(record, file), record);
    expect(decodeURIComponent(name)).toBe("O'Brien notes.txt");
    expect(Buffer.compare(bytes, file.bytes)).toBe(0);
  });

  it("attaches a titled link, listed as a Link URL under its title", async () => {
    const record = freshRecord();
    const link = await params(
      [UploadUrlAttachmentsParam.ATTACHMENTURL, "https://www.zohocorp.com"],
      [UploadUrlAttachmentsParam.TITLE, "Zoho Corporation"],
    );
    const [item] = actionItems((await attachments.uploadUrlAttachments(record, "Leads", link)).getObject());
    expect(item?.getCode().getValue()).toBe("SUCCESS");
    const id = item?.getDetails().get("id") as bigint;
    const [listed] =
      (await list(record, [GetAttachmentsParam.FIELDS, "id,File_Name,$type,$link_url"]))?.getData() ?? [];
    expect([listed?.getId(), listed?.getFileName(), listed?.getType(), listed?.getLinkUrl()]).toStrictEqual([
      id,
      "Zoho Corporation",
      "Link URL",
      "https://www.zohocorp.com",
    ]);
    expect(sent()).toStrictEqual([
      `POST /crm/v8/Leads/${record}/Attachments?attachmentUrl=https%3A%2F%2Fwww.zohocorp.com&title=Zoho+Corporation`,
      `GET /crm/v8/Leads/${record}/Attachments?fields=id%2CFile_Name%2C%24type%2C%24link_url`,
    ]);
  });

  it("deletes one: SUCCESS with its id, then it is neither listed nor downloadable", async () => {
    const record = freshRecord();
    const id = await upload(record, v8.ctx.sandbox.textFile("gone.txt"));
    const [item] = actionItems((await attachments.deleteAttachment(id, record, "Leads")).getObject());
    expect([item?.getCode().getValue(), item?.getMessage(), item?.getDetails().get("id")]).toStrictEqual([
      "SUCCESS",
      "record deleted",
      id,
    ]);
    expect(await list(record, [GetAttachmentsParam.FIELDS, "id"])).toBeNull();
    const again = await attachments.getAttachment(id, record, "Leads");
    expect([again.getStatusCode(), again.getObject()]).toStrictEqual([204, null]);
  });

  it("deletes several: one item per id in order, an unknown id as INVALID_DATA", async () => {
    const record = freshRecord();
    const keep = await upload(record, v8.ctx.sandbox.textFile("keep.txt"));
    const drop1 = await upload(record, v8.ctx.sandbox.textFile("drop1.txt"));
    const drop2 = await upload(record, v8.ctx.sandbox.textFile("drop2.txt"));
    const unknown = 4150868000009999999n;
    sent();
    const ids = await params(
      [DeleteAttachmentsParam.IDS, drop1],
      [DeleteAttachmentsParam.IDS, unknown],
      [DeleteAttachmentsParam.IDS, drop2],
    );
    const items = actionItems((await attachments.deleteAttachments(record, "Leads", ids)).getObject());
    expect(sent()).toStrictEqual([`DELETE /crm/v8/Leads/${record}/Attachments?ids=${drop1}%2C${unknown}%2C${drop2}`]);
    expect(items.map((i) => [i.getCode().getValue(), i.getDetails().get("id")])).toStrictEqual([
      ["SUCCESS", drop1],
      ["INVALID_DATA", unknown],
      ["SUCCESS", drop2],
    ]);
    expect(items[1]?.getMessage()).toBe("record not deleted");
    const left = await list(record, [GetAttachmentsParam.FIELDS, "id"]);
    expect(left?.getData().map((a) => a.getId())).toStrictEqual([keep]);
  });
});
