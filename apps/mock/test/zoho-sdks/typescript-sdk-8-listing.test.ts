/**
 * Zoho's TypeScript SDK for v8 lists attachments from the stateful mock: only the fields asked
 * for, page numbers with their info block, page tokens both ways, and the `ids` filter (v5+).
 * The SDK reads `info` into typed getters, so a key the mock misnames shows up as undefined here.
 */
import * as ZOHOCRMSDK from "@zohocrm/typescript-sdk-8.0";
import { describe, expect, it } from "vitest";
import type { SampleFile } from "./sdk-sandbox.js";
import {
  attachments,
  freshRecord,
  list,
  names,
  sent,
  upload,
  useTypescriptSdk8,
  v8,
} from "./typescript-sdk-8-calls.js";
import { params } from "./typescript-sdk-8-setup.js";

const { FIELDS, PAGE, PER_PAGE, PAGE_TOKEN, IDS } = ZOHOCRMSDK.Attachments.GetAttachmentsParam;

useTypescriptSdk8(/^\/crm\/v8\/Leads\/\d+\/Attachments(\/\d+)?(\?|$)/);

/** A fresh record holding one text file per name, uploaded in order (so listed in reverse). */
async function recordWith(...fileNames: string[]): Promise<{ record: bigint; ids: bigint[]; files: SampleFile[] }> {
  const record = freshRecord();
  const files = fileNames.map((name) => v8.ctx.sandbox.textFile(name));
  const ids: bigint[] = [];
  for (const file of files) ids.push(await upload(record, file));
  sent();
  return { record, ids, files };
}

describe("typescript-sdk-8.0: listing", () => {
  it("lists only the fields asked for, page by page, newest first", async () => {
    const { record } = await recordWith("first.txt", "second.txt", "third.txt");
    const first = await list(record, [FIELDS, "id,File_Name"], [PER_PAGE, 2], [PAGE, 1]);
    expect(names(first)).toStrictEqual(["third.txt", "second.txt"]);
    expect(first?.getData()[0]?.getSize()).toBeUndefined();
    const info = first?.getInfo();
    expect([info?.getPage(), info?.getPerPage(), info?.getCount(), info?.getMoreRecords()]).toStrictEqual([
      1,
      2,
      2,
      true,
    ]);
    const second = await list(record, [FIELDS, "id,File_Name,Size"], [PER_PAGE, 2], [PAGE, 2]);
    expect(names(second)).toStrictEqual(["first.txt"]);
    expect(second?.getData()[0]?.getSize()).toMatch(/^\d+$/);
    const info2 = second?.getInfo();
    expect([info2?.getPage(), info2?.getCount(), info2?.getMoreRecords()]).toStrictEqual([2, 1, false]);
    expect(sent()).toStrictEqual([
      `GET /crm/v8/Leads/${record}/Attachments?fields=id%2CFile_Name&per_page=2&page=1`,
      `GET /crm/v8/Leads/${record}/Attachments?fields=id%2CFile_Name%2CSize&per_page=2&page=2`,
    ]);
  });

  it("reads the fields of a listed file into the SDK's typed getters", async () => {
    const { record, ids, files } = await recordWith("all.txt");
    const fields = "id,File_Name,Size,$type,$se_module,$file_id,$editable,Created_Time,Modified_Time,Owner";
    const [item] = (await list(record, [FIELDS, fields]))?.getData() ?? [];
    expect(item?.getId()).toBe(ids[0]);
    expect([item?.getFileName(), item?.getType(), item?.getSeModule()]).toStrictEqual([
      "all.txt",
      "Attachment",
      "Leads",
    ]);
    expect(item?.getSize()).toBe(String(files[0]?.bytes.length));
    expect(item?.getFileId()).toMatch(/\S/);
    expect(item?.getEditable()).toBe(true);
    expect(item?.getCreatedTime()).toBeInstanceOf(Date);
    expect(item?.getModifiedTime()).toBeInstanceOf(Date);
    expect(item?.getOwner().getName()).toMatch(/\S/);
  });

  it("pages on with next_page_token and back with previous_page_token", async () => {
    const { record } = await recordWith("a.txt", "b.txt", "c.txt");
    const first = await list(record, [FIELDS, "id,File_Name"], [PER_PAGE, 2]);
    expect(names(first)).toStrictEqual(["c.txt", "b.txt"]);
    const next = first?.getInfo().getNextPageToken();
    expect(next).toMatch(/^\w+$/);
    expect(first?.getInfo().getPageTokenExpiry()).toBeInstanceOf(Date);
    const rest = await list(record, [FIELDS, "id,File_Name"], [PER_PAGE, 2], [PAGE_TOKEN, next]);
    expect(names(rest)).toStrictEqual(["a.txt"]);
    expect(rest?.getInfo().getMoreRecords()).toBe(false);
    expect(rest?.getInfo().getNextPageToken()).toBeUndefined();
    const previous = rest?.getInfo().getPreviousPageToken();
    const back = await list(record, [FIELDS, "id,File_Name"], [PER_PAGE, 2], [PAGE_TOKEN, previous]);
    expect(names(back)).toStrictEqual(["c.txt", "b.txt"]);
    expect(sent()).toHaveLength(3);
  });

  it("lists only the attachments named by ids (v5+)", async () => {
    const { record, ids } = await recordWith("one.txt", "two.txt", "three.txt");
    const [one, , three] = ids;
    const picked = await list(record, [FIELDS, "id,File_Name"], [IDS, one], [IDS, three]);
    expect(sent()).toStrictEqual([
      `GET /crm/v8/Leads/${record}/Attachments?fields=id%2CFile_Name&ids=${one}%2C${three}`,
    ]);
    expect(picked?.getData().map((a) => a.getId())).toStrictEqual([three, one]);
    expect(picked?.getInfo().getCount()).toBe(2);
  });

  it("answers 204 for a record with nothing attached, which the SDK gives as a null object", async () => {
    const res = await attachments.getAttachments(freshRecord(), "Leads", await params([FIELDS, "id"]));
    expect([res.getStatusCode(), res.getObject()]).toStrictEqual([204, null]);
  });
});
