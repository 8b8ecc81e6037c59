import { describe, expect, it } from "vitest";
import {
  accountsServerFor,
  apiDomainFor,
  createAttachmentsClient,
  type DataCenter,
  dataCenters,
  type Environment,
} from "../src/index.js";

const TOKEN = "1000.dc-test.token";

const expected: Array<[DataCenter, string, string]> = [
  ["US", "com", "https://accounts.zoho.com"],
  ["EU", "eu", "https://accounts.zoho.eu"],
  ["IN", "in", "https://accounts.zoho.in"],
  ["AU", "com.au", "https://accounts.zoho.com.au"],
  ["CN", "com.cn", "https://accounts.zoho.com.cn"],
  ["JP", "jp", "https://accounts.zoho.jp"],
  ["CA", "ca", "https://accounts.zohocloud.ca"],
  ["SA", "sa", "https://accounts.zoho.sa"],
];
const environments: Array<[Environment, string]> = [
  ["production", "www"],
  ["sandbox", "sandbox"],
  ["developer", "developer"],
];

describe("data centres", () => {
  it("lists exactly the eight documented data centres", () => {
    expect(Object.keys(dataCenters)).toEqual(expected.map(([dc]) => dc));
  });

  it.each(expected)("%s: accounts server and production API domain", (dc, suffix, accounts) => {
    expect(dataCenters[dc].accountsServer).toBe(accounts);
    expect(accountsServerFor(dc)).toBe(accounts);
    expect(dataCenters[dc].apiDomain).toBe(`https://www.zohoapis.${suffix}`);
  });

  it.each(
    expected.flatMap(([dc, suffix]) =>
      environments.map(([env, host]) => [dc, env, `https://${host}.zohoapis.${suffix}`] as const),
    ),
  )("%s %s → %s", (dc, env, url) => {
    expect(apiDomainFor(dc, env)).toBe(url);
    expect(createAttachmentsClient({ dataCenter: dc, environment: env, accessToken: TOKEN }).apiDomain).toBe(url);
  });

  it("defaults to US production", () => {
    expect(createAttachmentsClient({ accessToken: TOKEN }).apiDomain).toBe("https://www.zohoapis.com");
    expect(createAttachmentsClient({ environment: "sandbox", accessToken: TOKEN }).apiDomain).toBe(
      "https://sandbox.zohoapis.com",
    );
    expect(createAttachmentsClient({ dataCenter: "JP", accessToken: TOKEN }).apiDomain).toBe("https://www.zohoapis.jp");
  });

  it("uses an explicit apiDomain as given, without a trailing slash", () => {
    expect(createAttachmentsClient({ apiDomain: "http://127.0.0.1:4010/", accessToken: TOKEN }).apiDomain).toBe(
      "http://127.0.0.1:4010",
    );
    expect(createAttachmentsClient({ apiDomain: "https://proxy.example/zoho/", accessToken: TOKEN }).apiDomain).toBe(
      "https://proxy.example/zoho",
    );
  });
});
