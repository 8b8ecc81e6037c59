import { describe, expect, it } from "vitest";
import { requestedVersion } from "../../src/prism/operation-kind.js";

describe("requestedVersion", () => {
  it.each([
    ["/crm/v2/Leads/1/Attachments", 2],
    ["/crm/v2.1/Leads/1/Attachments?x=1", 2.1],
    ["/crm/v7/Leads/1/Attachments", 7],
    ["/somewhere/else", 8],
  ])("%s → %d", (url, version) => {
    expect(requestedVersion(url)).toBe(version);
  });
});
