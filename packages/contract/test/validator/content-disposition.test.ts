import { describe, expect, it } from "vitest";
import { parseContentDisposition } from "../../src/validator/content-disposition.js";

describe("parseContentDisposition", () => {
  it.each([
    ['attachment; filename="Quote.pdf"', "Quote.pdf"],
    ["attachment;filename=Quote.pdf", "Quote.pdf"],
    ['inline; filename="a \\"quoted\\" name.txt"', 'a "quoted" name.txt'],
    // filename* wins over filename, whichever comes first.
    [
      `attachment; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E6%97%A5%E6%9C%AC.pdf; filename="Resume.pdf"`,
      "Résumé 日本.pdf",
    ],
    [`attachment; filename="Resume.pdf"; filename*=utf-8'ja'R%C3%A9sum%C3%A9.pdf`, "Résumé.pdf"],
    ["attachment; filename*=ISO-8859-1''caf%E9.txt", "café.txt"],
    ['attachment; filename="x.txt";', "x.txt"],
  ])("reads the file name of %s", (header, name) => {
    expect(parseContentDisposition(header).fileName).toBe(name);
  });

  it("keeps the type and every parameter", () => {
    expect(parseContentDisposition('form-data; name="file"; filename="a.bin"')).toEqual({
      type: "form-data",
      parameters: { name: "file", filename: "a.bin" },
      fileName: "a.bin",
    });
    expect(parseContentDisposition("INLINE").fileName).toBeUndefined();
  });

  it.each([
    ['; filename="x.pdf"', "does not start with a disposition type"],
    ['filename="x.pdf"', 'expected ";" before "=\\"x.pdf'],
    ['attachment filename="x.pdf"', 'expected ";"'],
    ['attachment; filename="x.pdf', "unterminated quoted string"],
    ["attachment; filename", "has no value"],
    ["attachment; filename=", "empty or malformed value"],
    ['attachment; filename="a"; filename="b"', "appears twice"],
    ["attachment; filename*=R%C3%A9sum%C3%A9.pdf", "is not charset'language'percent-encoded-value"],
    ["attachment; filename*=UTF-8''%FF%FE.pdf", "is not valid UTF-8"],
    ["attachment; filename*=Shift_JIS''%82%A0.txt", "RFC 8187 allows UTF-8 and ISO-8859-1"],
  ])("rejects %s", (header, reason) => {
    expect(() => parseContentDisposition(header)).toThrow(reason);
  });
});
