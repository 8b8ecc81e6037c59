import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { requestTarget } from "../../src/wire/request-input.js";

/** A request as requestTarget reads it: only its target matters. */
function target(url: string) {
  return requestTarget({ url } as IncomingMessage);
}

describe("requestTarget: the spec path Prism routes", () => {
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
    expect(target(from).specPath).toBe(to);
  });
});

describe("requestTarget: the version asked for", () => {
  it.each([
    ["/crm/v2/Leads/1/Attachments", "v2"],
    ["/crm/v2.1/Leads/1/Attachments?x=1", "v2.1"],
    ["/crm/v7/Leads/1/Attachments", "v7"],
    // No version the contract serves: none, never a guess.
    ["/crm/v9/Leads/1/Attachments", undefined],
    ["/somewhere/else", undefined],
  ])("%s → %s", (url, version) => {
    expect(target(url).version).toBe(version);
  });
});

describe("requestTarget: path and query", () => {
  it("splits an origin-form target once and parses repeated keys into arrays", () => {
    const split = target("/crm/v8/Leads/1/Attachments?fields=id&ids=1&ids=2&empty=");
    expect(split.path).toBe("/crm/v8/Leads/1/Attachments");
    expect(split.search).toBe("fields=id&ids=1&ids=2&empty=");
    expect(split.query).toStrictEqual({ fields: "id", ids: ["1", "2"], empty: "" });
    expect(split.segments).toStrictEqual(["", "crm", "v8", "Leads", "1", "Attachments"]);
  });

  it("reduces an absolute-form target (through a proxy) to its path and query", () => {
    const split = target("http://127.0.0.1:4010/crm/v5/Leads/1/Attachments?fields=id");
    expect(split).toMatchObject({ path: "/crm/v5/Leads/1/Attachments", search: "fields=id", version: "v5" });
    expect(split.specPath).toBe("/crm/v8/Leads/1/Attachments");
  });

  it("keeps the result beside the request: a second call splits nothing", () => {
    const req = { url: "/crm/v2/Leads/1/Attachments" } as IncomingMessage;
    expect(requestTarget(req)).toBe(requestTarget(req));
  });
});
