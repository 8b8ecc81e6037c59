import { describe, expect, it } from "vitest";
import { exchangeFilter } from "../../src/report/exchange-filter.js";
import type { Exchange } from "../../src/validator/exchange.js";

const at = (url: string, origin?: string): Exchange => ({
  request: { method: "GET", path: url, ...(origin ? { origin } : {}) },
  response: { status: 200 },
});

describe("exchangeFilter", () => {
  it("matches hosts (case-insensitively) and paths with globs", () => {
    const keep = exchangeFilter({ include: ["*.zohoapis.com", "/crm/v8/**"] });
    expect(keep(at("/crm/v2/Leads/1/Attachments", "https://WWW.ZohoApis.com"))).toBeUndefined();
    expect(keep(at("/crm/v8/Leads/1/Attachments"))).toBeUndefined();
    expect(keep(at("https://crm.zoho.com/favicon.ico"))).toBe("matched by no --include (*.zohoapis.com, /crm/v8/**)");
    const drop = exchangeFilter({ exclude: ["/crm/v2/**"] });
    expect(drop(at("/crm/v2/Leads/1/Attachments?fields=id"))).toBe("excluded by --exclude /crm/v2/**");
    expect(drop(at("/crm/v8/Leads/1/Attachments"))).toBeUndefined();
  });

  it("refuses an empty pattern", () => {
    expect(() => exchangeFilter({ include: [" "] })).toThrow("an --include or --exclude pattern is empty");
  });
});
