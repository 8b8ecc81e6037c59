/**
 * Reads the file name of a download from its Content-Disposition header (RFC 6266, with RFC 8187 /
 * 5987 `filename*`), and turns a name a server chose into one safe path segment. Parsing never
 * throws: a header the strict parser refuses gets a lenient second look, then gives up with {}.
 */
import contentDisposition from "content-disposition";

/** What a Content-Disposition header says. */
export interface ParsedDisposition {
  /** "attachment", "inline" or another type, lower case. */
  type?: string;
  /** The file name, decoded; `filename*` wins over `filename`. */
  fileName?: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

// Header values reach JavaScript as latin1 byte strings, so a server that puts raw UTF-8 bytes in
// filename="…" (as many do) shows up as mojibake. Bytes that form valid UTF-8 are decoded as such.
function repairUtf8(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(name, "latin1"));
  } catch {
    return name;
  }
}

function decodeExtended(value: string): string | undefined {
  const match = /^([A-Za-z0-9!#$%&+^_`{}~-]+)'[^']*'(.*)$/.exec(value.trim());
  if (match?.[1]?.toLowerCase() !== "utf-8" || match[2] === undefined) return undefined;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return undefined;
  }
}

// For headers the strict parser refuses, e.g. `attachment; filename=my file.pdf` or a trailing ";".
function parseLeniently(header: string): ParsedDisposition {
  const [head = "", ...rest] = header.split(";");
  const type = head.trim().toLowerCase();
  if (!TOKEN.test(type)) return {};
  const params = rest.join(";");
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^;]+)/i.exec(params)?.[1];
  const decoded = extended === undefined ? undefined : decodeExtended(extended);
  if (decoded !== undefined) return { type, fileName: decoded };
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(params)?.[1];
  const plain = quoted === undefined ? /(?:^|;)\s*filename\s*=\s*([^;"]+)/i.exec(params)?.[1]?.trim() : undefined;
  const raw = quoted?.replace(/\\(.)/g, "$1") ?? plain;
  return raw === undefined || raw === "" ? {} : { type, fileName: repairUtf8(raw) };
}

/** Parses a Content-Disposition header; returns {} for a missing or unreadable one. */
export function parseContentDisposition(header: string | null | undefined): ParsedDisposition {
  if (header === null || header === undefined || header.trim() === "") return {};
  let parsed: contentDisposition.ContentDisposition;
  try {
    parsed = contentDisposition.parse(header);
  } catch {
    return parseLeniently(header);
  }
  const name = parsed.parameters.filename;
  if (name === undefined || name === "") return { type: parsed.type };
  // The library has already decoded filename*; only a plain filename can hold raw UTF-8 bytes.
  const fromExtended = /filename\*\s*=/i.test(header);
  return { type: parsed.type, fileName: fromExtended ? name : repairUtf8(name) };
}

// Names Windows reserves whatever the extension; harmless elsewhere, so they are prefixed, not refused.
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i;
const MAX_NAME_BYTES = 255;

// Invisible characters that change how a name is shown: Unicode format characters (bidi embeddings,
// overrides and isolates U+202A-202E and U+2066-2069, zero-width U+200B-200F, U+2060-2064, U+FEFF,
// the soft hyphen ...) and the line and paragraph separators U+2028/2029. "evil\u202Etxt.exe" would
// otherwise show as "evilexe.txt" in a file manager.
const INVISIBLE = /[\p{Cf}\u2028\u2029]/gu;

/**
 * Turns a server-given name into one safe file name: directories stripped, control, invisible
 * (bidi, zero-width) and Windows-reserved characters removed or replaced, "." / ".." / empty
 * replaced by `fallback`, at most 255 bytes.
 */
export function safeFileName(name: string | undefined, fallback = "download"): string {
  const lastSegment = (name ?? "").split(/[/\\]/).pop() ?? "";
  let safe = lastSegment
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(INVISIBLE, "")
    .replace(/[<>:"|?*]/g, "_")
    .trim()
    // Windows drops trailing dots and spaces, which would make "a.txt." and "a.txt" collide.
    .replace(/[. ]+$/, "");
  if (safe === "" || safe === "." || safe === "..") return fallback;
  if (WINDOWS_DEVICE.test(safe)) safe = `_${safe}`;
  return truncateUtf8(safe, MAX_NAME_BYTES);
}

// Cuts from the stem so the extension survives, never splitting a character.
function truncateUtf8(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
  const stem = Array.from(name.slice(0, name.length - extension.length));
  let bytes = Buffer.byteLength(name);
  while (bytes > maxBytes && stem.length > 0) bytes -= Buffer.byteLength(stem.pop() ?? "");
  return stem.join("") + extension;
}
