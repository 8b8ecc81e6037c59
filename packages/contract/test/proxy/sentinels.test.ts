/**
 * No secret comes out of the proxy. Known fake credentials go through it every way a client or a
 * server carries them: an Authorization header, a cookie and a Set-Cookie, `?access_token=` in the
 * query, a refresh grant's client id, secret and refresh token as a URL-encoded form and as a
 * multipart one (Zoho's SDKs send that), the token endpoint's JSON answer, and a target that
 * echoes the token back in a header and a body. The bin runs with every report on; none of the
 * sentinels may appear in the HAR, any report file, standard output or standard error.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REDACTED } from "../../src/validator/redact.js";
import { startBin } from "../helpers/bin.js";
import {
  leakedSentinels,
  readHar,
  SENTINELS,
  sendJson,
  startTarget,
  type TestTarget,
} from "../helpers/proxy-fixtures.js";
import { example, V8_PATH } from "../helpers/spec-examples.js";

let dir: string;
let target: TestTarget;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zcrm-proxy-sentinels-"));
  target = await startTarget((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.startsWith("/oauth/v2/token")) {
        sendJson(res, 200, {
          access_token: SENTINELS.accessToken,
          refresh_token: SENTINELS.refreshToken,
          api_domain: "https://www.zohoapis.com",
          token_type: "Bearer",
          expires_in: 3600,
        });
        return;
      }
      // The worst server: it echoes the caller's token into a header, a cookie and the body (which
      // is also off the contract, so the failure's repro lines get printed with every header).
      const echoed = String(req.headers.authorization ?? "").replace(/^\S+\s+/, "");
      const body = example("listAttachments", 200, "seedSample") as { data: Record<string, unknown>[] };
      body.data[0] = { ...body.data[0], id: 1, Owner: { name: echoed, id: "1" } };
      sendJson(res, 200, body, {
        "x-echo-token": echoed,
        "set-cookie": `session=${SENTINELS.cookie}; Path=/; HttpOnly`,
      });
    });
  });
});
afterAll(async () => {
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

describe("proxy sentinels", () => {
  it("keeps every secret out of the recording, the reports, standard output and standard error", async () => {
    const bin = startBin([
      "--cwd",
      dir,
      "proxy",
      "--target",
      target.url,
      "--port",
      "0",
      "--record",
      "out.har",
      "--record-bodies",
      "--verbose",
      "--reporter",
      "text",
      "--reporter",
      "github",
      "--reporter",
      "json=reports/out.json",
      "--reporter",
      "junit=reports/out.xml",
      "--reporter",
      "markdown=reports/out.md",
    ]);
    let url = "";
    await vi.waitFor(
      () => {
        url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(bin.errors())?.[1] ?? "";
        expect(url).not.toBe("");
      },
      { timeout: 20_000, interval: 50 },
    );
    const auth = { Authorization: `Zoho-oauthtoken ${SENTINELS.accessToken}` };
    const grant = {
      grant_type: "refresh_token",
      client_id: SENTINELS.clientId,
      client_secret: SENTINELS.clientSecret,
      refresh_token: SENTINELS.refreshToken,
    };
    const token = await fetch(`${url}/oauth/v2/token`, { method: "POST", body: new URLSearchParams(grant) });
    expect(((await token.json()) as { access_token: string }).access_token).toBe(SENTINELS.accessToken);
    const form = new FormData();
    for (const [name, value] of Object.entries(grant)) form.append(name, value);
    expect(
      (await fetch(`${url}/oauth/v2/token?client_secret=${SENTINELS.clientSecret}`, { method: "POST", body: form }))
        .status,
    ).toBe(200);
    const list = await fetch(`${url}${V8_PATH}?fields=id,File_Name&access_token=${SENTINELS.queryToken}`, {
      headers: { ...auth, Cookie: `session=${SENTINELS.cookie}; theme=dark` },
    });
    // The client gets the answer as the target sent it: the proxy changes nothing on the wire.
    expect(list.headers.get("x-echo-token")).toBe(SENTINELS.accessToken);
    await list.arrayBuffer();
    await vi.waitFor(() => expect(bin.output()).toContain("out.har entry 3"), { timeout: 10_000 });
    bin.signal("SIGINT");
    const { code, stdout, stderr } = await bin.done;
    expect(code).toBe(1);
    expect(stdout).toContain("curl -X GET");

    const harText = await readFile(join(dir, "out.har"), "utf8");
    const written: Record<string, string> = { "out.har": harText, stdout, stderr };
    for (const name of await readdir(join(dir, "reports")))
      written[name] = await readFile(join(dir, "reports", name), "utf8");
    expect(Object.keys(written).sort()).toEqual(["out.har", "out.json", "out.md", "out.xml", "stderr", "stdout"]);
    for (const [name, text] of Object.entries(written))
      expect({ name, leaked: leakedSentinels(text) }).toEqual({ name, leaked: [] });

    // Redacted where they stood, not dropped: the recording still shows what kind of thing was there.
    const [refresh, multipartRefresh, listed] = readHar(join(dir, "out.har")).log.entries;
    expect(refresh?.request.postData?.params).toEqual([
      { name: "grant_type", value: "refresh_token" },
      { name: "client_id", value: REDACTED },
      { name: "client_secret", value: REDACTED },
      { name: "refresh_token", value: REDACTED },
    ]);
    expect(JSON.parse(refresh?.response.content.text ?? "")).toMatchObject({
      access_token: REDACTED,
      refresh_token: REDACTED,
      api_domain: "https://www.zohoapis.com",
    });
    expect(multipartRefresh?.request.postData?.params?.map((p) => p.value)).toEqual([
      "refresh_token",
      REDACTED,
      REDACTED,
      REDACTED,
    ]);
    expect(listed?.request.headers).toContainEqual({ name: "Authorization", value: `Zoho-oauthtoken ${REDACTED}` });
    expect(listed?.request.cookies).toEqual([
      { name: "session", value: REDACTED },
      { name: "theme", value: REDACTED },
    ]);
    expect(listed?.request.queryString).toContainEqual({ name: "access_token", value: REDACTED });
    expect(listed?.response.cookies).toEqual([{ name: "session", value: REDACTED }]);
  });
});
