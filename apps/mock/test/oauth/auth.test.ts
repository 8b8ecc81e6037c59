import { describe, expect, it } from "vitest";
import { checkAuthorization } from "../../src/oauth/auth.js";

describe("checkAuthorization", () => {
  it.each([
    [undefined, "authenticationFailure"],
    ["", "authenticationFailure"],
    ["Bearer abc", "authenticationFailure"],
    ["Zoho-oauthtokenabc", "authenticationFailure"],
    ["Zoho-oauthtoken", "invalidToken"],
    ["Zoho-oauthtoken    ", "invalidToken"],
    ["Zoho-oauthtoken 1000.abc", undefined],
    ["zoho-OAuthToken 1000.abc", undefined],
  ])("%j → %s", (header, expected) => {
    expect(checkAuthorization(header)).toBe(expected);
  });
});
