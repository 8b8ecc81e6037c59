import { describe, expect, it } from "vitest";
import { isAttachmentUrl } from "../../../src/answers/uploads/upload-rules.js";

describe("isAttachmentUrl", () => {
  it.each([
    ["https://www.zohocorp.com", true],
    ["mailto:someone@example.com", true],
    ["www.zohocorp.com", false],
    ["https://exa mple.com", false],
    ["", false],
    [`https://a.example/${"x".repeat(2990)}`, false],
  ])("%# %s", (url, ok) => {
    expect(isAttachmentUrl(url)).toBe(ok);
  });
});
