import { describe, expect, it } from "vitest";
import type { Exchange } from "../../src/validator/exchange.js";
import { Redactor, redactExchange, redactHeader, secretsOf } from "../../src/validator/redact.js";

const TOKEN = "1000.0123456789abcdef.fedcba9876543210";
const recorded = (): Exchange => ({
  request: {
    method: "GET",
    path: `/crm/v8/Leads/1/Attachments?fields=id&access_token=${TOKEN}`,
    query: { fields: "id", access_token: TOKEN },
    headers: { Authorization: `Zoho-oauthtoken ${TOKEN}`, cookie: "crmcsr=abcdef123456", prefer: "code=200" },
  },
  response: { status: 200, headers: { "set-cookie": ["a=1234567", "b=7654321"], "content-type": "application/json" } },
});

describe("redaction", () => {
  it("keeps the scheme word of an Authorization header and nothing of the credential", () => {
    expect(redactHeader("Authorization", `Zoho-oauthtoken ${TOKEN}`)).toBe("Zoho-oauthtoken [redacted]");
    expect(redactHeader("authorization", "Bearer x.y")).toBe("Bearer [redacted]");
    expect(redactHeader("authorization", TOKEN)).toBe("[redacted]");
    expect(redactHeader("Cookie", "a=b")).toBe("[redacted]");
    expect(redactHeader("prefer", "code=200")).toBe("code=200");
  });

  it("redacts an exchange's credential headers and query, leaving the rest and the original alone", () => {
    const original = recorded();
    const copy = redactExchange(original);
    expect(copy.request.headers).toEqual({
      Authorization: "Zoho-oauthtoken [redacted]",
      cookie: "[redacted]",
      prefer: "code=200",
    });
    expect(copy.request.query).toEqual({ fields: "id", access_token: "[redacted]" });
    expect(copy.request.path).toBe("/crm/v8/Leads/1/Attachments?fields=id&access_token=%5Bredacted%5D");
    expect(copy.response.headers?.["set-cookie"]).toEqual(["[redacted]", "[redacted]"]);
    expect(JSON.stringify(copy)).not.toContain(TOKEN);
    expect(original.request.headers?.Authorization).toBe(`Zoho-oauthtoken ${TOKEN}`);
  });

  it("finds the secrets an exchange carries, so text about it can be scrubbed", () => {
    expect(new Set(secretsOf(recorded()))).toEqual(new Set([TOKEN, "crmcsr=abcdef123456", "a=1234567", "b=7654321"]));
    expect(secretsOf(redactExchange(recorded()))).toEqual([]);
  });

  it("scrubs every secret it was given out of any text, and ignores ones too short to be secrets", () => {
    const redactor = new Redactor();
    redactor.add(TOKEN, "abc", undefined, "");
    expect(redactor.scrub(`curl -H 'Authorization: Zoho-oauthtoken ${TOKEN}' # ${TOKEN}`)).toBe(
      "curl -H 'Authorization: Zoho-oauthtoken [redacted]' # [redacted]",
    );
    expect(redactor.scrub("abc stays")).toBe("abc stays");
  });
});
