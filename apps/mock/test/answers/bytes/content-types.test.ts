import { describe, expect, it } from "vitest";
import { downloadType, uploadedFileType } from "../../../src/answers/bytes/content-types.js";

describe("uploadedFileType", () => {
  it.each([
    ["application/pdf", "a.txt", "application/pdf"],
    ["image/png", "photo", "image/png"],
    // busboy's value for a part without Content-Type: the name decides.
    ["text/plain", "notes.txt", "text/plain"],
    ["text/plain", "Report.PDF", "application/pdf"],
    ["text/plain", "table.csv", "text/csv"],
    ["text/plain", "README", "application/octet-stream"],
    ["", "a.unknownext", "application/octet-stream"],
    ["", "a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ])("declared %j for %s → %s", (declared, name, type) => {
    expect(uploadedFileType(declared, name)).toBe(type);
  });
});

describe("downloadType", () => {
  it.each([
    ["v2", "text/plain", "application/x-download"],
    ["v2", "application/pdf", "application/x-download"],
    ["current", "text/plain", "text/plain"],
    ["current", "", "application/octet-stream"],
  ] as const)("%s line, own type %j → %s", (line, own, type) => {
    expect(downloadType(line, own)).toBe(type);
  });
});
