import { describe, expect, it } from "vitest";
import { MAX_FIELD_BYTES, MultipartScanner, multipartBoundary } from "../../src/validator/multipart-scan.js";

/** Serialises a FormData the way fetch sends it (undici's own encoder). */
async function encode(form: FormData): Promise<{ bytes: Uint8Array; boundary: string }> {
  const request = new Request("http://127.0.0.1/", { method: "POST", body: form });
  const boundary = multipartBoundary(request.headers.get("content-type"));
  if (!boundary) throw new Error("no boundary");
  return { bytes: new Uint8Array(await request.arrayBuffer()), boundary };
}

function scan(bytes: Uint8Array, boundary: string, chunk: number): MultipartScanner {
  const scanner = new MultipartScanner(boundary);
  for (let at = 0; at < bytes.length; at += chunk) scanner.push(bytes.subarray(at, at + chunk));
  return scanner;
}

describe("multipartBoundary", () => {
  it("reads plain and quoted boundaries of multipart/form-data only", () => {
    expect(multipartBoundary("multipart/form-data; boundary=abc")).toBe("abc");
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe("a b:c");
    expect(multipartBoundary("multipart/mixed; boundary=abc")).toBeUndefined();
    expect(multipartBoundary("multipart/form-data")).toBeUndefined();
    expect(multipartBoundary(null)).toBeUndefined();
  });
});

describe("MultipartScanner", () => {
  const fileBytes = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
  const form = new FormData();
  form.append("file", new Blob([fileBytes], { type: "application/pdf" }), "Résumé 日本.pdf");
  form.append("attachmentUrl", "https://www.zohocorp.com/");
  form.append("empty", "");

  it.each([1, 2, 7, 64, 1 << 20])("finds every part whatever the chunk size (%i bytes)", async (chunk) => {
    const { bytes, boundary } = await encode(form);
    const scanner = scan(bytes, boundary, chunk);
    expect(scanner.problem).toBeUndefined();
    expect(scanner.done).toBe(true);
    expect(scanner.parts).toEqual([
      { name: "file", fileName: "Résumé 日本.pdf", contentType: "application/pdf", bytes: 5000 },
      { name: "attachmentUrl", bytes: 25, value: "https://www.zohocorp.com/" },
      { name: "empty", bytes: 0, value: "" },
    ]);
  });

  it("keeps only the first bytes of a long field and none of a file", async () => {
    const big = new FormData();
    big.append("note", "n".repeat(MAX_FIELD_BYTES + 10));
    big.append("file", new Blob([new Uint8Array(3 * 1024 * 1024)]), "zeros.bin");
    const { bytes, boundary } = await encode(big);
    const [note, file] = scan(bytes, boundary, 65536).parts;
    expect(note?.bytes).toBe(MAX_FIELD_BYTES + 10);
    expect(note?.value?.length).toBe(MAX_FIELD_BYTES);
    expect(file).toEqual({
      name: "file",
      fileName: "zeros.bin",
      contentType: "application/octet-stream",
      bytes: 3 * 1024 * 1024,
    });
  });

  it("reports a body cut off before its closing delimiter, and garbage after a delimiter", async () => {
    const { bytes, boundary } = await encode(form);
    const cut = scan(bytes.subarray(0, bytes.length - 40), boundary, 100);
    expect(cut.done).toBe(false);
    const garbage = new TextEncoder().encode(
      `--${boundary}junk\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--${boundary}--\r\n`,
    );
    expect(scan(garbage, boundary, 10).problem).toBe("garbage after a delimiter");
  });

  it("gives up on headers that never end, instead of growing without bound", () => {
    const scanner = new MultipartScanner("b");
    scanner.push(new TextEncoder().encode("--b\r\nX-Long: "));
    for (let i = 0; i < 40; i++) scanner.push(new Uint8Array(1024).fill(0x61));
    expect(scanner.problem).toBe("a part's header block is longer than 16384 bytes");
  });
});
