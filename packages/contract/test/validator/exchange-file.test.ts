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

  it("reads the proxy's custom fields: a file part's _size and _sha256, base64 values, _problem, content _sha256", () => {
    const upload = (params: unknown[], extra: object = {}) => ({
      request: {
        method: "POST",
        url: "https://www.zohoapis.com/crm/v8/Leads/1/Attachments",
        headers: [{ name: "content-type", value: "multipart/form-data; boundary=x" }],
        postData: { mimeType: "multipart/form-data; boundary=x", params, ...extra },
      },
      response: {
        status: 200,
        headers: [],
        content: { size: 12, mimeType: "application/octet-stream", _sha256: "ab".repeat(32) },
      },
    });
    const [sized, encoded, broken] = parseExchanges(
      {
        log: {
          entries: [
            upload([{ name: "file", fileName: "a.pdf", value: "", _size: 2048, _sha256: "cd".repeat(32) }]),
            upload([{ name: "file", fileName: "b.bin", value: "aGVsbG8=", _encoding: "base64" }]),
            upload([{ name: "title", value: "t" }], { _problem: "garbage after a delimiter" }),
          ],
        },
      },
      "p.har",
    );
    expect(sized).toMatchObject({
      exchange: {
        request: { body: { parts: [{ name: "file", fileName: "a.pdf", bytes: 2048, sha256: "cd".repeat(32) }] } },
        response: { received: { bytes: 12, complete: true, sha256: "ab".repeat(32) } },
      },
    });
    expect(encoded).toMatchObject({ exchange: { request: { body: { parts: [{ name: "file", bytes: 5 }] } } } });
    expect(broken).toMatchObject({
      exchange: { request: { body: { parts: [{ name: "title", value: "t" }], problem: "garbage after a delimiter" } } },
    });
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
