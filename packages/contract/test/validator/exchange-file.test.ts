/**
 * Reading recordings: an entry that cannot be read becomes a problem with its place in the file,
 * and the others are still read; only a file that cannot be used at all throws.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseExchanges, readExchanges } from "../../src/validator/exchange-file.js";

const entry = (url: string) => ({
  request: { method: "GET", url, headers: [{ name: "Authorization", value: "Zoho-oauthtoken 1000.x" }] },
  response: { status: 204, headers: [], content: { size: 0 } },
});

describe("parseExchanges", () => {
  it("reads a HAR entry by entry, naming the ones it cannot read and keeping where each request went", () => {
    const entries = parseExchanges(
      {
        log: {
          entries: [
            entry("https://www.zohoapis.eu/crm/v8/Leads/1/Attachments?fields=id"),
            entry("/crm/v2/Leads/1/Attachments"),
            { request: {} },
          ],
        },
      },
      "t.har",
    );
    expect(entries[0]).toMatchObject({
      label: "t.har entry 1",
      exchange: {
        request: { path: "/crm/v8/Leads/1/Attachments", origin: "https://www.zohoapis.eu", query: { fields: "id" } },
      },
    });
    expect(entries[1]).toEqual({
      label: "t.har entry 2",
      problem: `request.url "/crm/v2/Leads/1/Attachments" is not an absolute URL (a HAR entry's URL has its scheme and host)`,
    });
    expect(entries[2]).toEqual({ label: "t.har entry 3", problem: "a HAR entry needs request and response objects" });
  });

  it("reads JSON exchanges one by one too, and takes the origin from a whole URL", () => {
    const entries = parseExchanges(
      [
        { request: { method: "GET", path: "https://x.example/crm/v2/Leads/1/Attachments" }, response: { status: 204 } },
        { status: 200 },
      ],
      "e.json",
    );
    expect(entries[0]).toMatchObject({ label: "e.json [0]", exchange: { request: { origin: "https://x.example" } } });
    expect(entries[1]).toMatchObject({
      label: "e.json [1]",
      problem: expect.stringContaining("request.method and request.path must be strings"),
    });
  });

  it("throws for a file that holds nothing to check", () => {
    expect(() => parseExchanges({ log: { entries: [] } }, "t.har")).toThrow("t.har is a HAR file with no entries");
    expect(() => parseExchanges([], "e.json")).toThrow("e.json holds an empty list of exchanges");
  });
});

describe("readExchanges", () => {
  it("names the file as the user gave it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zcrm-exchange-file-"));
    await writeFile(join(dir, "bad.json"), "{ nope");
    await expect(readExchanges(join(dir, "bad.json"), "bad.json")).rejects.toThrow(/^bad\.json is not JSON/);
    await expect(readExchanges(join(dir, "gone.json"), "gone.json")).rejects.toThrow("cannot read gone.json: ENOENT");
  });
});
