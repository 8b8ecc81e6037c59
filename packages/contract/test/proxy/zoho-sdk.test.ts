/**
 * Zoho's TypeScript SDK for v8 (`@zohocrm/typescript-sdk-8.0`) pointed at the proxy: its
 * `Environment` takes the proxy's URL for the API, the accounts server and uploads, and it gets
 * its access token with the refresh grant (posted as multipart, through the proxy, to the stateful
 * mock's token endpoint). It then uploads, lists, downloads and deletes; every exchange holds, the
 * recording validates clean and holds no sentinel. The SDK's Initializer is process-global, so it
 * has this file (vitest's worker) to itself.
 */
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MockServer } from "@zcrm-attachments/mock";
import * as ZOHOCRMSDK from "@zohocrm/typescript-sdk-8.0";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entriesUnder, readHar, SENTINELS } from "../helpers/proxy-fixtures.js";
import { type RecordedSession, recordedSession, startSentinelMock } from "../helpers/proxy-session.js";

let mock: MockServer;
let session: RecordedSession;
beforeAll(async () => {
  mock = await startSentinelMock();
  session = await recordedSession(mock.url, "zoho-sdk");
  const { proxy, dir } = session;
  await mkdir(join(dir, "sdk"));
  const token = new ZOHOCRMSDK.OAuthBuilder()
    .clientId(SENTINELS.clientId)
    .clientSecret(SENTINELS.clientSecret)
    .refreshToken(SENTINELS.refreshToken)
    .findUser(false)
    .build();
  await (await new ZOHOCRMSDK.InitializeBuilder())
    .environment(new ZOHOCRMSDK.Environment(proxy.url, `${proxy.url}/oauth/v2/token`, proxy.url))
    .token(token)
    .store(new ZOHOCRMSDK.FileStore(join(dir, "sdk", "tokens.csv")))
    .SDKConfig(new ZOHOCRMSDK.SDKConfigBuilder().autoRefreshFields(false).pickListValidation(false).build())
    .resourcePath(join(dir, "sdk"))
    .logger(new ZOHOCRMSDK.LogBuilder().level(ZOHOCRMSDK.Levels.OFF).build())
    .initialize();
});
afterAll(async () => {
  await session?.proxy.close();
  await mock?.close();
  await session?.remove();
});

describe("Zoho's v8 SDK through the proxy to the stateful mock", () => {
  it("refreshes its token, uploads, lists, downloads and deletes; the recording validates clean", async () => {
    const attachments = new ZOHOCRMSDK.Attachments.AttachmentsOperations();
    const record = 1000000250003n;
    const bytes = randomBytes(40_000);
    const path = join(session.dir, "sdk-notes.txt");
    await writeFile(path, bytes);

    const body = new ZOHOCRMSDK.Attachments.FileBodyWrapper();
    body.setFile(new ZOHOCRMSDK.StreamWrapper(undefined, undefined, path));
    const uploaded = await attachments.uploadAttachments(record, "Leads", body);
    expect(uploaded.getStatusCode()).toBe(200);
    const [item] = (uploaded.getObject() as ZOHOCRMSDK.Attachments.ActionWrapper).getData();
    const id = (item as ZOHOCRMSDK.Attachments.SuccessResponse).getDetails().get("id") as bigint;

    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(ZOHOCRMSDK.Attachments.GetAttachmentsParam.FIELDS, "id,File_Name");
    const listed = await attachments.getAttachments(record, "Leads", params);
    expect(listed.getStatusCode()).toBe(200);
    const page = listed.getObject() as ZOHOCRMSDK.Attachments.ResponseWrapper;
    expect(page.getData().map((a) => [a.getId(), a.getFileName()])).toEqual([[id, "sdk-notes.txt"]]);

    const downloaded = await attachments.getAttachment(id, record, "Leads");
    expect(downloaded.getStatusCode()).toBe(200);
    const file = (downloaded.getObject() as ZOHOCRMSDK.Attachments.FileBodyWrapper).getFile();
    expect(file.getName()).toBe("sdk-notes.txt");
    // The SDK hands the body over as the Buffer it read (its .d.ts says ReadStream).
    expect(Buffer.compare(file.getStream() as unknown as Buffer, bytes)).toBe(0);

    const deleted = await attachments.deleteAttachment(id, record, "Leads");
    expect(deleted.getStatusCode()).toBe(200);

    const result = await session.finish();
    expect(result.verdicts.map((v) => v.operationId)).toEqual([
      "uploadAttachment",
      "listAttachments",
      "downloadAttachment",
      "deleteAttachment",
    ]);
    const [refresh] = entriesUnder(readHar(session.har), "/oauth/v2/token");
    expect(refresh?.request.postData?.mimeType).toMatch(/^multipart\/form-data; boundary=/);
    expect(mock.stats.tokensIssued).toBe(1);
  });
});
