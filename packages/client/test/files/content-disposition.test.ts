import { describe, expect, it } from "vitest";
import { parseContentDisposition, safeFileName } from "../../src/files/content-disposition.js";

describe("parseContentDisposition", () => {
  it.each([
    {
      case: "quoted filename",
      header: 'attachment; filename="a.pdf"',
      expected: { type: "attachment", fileName: "a.pdf" },
    },
    {
      case: "RFC 5987 filename*",
      header: "attachment; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.pdf",
      expected: { type: "attachment", fileName: "日本語.pdf" },
    },
    {
      case: "both, filename* first",
      header: "attachment; filename*=UTF-8''%E6%97%A5.pdf; filename=\"fallback.pdf\"",
      expected: { type: "attachment", fileName: "日.pdf" },
    },
    {
      case: "both, filename first (filename* still wins)",
      header: "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
      expected: { type: "attachment", fileName: "résumé.pdf" },
    },
    {
      case: "inline with a name",
      header: 'inline; filename="photo.png"',
      expected: { type: "inline", fileName: "photo.png" },
    },
    { case: "inline without a name", header: "inline", expected: { type: "inline" } },
    {
      case: "upper-case type and parameter",
      header: 'Attachment; FileName="A.PDF"',
      expected: { type: "attachment", fileName: "A.PDF" },
    },
    {
      case: "escaped quote",
      header: 'attachment; filename="say \\"hi\\".txt"',
      expected: { type: "attachment", fileName: 'say "hi".txt' },
    },
    {
      case: "unquoted token",
      header: "attachment; filename=a.pdf",
      expected: { type: "attachment", fileName: "a.pdf" },
    },
    {
      case: "bare name with spaces (lenient)",
      header: "attachment; filename=my file 2.pdf",
      expected: { type: "attachment", fileName: "my file 2.pdf" },
    },
    {
      case: "trailing semicolon (lenient)",
      header: 'attachment; filename="a.pdf";',
      expected: { type: "attachment", fileName: "a.pdf" },
    },
    {
      case: "unsupported charset falls back to filename",
      header: "attachment; filename*=Shift_JIS''%82%A0; filename=\"plain.txt\"",
      expected: { type: "attachment", fileName: "plain.txt" },
    },
    // Headers arrive as latin1 byte strings; raw UTF-8 bytes in filename="…" are decoded as UTF-8.
    {
      case: "raw UTF-8 bytes in a quoted filename",
      header: `attachment; filename="${Buffer.from("日本語.pdf").toString("latin1")}"`,
      expected: { type: "attachment", fileName: "日本語.pdf" },
    },
    {
      case: "latin1 that is not UTF-8 stays as is",
      header: `attachment; filename="caf\u00e9.txt"`,
      expected: { type: "attachment", fileName: "café.txt" },
    },
  ])("$case", ({ header, expected }) => {
    expect(parseContentDisposition(header)).toEqual(expected);
  });

  it.each([
    { case: "missing (null)", header: null },
    { case: "empty", header: "" },
    { case: "garbage", header: '=;;="' },
    { case: "type not a token", header: "at tach ment; filename=a.pdf" },
    { case: "bad percent-encoding only", header: "attachment; filename*=UTF-8''%E6%ZZ.pdf;;" },
  ])("returns {} for $case", ({ header }) => {
    expect(parseContentDisposition(header)).toEqual({});
  });

  it("keeps the type when there is no file name", () => {
    expect(parseContentDisposition("attachment")).toEqual({ type: "attachment" });
  });
});

describe("safeFileName", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\me\\evil.txt", "evil.txt"],
    ["/absolute/path/name.txt", "name.txt"],
    ["tab\there\u0000.txt", "tabhere.txt"],
    ['a<b>c:d"e|f?g*h.txt', "a_b_c_d_e_f_g_h.txt"],
    ["trailing dots...", "trailing dots"],
    ["  spaced  ", "spaced"],
    ["CON", "_CON"],
    ["nul.txt", "_nul.txt"],
    ["日本語.pdf", "日本語.pdf"],
    [".hidden", ".hidden"],
  ])("%j becomes %j", (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it.each([
    ["evil\u202Etxt.exe", "eviltxt.exe"],
    ["a\u202Ab\u202Bc\u202Cd\u202De.pdf", "abcde.pdf"],
    ["x\u2066y\u2067z\u2068w\u2069.txt", "xyzw.txt"],
    ["a\u200Bb\u200Cc\u200Dd\u200Ee\u200Ff.txt", "abcdef.txt"],
    ["\uFEFFbom.txt", "bom.txt"],
    ["word\u2060joiner\u2061\u2062\u2063\u2064.txt", "wordjoiner.txt"],
    ["x\u2028y\u2029z.txt", "xyz.txt"],
    ["soft\u00ADhyphen.txt", "softhyphen.txt"],
    ["arabic\u061Cmark.txt", "arabicmark.txt"],
  ])("strips invisible bidi, zero-width and separator characters from %j", (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it.each(["\u202E", "\u200B\u200B", "\u2028.", "\u2066..\u2069"])(
    "falls back when only invisible characters remain (%j)",
    (input) => {
      expect(safeFileName(input, "attachment-1")).toBe("attachment-1");
    },
  );

  it("keeps visible non-ASCII names as they are", () => {
    expect(safeFileName("résumé 履歴書 😀.pdf")).toBe("résumé 履歴書 😀.pdf");
  });

  it.each([".", "..", "", "/", "dir/", "\u0001\u0002", undefined])("replaces %j with the fallback", (input) => {
    expect(safeFileName(input)).toBe("download");
    expect(safeFileName(input, "attachment-1")).toBe("attachment-1");
  });

  it("cuts long names to 255 UTF-8 bytes, keeping the extension and whole characters", () => {
    const safe = safeFileName(`${"日".repeat(200)}.pdf`);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(255);
    expect(safe).toMatch(/^日+\.pdf$/);
    expect(safe.length).toBe(83 + 4); // 83 × 3 bytes + ".pdf" = 253; one more character would make 256
  });
});
