/**
 * Credentials in bodies: a token answer's JSON members and a refresh grant's form fields are
 * redacted where they stand, every other byte kept, and handed back to be scrubbed elsewhere.
 */
import { describe, expect, it } from "vitest";
import { REDACTED } from "../../src/validator/redact.js";
import { isSecretField, redactField, redactFormText, redactJsonText } from "../../src/validator/redact-body.js";

describe("redactJsonText", () => {
  it("redacts token members at any depth and leaves the rest of the text byte for byte", () => {
    const text =
      '{"access_token":"1000.abc","api_domain":"https://www.zohoapis.com",\n  "nested": {"Refresh_Token" : "1000.r\\"q"},' +
      '"code":"SUCCESS","token_type":"Bearer"}';
    const { text: out, secrets } = redactJsonText(text);
    expect(out).toBe(
      `{"access_token":"${REDACTED}","api_domain":"https://www.zohoapis.com",\n  "nested": {"Refresh_Token" : "${REDACTED}"},` +
        '"code":"SUCCESS","token_type":"Bearer"}',
    );
    expect(secrets).toEqual(["1000.abc", '1000.r"q']);
  });

  it("leaves a text without credentials unchanged, JSON or not", () => {
    for (const text of ['{"data":[{"id":"1","File_Name":"a.pdf"}]}', "not json", '{"access_token":12}'])
      expect(redactJsonText(text)).toEqual({ text, secrets: [] });
  });
});

describe("redactFormText", () => {
  it("redacts a refresh grant's secrets and an authorization code, and keeps the grant type", () => {
    const { text, secrets } = redactFormText(
      "grant_type=refresh_token&client_id=1000.ID&client_secret=s%2Bcret&refresh_token=1000.r&code=g1",
    );
    const params = new URLSearchParams(text);
    expect(params.get("grant_type")).toBe("refresh_token");
    for (const name of ["client_id", "client_secret", "refresh_token", "code"]) expect(params.get(name)).toBe(REDACTED);
    expect(secrets).toEqual(["1000.ID", "s+cret", "1000.r", "g1"]);
  });

  it("leaves a form without credentials as it was sent", () => {
    expect(redactFormText("title=a+b&x=%41")).toEqual({ text: "title=a+b&x=%41", secrets: [] });
  });
});

describe("redactField", () => {
  it("redacts credential fields only; an upload's own fields stay", () => {
    expect(redactField("client_secret", "s")).toBe(REDACTED);
    expect(redactField("attachmentUrl", "https://a.example/")).toBe("https://a.example/");
    expect(isSecretField("CODE")).toBe(true);
    expect(isSecretField("title")).toBe(false);
  });
});
