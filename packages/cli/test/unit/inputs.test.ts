/**
 * The small pure parts: reading record ids, naming files that collide, the call budget, and the
 * units progress lines print.
 */
import { describe, expect, it } from "vitest";
import { pathsFor } from "../../src/export/plan-record.js";
import { parseRecordIds } from "../../src/export/record-ids.js";
import { formatBytes, formatDuration } from "../../src/output/units.js";
import { CallBudgetSpent, CallMeter, kindOf } from "../../src/session/call-meter.js";

describe("parseRecordIds", () => {
  it("takes one id per line, skips blanks and comments, and keeps the first of repeats", () => {
    expect(parseRecordIds("# ids\n 12 \n\n34\r\n12\n", "f")).toEqual(["12", "34"]);
  });

  it("names every bad line before anything is sent", () => {
    expect(() => parseRecordIds("12\nRecord Id\n34\n1e5\n", "deals.txt")).toThrow(
      /deals\.txt has 2 lines that are not record ids \(line 2: "Record Id"; line 4: "1e5"\)/,
    );
    expect(() => parseRecordIds("# nothing\n", "empty.txt")).toThrow(/holds no record ids/);
  });
});

describe("pathsFor", () => {
  it("keeps unique names and adds the attachment id to every name that collides, case-insensitively", () => {
    const paths = pathsFor("Leads", "7", [
      { id: "1", fileName: "scan.pdf" },
      { id: "2", fileName: "Scan.PDF" },
      { id: "3", fileName: "notes" },
      { id: "4", fileName: "../../etc/passwd" },
      { id: "5", fileName: "" },
    ]);
    expect([...paths.values()]).toEqual([
      "Leads/7/scan (1).pdf",
      "Leads/7/Scan (2).PDF",
      "Leads/7/notes",
      "Leads/7/passwd",
      "Leads/7/attachment-5",
    ]);
  });
});

describe("CallMeter", () => {
  const okFetch = async () => new Response("{}");

  it("counts requests by kind from their method and path", async () => {
    const meter = new CallMeter(undefined);
    const fetch = meter.wrap(okFetch);
    await fetch("http://x/crm/v8/Leads/1/Attachments?fields=id");
    await fetch("http://x/crm/v8/Leads/1/Attachments/2", { method: "GET" });
    await fetch("http://x/crm/v8/Leads/1/Attachments/2", { method: "GET" });
    await fetch("http://x/crm/v8/Leads/1/photo", { method: "POST" });
    expect(meter.toJSON()).toEqual({ made: 4, byKind: { list: 1, download: 2, "photo-set": 1 }, maxCalls: undefined });
    expect(kindOf("DELETE", "http://x/crm/v8/Leads/1/Attachments?ids=1,2")).toBe("delete");
  });

  it("lets calls start while made + in flight stay below the budget, then stops the run", async () => {
    const meter = new CallMeter(2);
    let spent: CallBudgetSpent | undefined;
    meter.onSpent((reason) => (spent = reason));
    const fetch = meter.wrap(okFetch);
    expect(await meter.acquire()).toBe(true);
    expect(await meter.acquire()).toBe(true);
    let third: boolean | undefined;
    const waiting = meter.acquire().then((ok) => (third = ok));
    await fetch("http://x/crm/v8/Leads/1/Attachments/1");
    meter.release();
    await fetch("http://x/crm/v8/Leads/1/Attachments/2");
    meter.release();
    await waiting;
    expect(third).toBe(false);
    expect(spent?.message).toBe("--max-calls 2 reached");
    // A retry past the budget is refused at the fetch, never sent.
    await expect(fetch("http://x/crm/v8/Leads/1/Attachments/3")).rejects.toBeInstanceOf(CallBudgetSpent);
    expect(meter.made).toBe(2);
  });
});

describe("units", () => {
  it.each([
    [0, "0 B"],
    [999, "999 B"],
    [1_000, "1.0 kB"],
    [196_608, "197 kB"],
    [12_345_678, "12 MB"],
  ])("formatBytes(%d) = %s", (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it("formats durations as people read them", () => {
    expect([formatDuration(4.4), formatDuration(125), formatDuration(3720), formatDuration(undefined)]).toEqual([
      "4s",
      "2m05s",
      "1h02m",
      "?",
    ]);
  });
});
