/**
 * Downloads and photos: judged by status, content type (against documented media ranges),
 * Content-Disposition and Content-Length against the bytes received, never by their bytes.
 */
import { describe, expect, it } from "vitest";
import { ContractValidator, type Exchange } from "../../src/validator/validator.js";
import { doc } from "../helpers/spec-examples.js";

const validator = new ContractValidator(doc);
const DOWNLOAD = "/crm/v8/Leads/1000000231009/Attachments/1386586000002588005";
const PHOTO = "/crm/v2/Leads/1000000231009/photo";
const PDF = new TextEncoder().encode("%PDF-1.7 not really a pdf");
const pdfHeaders = (extra: Record<string, string> = {}) => ({
  "content-type": "application/pdf",
  "content-disposition": 'attachment; filename="Quote.pdf"',
  "content-length": String(PDF.length),
  ...extra,
});

function download(path: string, response: Exchange["response"]): Exchange {
  return { request: { method: "GET", path }, response };
}
const kinds = (exchange: Exchange) => validator.validate(exchange).violations;

describe("binary responses", () => {
  it("accepts a download whose headers and length agree, with bytes given or only counted", () => {
    expect(kinds(download(DOWNLOAD, { status: 200, headers: pdfHeaders(), body: PDF }))).toEqual([]);
    const streamed = download(DOWNLOAD, {
      status: 200,
      headers: pdfHeaders(),
      received: { bytes: PDF.length, sha256: "x", complete: true },
    });
    expect(kinds(streamed)).toEqual([]);
    // A 1.5 GB file is just a number here.
    const huge = download(DOWNLOAD, {
      status: 200,
      headers: pdfHeaders({ "content-length": "1500000000" }),
      received: { bytes: 1_500_000_000, complete: true },
    });
    expect(kinds(huge)).toEqual([]);
  });

  it("never schema-validates bytes: JSON-looking or binary garbage is fine under */*", () => {
    const body = new Uint8Array([0xff, 0x00, 0x7b, 0x7d]);
    expect(
      kinds(
        download(DOWNLOAD, {
          status: 200,
          headers: pdfHeaders({ "content-type": "application/octet-stream", "content-length": "4" }),
          body,
        }),
      ),
    ).toEqual([]);
    expect(
      kinds(
        download(DOWNLOAD, {
          status: 200,
          headers: pdfHeaders({ "content-type": "text/plain", "content-length": "3" }),
          body: "{x}",
        }),
      ),
    ).toEqual([]);
  });

  it("accepts an empty file, but not an empty JSON error", () => {
    expect(
      kinds(
        download(DOWNLOAD, {
          status: 200,
          headers: pdfHeaders({ "content-length": "0" }),
          received: { bytes: 0, complete: true },
        }),
      ),
    ).toEqual([]);
    expect(kinds(download(DOWNLOAD, { status: 400, headers: { "content-type": "application/json" } }))).toEqual([
      expect.objectContaining({ kind: "missing-body" }),
    ]);
  });

  it("judges a JSON answer recorded only by its size by its length, never calling the missing text invalid", () => {
    const json = { "content-type": "application/json", "content-length": "300" };
    expect(kinds(download(DOWNLOAD, { status: 400, headers: json, received: { bytes: 300, complete: true } }))).toEqual(
      [],
    );
    expect(kinds(download(DOWNLOAD, { status: 400, headers: json, received: { bytes: 299, complete: true } }))).toEqual(
      [expect.objectContaining({ kind: "length-mismatch" })],
    );
  });

  it("reports a Content-Length that disagrees with the bytes received", () => {
    const short = download(DOWNLOAD, {
      status: 200,
      headers: pdfHeaders({ "content-length": "1000" }),
      received: { bytes: 25, complete: true },
    });
    expect(kinds(short)).toEqual([
      { kind: "length-mismatch", at: "content-length", message: "Content-Length says 1000 bytes, the body has 25" },
    ]);
    const given = download(DOWNLOAD, { status: 200, headers: pdfHeaders({ "content-length": "3" }), body: PDF });
    expect(kinds(given)).toEqual([expect.objectContaining({ kind: "length-mismatch" })]);
  });

  it("does not count a body nobody read to the end, nor one fetch decompressed", () => {
    const unread = download(DOWNLOAD, {
      status: 200,
      headers: pdfHeaders({ "content-length": "1000" }),
      received: { bytes: 10, complete: false },
    });
    expect(kinds(unread)).toEqual([]);
    const gzip = download(DOWNLOAD, {
      status: 200,
      headers: pdfHeaders({ "content-length": "12", "content-encoding": "gzip" }),
      body: PDF,
    });
    expect(kinds(gzip)).toEqual([]);
  });

  it("requires Content-Disposition on a download, and a file name in it", () => {
    const { "content-disposition": _, ...without } = pdfHeaders();
    expect(kinds(download(DOWNLOAD, { status: 200, headers: without, body: PDF }))).toEqual([
      {
        kind: "missing-header",
        at: "Content-Disposition",
        spec: "#/components/headers/content-disposition",
        message: "required header Content-Disposition is missing",
      },
    ]);
    expect(
      kinds(
        download(DOWNLOAD, { status: 200, headers: pdfHeaders({ "content-disposition": "attachment" }), body: PDF }),
      ),
    ).toEqual([
      {
        kind: "invalid-header",
        at: "Content-Disposition",
        spec: "#/components/headers/content-disposition",
        message: "header Content-Disposition carries no file name (filename or filename*): attachment",
      },
    ]);
    const broken = kinds(
      download(DOWNLOAD, {
        status: 200,
        headers: pdfHeaders({ "content-disposition": 'attachment; filename="Quote.pdf' }),
        body: PDF,
      }),
    );
    expect(broken).toEqual([expect.objectContaining({ kind: "invalid-header", at: "Content-Disposition" })]);
    expect(broken[0]?.message).toContain("does not parse: parameter filename has an unterminated quoted string");
  });

  it("accepts a non-ASCII name given as filename*", () => {
    const headers = pdfHeaders({
      "content-disposition": `attachment; filename="Resume.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E6%97%A5%E6%9C%AC.pdf`,
    });
    expect(kinds(download(DOWNLOAD, { status: 200, headers, body: PDF }))).toEqual([]);
  });

  it("matches a photo's type against image/* and application/x-download, and reports others", () => {
    const png = { "content-disposition": 'attachment; filename="photo.png"' };
    expect(
      kinds(download(PHOTO, { status: 200, headers: { ...png, "content-type": "image/png" }, body: PDF })),
    ).toEqual([]);
    expect(
      kinds(download(PHOTO, { status: 200, headers: { ...png, "content-type": "application/x-download" }, body: PDF })),
    ).toEqual([]);
    expect(
      kinds(download(PHOTO, { status: 200, headers: { ...png, "content-type": "application/pdf" }, body: PDF })),
    ).toEqual([
      expect.objectContaining({
        kind: "undocumented-content-type",
        message:
          "content type application/pdf is not documented (documented: image/*, application/x-download, application/octet-stream)",
      }),
    ]);
    expect(kinds(download(PHOTO, { status: 200, headers: png, body: PDF }))).toEqual([
      expect.objectContaining({ kind: "undocumented-content-type" }),
    ]);
  });

  it("accepts a 204 without a body and rejects one with a body", () => {
    expect(kinds(download(PHOTO, { status: 204, headers: {} }))).toEqual([]);
    expect(kinds(download(DOWNLOAD, { status: 204, headers: {}, received: { bytes: 5, complete: true } }))).toEqual([
      expect.objectContaining({ kind: "unexpected-body" }),
    ]);
  });

  it("still validates a JSON error on a download path against the error schema", () => {
    const body = { code: "DOWNLOAD_NOT_ALLOWED", message: "link" };
    expect(kinds(download(DOWNLOAD, { status: 400, headers: { "content-type": "application/json" }, body }))).toEqual([
      expect.objectContaining({ kind: "invalid-body", message: "body must have required property 'details'" }),
      expect.objectContaining({ kind: "invalid-body", message: "body must have required property 'status'" }),
    ]);
  });
});
