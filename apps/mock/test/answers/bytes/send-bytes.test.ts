import { describe, expect, it } from "vitest";
import { asciiFallback, attachmentDisposition } from "../../../src/answers/bytes/send-bytes.js";

describe("attachmentDisposition", () => {
  it.each([
    ["Quote.pdf", 'attachment; filename="Quote.pdf"'],
    [
      "Résumé 日本.txt",
      "attachment; filename=\"Resume __.txt\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E6%97%A5%E6%9C%AC.txt",
    ],
    ["", 'attachment; filename="file"'],
    // Zoho's SDKs cut the name at the last apostrophe, so one goes into filename* as %27.
    ["O'Brien notes.txt", "attachment; filename=\"O_Brien notes.txt\"; filename*=UTF-8''O%27Brien%20notes.txt"],
  ])("%j → %s", (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });

  it("keeps quotes, backslashes and % out of the ASCII fallback", () => {
    expect(asciiFallback("a\"b\\c%d\u0001'.txt")).toBe("a_b_c_d__.txt");
  });
});
