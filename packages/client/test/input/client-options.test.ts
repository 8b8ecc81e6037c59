import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoInputError } from "../../src/index.js";
import { useTestServer } from "../helpers/http-server.js";

const TOKEN = "1000.input-test.token";
const RECORD = "4150868000002728001";

const server = useTestServer();

describe("bad client options fail at creation", () => {
  const base = { accessToken: TOKEN };
  it.each([
    ["an unknown version", { ...base, apiVersion: "v9" }, "apiVersion", /one of v2, v2.1, v3/],
    ["a version without its v", { ...base, apiVersion: "8" }, "apiVersion", /Did you mean "v8"\?/],
    ["an unknown data centre", { ...base, dataCenter: "UK" }, "dataCenter", /US, EU, IN, AU, CN, JP, CA, SA/],
    ["an unknown environment", { ...base, environment: "staging" }, "environment", /production/],
    [
      "apiDomain and dataCenter together",
      { ...base, apiDomain: "https://www.zohoapis.eu", dataCenter: "EU" },
      "apiDomain",
      /not both/,
    ],
    ["a non-http apiDomain", { ...base, apiDomain: "ftp://zohoapis.com" }, "apiDomain", /http\(s\) origin/],
    ["an apiDomain with a query", { ...base, apiDomain: "https://www.zohoapis.com/?x=1" }, "apiDomain", /query/],
    ["no access token", {}, "accessToken", /non-empty string/],
    ["an empty access token", { accessToken: "" }, "accessToken", /non-empty string \(got an empty string\)/],
    ["a token with its header prefix", { accessToken: "Zoho-oauthtoken 1000.abc" }, "accessToken", /without|alone/],
    [
      "a custom module name with a space",
      { ...base, customModules: ["My Module"] },
      "customModules",
      /not a module API name/,
    ],
    ["a misspelt option", { ...base, baseUrl: "http://127.0.0.1:4010" }, "baseUrl", /Did you mean apiDomain\?/],
    ["a fetch that is not a function", { ...base, fetch: "fetch" }, "fetch", /function/],
  ])("%s", (_label, options, parameter, message) => {
    const create = () => createAttachmentsClient(options as never);
    expect(create).toThrow(ZohoInputError);
    expect(create).toThrow(message);
    try {
      create();
    } catch (error) {
      expect((error as ZohoInputError).parameter).toBe(parameter);
    }
  });

  it("checks a provider's token before sending it", async () => {
    const zoho = createAttachmentsClient({ apiDomain: server.origin, accessToken: () => "bad token\r\nX-Injected: 1" });
    const error = await zoho.listAttachments("Leads", RECORD, { fields: ["id"] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZohoInputError);
    expect((error as Error).message).not.toContain("bad token");
    expect(server.requests).toHaveLength(0);
  });
});
