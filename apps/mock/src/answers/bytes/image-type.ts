/**
 * Which image a file is, by its first bytes: PNG, JPEG, GIF or BMP, the photo types Zoho takes
 * (which ones it takes is the spec's `limits.photo.contentTypes`, checked in upload-rules.ts). The
 * mock decides by the signature, not by the name or the part's Content-Type, which a client can
 * set to anything.
 */

/** How many leading bytes {@link imageType} needs to decide. */
export const IMAGE_SIGNATURE_BYTES = 8;

const SIGNATURES: readonly { type: string; bytes: readonly number[] }[] = [
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/gif", bytes: [0x47, 0x49, 0x46, 0x38] }, // "GIF8", then 7a or 9a
  { type: "image/bmp", bytes: [0x42, 0x4d] }, // "BM"
];

/** The image media type the leading bytes announce, or undefined when they are none of PNG, JPEG, GIF, BMP. */
export function imageType(head: Uint8Array): string | undefined {
  for (const signature of SIGNATURES) {
    if (head.length >= signature.bytes.length && signature.bytes.every((byte, i) => head[i] === byte)) {
      return signature.type;
    }
  }
  return undefined;
}
