/**
 * Zoho's Node.js SDK for v2 lists attachments from the stateful mock: only the fields asked for,
 * every field when `fields` is left out (v2 allows that), and page numbers with their info block.
 * The SDK reads each key into a typed getter, so a key or type the mock gets wrong shows up here.
 */
import { describe, expect, it } from "vitest";
import { freshRecord, list, node2, sent, upload, useNodeSdk2 } from "./nodejs-sdk-2-calls.js";
import { v2 } from "./nodejs-sdk-2-setup.js";
import type { SampleFile } from "./sdk-sandbox.js";

const { FIELDS, PAGE, PER_PAGE } = v2.GetAttachmentsParam;

useNodeSdk2(/^\/crm\/v2\/Leads\/\d+\/Attachments(\/\d+)?(\?|$)/);

/** A fresh record holding one text file per name, uploaded in order (so listed in reverse). */
async function recordWith(...fileNames: string[]): Promise<{ record: bigint; ids: bigint[]; files: SampleFile[] }> {
  const record = freshRecord();
  const files = fileNames.map((name) => node2.ctx.sandbox.textFile(name));
  const ids: bigint[] = [];
  for (const file of files) ids.push(await upload(record, file));
  sent();
  return { record, ids, files };
}

const names = (page: any): string[] => page.getData().map((a: any) => a.getFileName());

describe("nodejs-sdk-2.0: listing", () => {
  it("lists only the fields asked for, page by page, newest first", async () => {
    const { record } = await recordWith("first.txt", "second.txt", "third.txt");
    const first = await list(record, [FIELDS, "id,File_Name"], [PER_PAGE, 2], [PAGE, 1]);
    expect(names(first)).toStrictEqual(["third.txt", "second.txt"]);
    expect(first.getData()[0].getSize()).toBeUndefined();
    const info = first.getInfo();
    expect([info.getPage(), info.getPerPage(), info.getCount(), info.getMoreRecords()]).toStrictEqual([1, 2, 2, true]);
    const second = await list(record, [FIELDS, "id,File_Name"], [PER_PAGE, 2], [PAGE, 2]);
    expect(names(second)).toStrictEqual(["first.txt"]);
    const info2 = second.getInfo();
    expect([info2.getPage(), info2.getCount(), info2.getMoreRecords()]).toStrictEqual([2, 1, false]);
    expect(sent()).toStrictEqual([
      `GET /crm/v2/Leads/${record}/Attachments?fields=id,File_Name&per_page=2&page=1&`,
      `GET /crm/v2/Leads/${record}/Attachments?fields=id,File_Name&per_page=2&page=2&`,
    ]);
  });

  it("lists every field without fields, read into the SDK's typed getters", async () => {
    const { record, ids, files } = await recordWith("all.txt");
    const page = await list(record);
    expect(sent()).toStrictEqual([`GET /crm/v2/Leads/${record}/Attachments`]);
    const [item] = page.getData();
    expect(item.getId()).toBe(ids[0]);
    expect([item.getFileName(), item.getType(), item.getSeModule()]).toStrictEqual(["all.txt", "Attachment", "Leads"]);
    expect(item.getSize()).toBe(BigInt(files[0]?.bytes.length ?? -1));
    expect(item.getFileId()).toMatch(/\S/);
    expect(item.getEditable()).toBe(true);
    expect(item.getCreatedTime()).toBeInstanceOf(Date);
    expect(item.getModifiedTime()).toBeInstanceOf(Date);
    expect(item.getOwner().getName()).toMatch(/\S/);
    // The v2 line names the parent record, which the SDK reads as a Record with a bigint id.
    expect(item.getParentId().getId()).toBe(record);
    expect(page.getInfo().getCount()).toBe(1);
  });

  it("answers 204 for a record with nothing attached, which the SDK gives as a null object", async () => {
    expect(await list(freshRecord(), [FIELDS, "id"])).toBeNull();
  });
});
