import { describe, expect, it } from "vitest";
import { contentTypeForName, isValidContentType } from "../../src/files/content-types.js";
import {
  formatSize,
  hasRefusedExtension,
  isPhotoContentType,
  MAX_ATTACHMENT_BYTES,
  MAX_PHOTO_BYTES,
  PHOTO_FORMATS,
} from "../../src/files/limits.js";

describe("limits", () => {
  it("reads Zoho's MB as 1024 × 1024 bytes", () => {
    expect(MAX_ATTACHMENT_BYTES).toBe(104_857_600);
    expect(MAX_PHOTO_BYTES).toBe(10_485_760);
  });

  it("names the photo formats as Zoho's docs do, without the type aliases", () => {
    expect(PHOTO_FORMATS).toEqual(["PNG", "JPEG", "JPG", "GIF", "BMP"]);
  });

  it("prints exact bytes next to rounded MB", () => {
    expect(formatSize(MAX_ATTACHMENT_BYTES)).toBe("104857600 bytes (100 MB)");
    expect(formatSize(MAX_ATTACHMENT_BYTES + 1)).toBe("104857601 bytes (100 MB)");
    expect(formatSize(157_286_400)).toBe("157286400 bytes (150 MB)");
  });

  it.each([
    ["setup.exe", true],
    ["SETUP.EXE", true],
    ["setup.Exe. ", true],
    ["setup.exe.zip", false],
    ["exe", false],
    ["notes.txt", false],
  ])("%j refused: %s", (name, refused) => {
    expect(hasRefusedExtension(name)).toBe(refused);
  });

  it.each([
    ["image/png", true],
    ["IMAGE/JPEG", true],
    ["image/jpg", true],
    ["image/gif; foo=bar", true],
    ["image/bmp", true],
    ["image/webp", false],
    ["application/pdf", false],
  ])("%s is a photo type: %s", (type, photo) => {
    expect(isPhotoContentType(type)).toBe(photo);
  });
});

describe("content types", () => {
  it.each([
    ["a.PDF", "application/pdf"],
    ["b.jpeg", "image/jpeg"],
    ["c.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["d.csv", "text/csv"],
    ["e.json", "application/json"],
    ["f.zip", "application/zip"],
    ["g.unknown", undefined],
    ["noext", undefined],
    ["json", undefined],
    [".json", undefined],
    ["IMG_0001.HEIC", "image/heic"],
    ["mail.msg", "application/vnd.ms-outlook"],
    ["archive.7z", "application/x-7z-compressed"],
    ["notes.md", "text/markdown"],
    ["slides.key", "application/vnd.apple.keynote"],
    ["clip.mkv", "video/x-matroska"],
    ["backup.tar.gz", "application/gzip"],
  ])("%s → %s", (name, type) => {
    expect(contentTypeForName(name)).toBe(type);
  });

  it.each([
    ["text/plain", true],
    ["text/plain; charset=utf-8", true],
    ["application/vnd.ms-excel", true],
    ["text", false],
    ["text/plain\r\nX: 1", false],
    ["text/plain; a=\nb", false],
    ["", false],
  ])("%j is valid: %s", (type, valid) => {
    expect(isValidContentType(type)).toBe(valid);
  });
});
