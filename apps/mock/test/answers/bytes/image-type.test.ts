import { describe, expect, it } from "vitest";
import { imageType } from "../../../src/answers/bytes/image-type.js";

describe("imageType", () => {
  it.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image/png"],
    [[0xff, 0xd8, 0xff, 0xdb], "image/jpeg"],
    [[0x47, 0x49, 0x46, 0x38, 0x37, 0x61], "image/gif"],
    [[0x42, 0x4d, 0, 0], "image/bmp"],
    [[0x89, 0x50, 0x4e, 0x47], undefined], // a PNG signature cut short
    [[0x25, 0x50, 0x44, 0x46], undefined], // %PDF
    [[], undefined],
  ])("%j → %s", (bytes, type) => {
    expect(imageType(Uint8Array.from(bytes))).toBe(type);
  });
});
