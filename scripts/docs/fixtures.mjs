/**
 * The files the docs' examples read, written into each example's scratch folder before it runs:
 * the documents they upload (`./quote.pdf`, `./scans/`, `portrait.png`), the record ids they export
 * (`deals.txt`) and the recordings they validate (`exchange.json`, `traffic.har`, ...). The PDF and
 * the PNG are the mock's own fixtures, so an upload meets the same checks a real file would; the
 * recordings hold exchanges that conform, so a validate example passes when the validator works.
 * Files the examples write (`./downloads/`, `./backup/`, reports) land beside these.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../lib/workspace.mjs";

const MOCK_FIXTURES = join(repoRoot, "apps/mock/fixtures");
const RECORD = "1000000231009";

/** A conforming v2 list answer: an empty page, as the contract README's example exchange has it. */
const listV2 = {
  request: { method: "GET", path: `/crm/v2/Leads/${RECORD}/Attachments`, query: {}, headers: {} },
  response: {
    status: 200,
    headers: { "content-type": "application/json;charset=UTF-8" },
    body: { data: [], info: { per_page: 200, count: 0, page: 1, more_records: false } },
  },
};

/** A HAR 1.2 entry for a GET to `url`, answered with `status` and, when given, a JSON body. */
function harEntry(url, status, body) {
  const text = body === undefined ? "" : JSON.stringify(body);
  return {
    startedDateTime: "2026-01-01T09:00:00.000Z",
    time: 120,
    request: {
      method: "GET",
      url,
      httpVersion: "HTTP/1.1",
      headers: [{ name: "Authorization", value: "Zoho-oauthtoken [redacted]" }],
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: body === undefined ? [] : [{ name: "Content-Type", value: "application/json;charset=UTF-8" }],
      cookies: [],
      content: { size: text.length, mimeType: body === undefined ? "" : "application/json;charset=UTF-8", text },
      redirectURL: "",
      headersSize: -1,
      bodySize: text.length,
    },
    cache: {},
    timings: { send: 0, wait: 120, receive: 0 },
  };
}

/** A HAR log of two API calls; `withWebApp` adds a page of the CRM's web app, as a browser records it. */
function har(withWebApp = false) {
  const api = "https://www.zohoapis.com/crm";
  const entries = [
    harEntry(`${api}/v2/Leads/${RECORD}/Attachments`, 200, listV2.response.body),
    harEntry(`${api}/v8/Leads/${RECORD}/Attachments?fields=id,File_Name`, 204),
  ];
  if (withWebApp) entries.push(harEntry("https://crm.zoho.com/crm/org1/tab/Leads", 200, { page: "Leads" }));
  const log = { version: "1.2", creator: { name: "docs-check", version: "1" }, entries };
  return `${JSON.stringify({ log }, null, 2)}\n`;
}

/** Writes every fixture into `dir` (which exists). */
export function writeFixtures(dir) {
  copyFileSync(join(MOCK_FIXTURES, "Quote.pdf"), join(dir, "quote.pdf"));
  copyFileSync(join(MOCK_FIXTURES, "Quote.pdf"), join(dir, "q3-report.pdf"));
  copyFileSync(join(MOCK_FIXTURES, "photo.png"), join(dir, "portrait.png"));
  writeFileSync(join(dir, "attachment1.txt"), "An attachment uploaded by the docs check.\n");
  writeFileSync(join(dir, "README.md"), "# A file to upload\n\nThe root README's curl example uploads this file.\n");
  mkdirSync(join(dir, "scans"));
  copyFileSync(join(MOCK_FIXTURES, "Quote.pdf"), join(dir, "scans", "invoice.pdf"));
  copyFileSync(join(MOCK_FIXTURES, "photo.png"), join(dir, "scans", "receipt.png"));
  writeFileSync(join(dir, "deals.txt"), "# the Deals to back up\n4150868000004711001\n");
  writeFileSync(join(dir, "exchange.json"), `${JSON.stringify(listV2, null, 2)}\n`);
  for (const name of ["traffic.har", "recorded.har"]) writeFileSync(join(dir, name), har());
  writeFileSync(join(dir, "session.har"), har(true)); // the README filters it with --include and --exclude
  mkdirSync(join(dir, "traffic"));
  writeFileSync(join(dir, "traffic", "monday.har"), har());
}
