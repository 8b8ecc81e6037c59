/**
 * The link check takes exactly what the contract's AttachmentUrl takes (`isAttachmentUrl` of the
 * types package, which the mock applies too), and says in its own words why a link was refused.
 */
import { isAttachmentUrl, limits } from "@zcrm-attachments/types";
import { describe, expect, it } from "vitest";
import { ZohoInputError } from "../../src/index.js";
import { checkLinkUrl } from "../../src/input/link-checks.js";

function refusal(url: string): string | undefined {
  try {
    checkLinkUrl(url);
    return undefined;
  } catch (error) {
    if (!(error instanceof ZohoInputError)) throw error;
    expect(error.parameter).toBe("url");
    return error.message;
  }
}

const LINKS = [
  "https://www.zohocorp.com",
  "HTTP://EXAMPLE.COM/a?b=c#d",
  "https://[::1]:8443/x",
  "https://[::1",
  "https://例え.jp/パス",
  "https://user:pass@example.com/",
  `https://example.com/${"a".repeat(limits.link.urlMaxLength - 20)}`,
  `https://example.com/${"a".repeat(limits.link.urlMaxLength)}`,
  "https://example.com/a b",
  "https://x/\u0000",
  "https:www.zohocorp.com",
  "http:/example.com",
  "https:///path",
  "//example.com/x",
  "/docs/page",
  "javascript:alert(1)",
  "file:///etc/passwd",
  "data:text/html,<b>x</b>",
  "mailto:a@b.example",
  "ftp://files.example.com/a",
];

describe("checkLinkUrl", () => {
  it.each(LINKS)("takes %j exactly when the contract's isAttachmentUrl does", (url) => {
    expect(refusal(url) === undefined).toBe(isAttachmentUrl(url));
  });

  it.each([
    ["javascript:alert(1)", /http or https link \(got a javascript: URL\)/],
    ["mailto:a@b.example", /got a mailto: URL/],
    ["https:www.zohocorp.com", /absolute URL with its scheme and host/],
    ["/docs/page", /absolute URL/],
    ["https://example.com/a b", /spaces or control characters/],
    [
      `https://example.com/${"a".repeat(limits.link.urlMaxLength)}`,
      /characters long; Zoho takes links of at most 3000/,
    ],
  ])("explains why %j is refused", (url, message) => {
    expect(refusal(url)).toMatch(message);
  });
});
