/**
 * Zoho's Node.js SDK for v2 against the stateful mock: upload a file, download it back, attach a
 * link, delete one and delete several. This SDK parses a `text/plain` answer as JSON, so a text
 * file downloads only if the mock serves it as Zoho's v2 definitions declare downloads,
 * `application/x-download`. Listing is in nodejs-sdk-2-listing.test.ts, photos in -photos.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  actionItems,
  freshRecord,
  leads,
  list,
  node2,
  params,
  sent,
  upload,
  useNodeSdk2,
} from "./nodejs-sdk-2-calls.js";
import { V2_ACCESS_TOKEN, v2 } from "./nodejs-sdk-2-setup.js";

useNodeSdk2(/^\/crm\/v2\/Leads\/\d+\/Attachments(\/\d+)?(\?|$)/);

/** Downloads an attachment of Leads/`record` and returns what the SDK made of it. */
async function download(id: bigint, record: bigint) {
  const res = await leads(record).downloadAttachment(id);
  expect(res.getStatusCode()).toBe(200);
  const wrapper = res.getObject();
  expect(wrapper).toBeInstanceOf(v2.AttachmentsFileBodyWrapper);
  const file = wrapper.getFile();
  return { contentType: res.getHeaders().get("content-type"), name: file.getName(), bytes: file.getStream() as Buffer };
}

const quotePdf = () => readFileSync(new URL("../../fixtures/Quote.pdf", import.meta.url));

describe("nodejs-sdk-2.0: upload, download, link, delete", () => {
  it("initializes with a ready token: no request, no token stored, files only in its temp folder", () => {
    // The first test of the file: nothing at all has been sent yet.
    expect(node2.ctx.proxy.seen).toStrictEqual([]);
    expect(readFileSync(node2.ctx.sandbox.tokenFile, "utf8")).not.toContain(V2_ACCESS_TOKEN);
  });

  it("uploads a file with one multipart POST and gets its id back", async () => {
    const record = freshRecord();
    await upload(record, node2.ctx.sandbox.textFile("notes.txt"));
    const requests = node2.ctx.proxy.take();
    expect(requests.map((r) => `${r.method} ${r.target}`)).toStrictEqual([`POST /crm/v2/Leads/${record}/Attachments`]);
    expect(requests[0]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("downloads a text file with the same bytes under the same name", async () => {
    const record = freshRecord();
    const file = node2.ctx.sandbox.textFile("notes.txt");
    const id = await upload(record, file);
    sent();
    const { name, bytes } = await download(id, record);
    expect(name).toBe("notes.txt");
    expect(Buffer.compare(bytes, file.bytes)).toBe(0);
    expect(sent()).toStrictEqual([`GET /crm/v2/Leads/${record}/Attachments/${id}`]);
  });

  it("downloads a PDF byte for byte under its name", async () => {
    const record = freshRecord();
    const file = node2.ctx.sandbox.file("Quote.pdf", quotePdf());
    const { name, bytes } = await download(await upload(record, file), record);
    expect(name).toBe("Quote.pdf");
    expect(Buffer.compare(bytes, file.bytes)).toBe(0);
  });

  it("is served every download as application/x-download, as Zoho's v2 definitions declare", async () => {
    const record = freshRecord();
    const pdf = await download(await upload(record, node2.ctx.sandbox.file("Quote.pdf", quotePdf())), record);
    expect(pdf.contentType).toBe("application/x-download");
  });

  it("names a non-ASCII file from filename* (the SDK leaves it percent-encoded)", async () => {
    const record = freshRecord();
    const file = node2.ctx.sandbox.file("Résumé 日本.pdf", quotePdf());
    const { name, bytes } = await download(await upload(record, file), record);
    expect(decodeURIComponent(name)).toBe("Résumé 日本.pdf");
    expect(Buffer.compare(bytes, file.bytes)).toBe(0);
  });

  it("attaches a link from the query string, listed as a Link URL", async () => {
    const record = freshRecord();
    const link = await params([v2.UploadLinkAttachmentParam.ATTACHMENTURL, "https://www.zohocorp.com"]);
    const [item] = actionItems((await leads(record).uploadLinkAttachment(link)).getObject());
    expect(item.getCode().getValue()).toBe("SUCCESS");
    const id = item.getDetails().get("id");
    const [listed] = (await list(record, [v2.GetAttachmentsParam.FIELDS, "id,File_Name,$type,$link_url"])).getData();
    expect([listed.getId(), listed.getType(), listed.getLinkUrl()]).toStrictEqual([
      id,
      "Link URL",
      "https://www.zohocorp.com",
    ]);
    // The v2 SDK puts the URL in the query unencoded, with a trailing "&", and sends no body.
    expect(node2.ctx.proxy.seen.at(-2)).toMatchObject({
      method: "POST",
      target: `/crm/v2/Leads/${record}/Attachments?attachmentUrl=https://www.zohocorp.com&`,
      contentType: "",
    });
  });

  it("deletes one: SUCCESS with its id, then it is neither listed nor downloadable", async () => {
    const record = freshRecord();
    const id = await upload(record, node2.ctx.sandbox.file("gone.pdf", quotePdf()));
    const [item] = actionItems((await leads(record).deleteAttachment(id)).getObject());
    expect([item.getCode().getValue(), item.getMessage().getValue(), item.getDetails().get("id")]).toStrictEqual([
      "SUCCESS",
      "record deleted",
      id,
    ]);
    expect(await list(record)).toBeNull();
    const again = await leads(record).downloadAttachment(id);
    expect([again.getStatusCode(), again.getObject()]).toStrictEqual([204, null]);
  });

  it("deletes several: one item per id in order, an unknown id as INVALID_DATA", async () => {
    const record = freshRecord();
    const keep = await upload(record, node2.ctx.sandbox.textFile("keep.txt"));
    const drop1 = await upload(record, node2.ctx.sandbox.textFile("drop1.txt"));
    const drop2 = await upload(record, node2.ctx.sandbox.textFile("drop2.txt"));
    const unknown = 4150868000009999999n;
    sent();
    const { IDS } = v2.DeleteAttachmentsParam;
    const ids = await params([IDS, drop1], [IDS, unknown], [IDS, drop2]);
    const items = actionItems((await leads(record).deleteAttachments(ids)).getObject());
    expect(sent()).toStrictEqual([`DELETE /crm/v2/Leads/${record}/Attachments?ids=${drop1},${unknown},${drop2}&`]);
    expect(items.map((i) => [i.getCode().getValue(), i.getDetails().get("id")])).toStrictEqual([
      ["SUCCESS", drop1],
      ["INVALID_DATA", unknown],
      ["SUCCESS", drop2],
    ]);
    expect(items[1]).toBeInstanceOf(v2.AttachmentsAPIException);
    expect(items[1].getMessage().getValue()).toBe("record not deleted");
    expect(
      (await list(record, [v2.GetAttachmentsParam.FIELDS, "id"])).getData().map((a: any) => a.getId()),
    ).toStrictEqual([keep]);
  });
});
