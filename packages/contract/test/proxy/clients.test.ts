/**
 * Point any client at the proxy: the project's client (`apiDomain: proxy.url`, its token refreshed
 * through the proxy too) and curl each run upload → list → download → delete against the stateful
 * mock behind it. Every exchange holds, the recording validates clean, and no sentinel secret is
 * in it or in the reports. (Zoho's v8 SDK does the same in zoho-sdk.test.ts, in its own process.)
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { createAttachmentsClient, createRefreshTokenProvider } from "@zcrm-attachments/client";
import type { MockServer } from "@zcrm-attachments/mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { entriesUnder, readHar, SENTINELS } from "../helpers/proxy-fixtures.js";
import { type RecordedSession, recordedSession, startSentinelMock } from "../helpers/proxy-session.js";

const run = promisify(execFile);
let mock: MockServer;
let session: RecordedSession | undefined;
beforeAll(async () => {
  mock = await startSentinelMock();
});
afterEach(async () => {
  await session?.proxy.close();
  await session?.remove();
  session = undefined;
});
afterAll(async () => {
  await mock.close();
});

describe("clients through the proxy to the stateful mock", () => {
  it("the project's client: upload, list, download, delete, with its token refreshed through the proxy", async () => {
    session = await recordedSession(mock.url, "client");
    const { proxy, dir } = session;
    const tokens = createRefreshTokenProvider({
      clientId: SENTINELS.clientId,
      clientSecret: SENTINELS.clientSecret,
      refreshToken: SENTINELS.refreshToken,
      accountsServer: proxy.url,
    });
    const client = createAttachmentsClient({ apiDomain: proxy.url, apiVersion: "v8", accessToken: tokens });
    const bytes = randomBytes(300_000);
    const path = join(dir, "Quote through proxy.pdf");
    await writeFile(path, bytes);
    const record = "1000000250001";

    const uploaded = await client.uploadAttachment("Leads", record, path);
    const id = uploaded.data.details.id;
    const page = await client.listAttachments("Leads", record, { fields: ["id", "File_Name", "Size"] });
    expect(page.status === 200 ? page.data.map((a) => [a.id, a.File_Name]) : page.status).toEqual([
      [id, "Quote through proxy.pdf"],
    ]);
    const saved = await client.downloadAttachmentTo("Leads", record, id, join(dir, "back.pdf"));
    expect(saved.fileName).toBe("Quote through proxy.pdf");
    expect((await readFile(saved.path)).equals(bytes)).toBe(true);
    expect((await client.deleteAttachment("Leads", record, id)).data.details.id).toBe(id);
    expect((await client.listAttachments("Leads", record, { fields: ["id"] })).status).toBe(204);

    const result = await session.finish();
    expect(result.verdicts.map((v) => v.operationId)).toEqual([
      "uploadAttachment",
      "listAttachments",
      "downloadAttachment",
      "deleteAttachment",
      "listAttachments",
    ]);
    const har = readHar(session.har);
    expect(entriesUnder(har, "/oauth/v2/token")).toHaveLength(1);
    expect(har.log.entries).toHaveLength(6);
  });

  it("curl: a token, then upload (2 MiB, sent with Expect: 100-continue), list, download, delete", async () => {
    session = await recordedSession(mock.url, "curl");
    const { proxy, dir } = session;
    const curl = async (...args: string[]) => (await run("curl", ["--silent", "--show-error", ...args])).stdout;
    const grant = await curl(
      `${proxy.url}/oauth/v2/token`,
      "--data-urlencode",
      "grant_type=refresh_token",
      "--data-urlencode",
      `client_id=${SENTINELS.clientId}`,
      "--data-urlencode",
      `client_secret=${SENTINELS.clientSecret}`,
      "--data-urlencode",
      `refresh_token=${SENTINELS.refreshToken}`,
    );
    const token = (JSON.parse(grant) as { access_token: string }).access_token;
    expect(token).toMatch(/^1000\./);
    const auth = ["-H", `Authorization: Zoho-oauthtoken ${token}`];
    const base = `${proxy.url}/crm/v8/Leads/1000000250002/Attachments`;
    const bytes = randomBytes(2 * 1024 * 1024);
    await writeFile(join(dir, "notes.bin"), bytes);

    const uploaded = JSON.parse(await curl(...auth, "-F", `file=@${join(dir, "notes.bin")}`, base));
    const id = uploaded.data[0].details.id as string;
    const listed = JSON.parse(
      await curl(...auth, "-H", `Cookie: zs=${SENTINELS.cookie}`, `${base}?fields=id,File_Name&per_page=5`),
    );
    expect(listed.data).toEqual([{ id, File_Name: "notes.bin" }]);
    await curl(...auth, "-o", join(dir, "back.bin"), `${base}/${id}`);
    expect((await readFile(join(dir, "back.bin"))).equals(bytes)).toBe(true);
    expect(JSON.parse(await curl(...auth, "-X", "DELETE", `${base}/${id}`)).data[0].code).toBe("SUCCESS");

    const result = await session.finish();
    expect(result.verdicts.map((v) => v.operationId)).toEqual([
      "uploadAttachment",
      "listAttachments",
      "downloadAttachment",
      "deleteAttachment",
    ]);
    const [upload] = entriesUnder(readHar(session.har), "/crm/");
    expect(upload?.request.headers.some((h) => h.name.toLowerCase() === "expect")).toBe(false);
    expect(upload?.request.postData?.params?.[0]).toMatchObject({
      name: "file",
      fileName: "notes.bin",
      _size: bytes.length,
    });
  });
});
