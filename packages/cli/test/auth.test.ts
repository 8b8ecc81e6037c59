/**
 * Credentials as the bin finds them: an access token from the environment, a refresh token
 * refreshed at the mock's accounts server, profiles saved owner-only and refused when others may
 * read them, and secrets that never show up in output, errors or --verbose.
 */
import { chmod, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { MockServer } from "@zcrm-attachments/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordIds, seedFiles, startTarget, TOKEN } from "./helpers/mock-target.js";
import { runBin } from "./helpers/run-bin.js";
import { scratch } from "./helpers/scratch.js";

const [RECORD] = recordIds(1) as [string];
const SECRET = "mock-client-secret";
const REFRESH = "1000.mock-refresh-token";

let mock: MockServer;

beforeAll(async () => {
  mock = await startTarget();
  await seedFiles(mock.url, "Leads", [RECORD], 2);
});

afterAll(async () => {
  await mock?.close();
});

/** An environment with the mock's OAuth client and a config folder of its own. */
function oauthEnv(config: string, secret = SECRET): Record<string, string> {
  return {
    XDG_CONFIG_HOME: config,
    ZOHO_CLIENT_ID: "1000.MOCKCLIENT",
    ZOHO_CLIENT_SECRET: secret,
    ZOHO_REFRESH_TOKEN: REFRESH,
    ZOHO_ACCOUNTS_SERVER: mock.url,
  };
}

describe("credentials", () => {
  it("takes ZOHO_ACCESS_TOKEN from the environment", async () => {
    const result = await runBin(["--api-domain", mock.url, "list", "Leads", RECORD, "--json"], {
      env: { ZOHO_ACCESS_TOKEN: TOKEN },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).count).toBe(2);
  });

  it("refreshes with a refresh token, caches the access token owner-only, and prints no secret under --verbose", async () => {
    const config = scratch("zcrm-cli-oauth-");
    const before = mock.stats.tokensIssued;
    const first = await runBin(["--api-domain", mock.url, "--verbose", "list", "Leads", RECORD], {
      env: oauthEnv(config),
    });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/credentials: refresh token \(flags or environment\)/);
    expect(first.stderr).toMatch(/token refresh at http:\/\/127\.0\.0\.1:\d+: success/);
    expect(first.stderr).toMatch(/→ GET http:\/\/127\.0\.0\.1:\d+\/crm\/v8\/Leads\/\d+\/Attachments\?fields=/);
    const cache = join(config, "zcrm-attachments", "tokens.json");
    expect((await stat(cache)).mode & 0o777).toBe(0o600);
    // A second run reuses the cached token: no new one is issued.
    const second = await runBin(["--api-domain", mock.url, "list", "Leads", RECORD], { env: oauthEnv(config) });
    expect(second.code, second.stderr).toBe(0);
    expect(mock.stats.tokensIssued).toBe(before + 1);
    for (const output of [first.stdout, first.stderr, second.stdout, second.stderr]) {
      expect(output).not.toContain(SECRET);
      expect(output).not.toContain(REFRESH);
      expect(output).not.toMatch(/1000\.zcrm-mock\./); // the access tokens the mock issued
    }
  });

  it("a refused refresh names the fix and never the secret, even with --verbose", async () => {
    const config = scratch("zcrm-cli-oauth-bad-");
    const wrong = "wrong-secret-9f8e7d6c5b4a";
    const result = await runBin(["--api-domain", mock.url, "--verbose", "list", "Leads", RECORD], {
      env: oauthEnv(config, wrong),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/invalid_client/);
    expect(result.stderr).toMatch(/fix: invalid_client usually means the wrong data centre: check --dc/);
    expect(`${result.stdout}${result.stderr}`).not.toContain(wrong);
    expect(`${result.stdout}${result.stderr}`).not.toContain(REFRESH);
  });

  it("a half-given refresh token names what is missing", async () => {
    const result = await runBin(["list", "Leads", RECORD], {
      env: { ZOHO_CLIENT_ID: "1000.X", ZOHO_REFRESH_TOKEN: REFRESH },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing: ZOHO_CLIENT_SECRET/);
    expect(result.stderr).not.toContain(REFRESH);
  });
});

describe("profiles", () => {
  it("saves the given settings owner-only, lists only field names, and connects with --profile", async () => {
    const config = scratch("zcrm-cli-profile-");
    const saved = await runBin(["--api-domain", mock.url, "profile", "save", "local"], { env: oauthEnv(config) });
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toMatch(/saved profile "local" in .*profiles\.json \(mode 0600\): apiDomain, accountsServer/);
    expect(saved.stdout).toMatch(/clientSecret \(secret\)/);
    expect(saved.stdout).not.toContain(SECRET);
    const path = join(config, "zcrm-attachments", "profiles.json");
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(config, "zcrm-attachments"))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(path, "utf8")).local).toMatchObject({ apiDomain: mock.url, clientSecret: SECRET });

    const listed = await runBin(["profile", "list"], { env: { XDG_CONFIG_HOME: config } });
    expect(listed.stdout).toMatch(/^local: apiDomain, accountsServer, clientId, clientSecret, refreshToken\n$/);

    const used = await runBin(["--profile", "local", "list", "Leads", RECORD, "--json"], {
      env: { XDG_CONFIG_HOME: config },
    });
    expect(used.code, used.stderr).toBe(0);
    expect(JSON.parse(used.stdout).count).toBe(2);

    const missing = await runBin(["--profile", "other", "list", "Leads", RECORD], { env: { XDG_CONFIG_HOME: config } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No profile "other" in .*profiles\.json \(it has: local\)/);
  });

  it("refuses a profile file that others may read, and says how to fix it", async () => {
    const config = scratch("zcrm-cli-profile-open-");
    await runBin(["--api-domain", mock.url, "profile", "save", "local"], { env: oauthEnv(config) });
    const path = join(config, "zcrm-attachments", "profiles.json");
    await chmod(path, 0o644);
    const result = await runBin(["--profile", "local", "list", "Leads", RECORD], { env: { XDG_CONFIG_HOME: config } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/holds secrets but others may read it \(mode 0644\); it was not used/);
    expect(result.stderr).toContain(`fix: chmod 600 ${path}`);
    expect(result.stderr).not.toContain(SECRET);
  });
});
