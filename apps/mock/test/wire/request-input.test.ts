import { describe, expect, it } from "vitest";
import { toSpecPath } from "../../src/api-version.js";

describe("toSpecPath", () => {
  it.each([
    ["/crm/v2.1/Leads/1/Attachments", "/crm/v2/Leads/1/Attachments"],
    ["/crm/v3/Leads/1/Attachments", "/crm/v8/Leads/1/Attachments"],
    ["/crm/v7/Leads/1/Attachments", "/crm/v8/Leads/1/Attachments"],
    ["/crm/v2/Leads/1/Attachments", "/crm/v2/Leads/1/Attachments"],
    ["/crm/v8/Leads/1/Attachments", "/crm/v8/Leads/1/Attachments"],
    ["/crm/v9/Leads/1/Attachments", "/crm/v9/Leads/1/Attachments"],
    ["/crm/v33/Leads/1/Attachments", "/crm/v33/Leads/1/Attachments"],
    ["/crm/v2.2/Leads/1/Attachments", "/crm/v2.2/Leads/1/Attachments"],
  ])("%s → %s", (from, to) => {
    expect(toSpecPath(from)).toBe(to);
  });
});
