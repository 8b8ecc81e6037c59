/**
 * A strict reader of Content-Disposition (RFC 6266, with RFC 8187 `filename*`), so the suite can
 * say exactly why a download's header is unusable instead of guessing a name out of it.
 *
 * Why not jshttp's content-disposition, which the client and the mock use to write the header: its
 * `parse()` is strict about syntax but cannot do a validator's job. It says only "invalid parameter
 * format" where this names the parameter and the fault (an unterminated quoted string, a value
 * that is missing, a charset RFC 8187 does not allow); it decodes malformed UTF-8 in `filename*`
 * into U+FFFD where a validator must refuse it; and it folds `filename*` into `filename`, so a
 * report cannot say which the server sent. It is faster (bench/parsers.ts: about 0.65 µs a header
 * against about 1 µs here, on 2 shared cores), which does not matter at one header per download.
 */

/** A parsed Content-Disposition header. */
export interface ContentDisposition {
  /** The disposition type, lower-cased: "attachment", "inline", "form-data", ... */
  type: string;
  /** Parameters by lower-cased name; `filename*` and other extended values are decoded. */
  parameters: Record<string, string>;
  /** The file name a client should use: `filename*` when present, else `filename`. */
  fileName?: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;
const EXT_VALUE = /^([!#$%&+^_`{}~0-9A-Za-z-]*)'([A-Za-z0-9-]*)'((?:%[0-9A-Fa-f]{2}|[!#$&+.^_`|~0-9A-Za-z-])*)$/;

/** Parses the header; throws an Error saying what is malformed. */
export function parseContentDisposition(header: string): ContentDisposition {
  let rest = header.trim();
  const type = TOKEN.exec(rest)?.[0];
  if (!type) throw new Error(`it does not start with a disposition type: ${JSON.stringify(header)}`);
  rest = rest.slice(type.length);
  const parameters: Record<string, string> = {};
  for (rest = rest.trimStart(); rest !== ""; rest = rest.trimStart()) {
    if (!rest.startsWith(";")) throw new Error(`expected ";" before ${JSON.stringify(rest.slice(0, 20))}`);
    rest = rest.slice(1).trimStart();
    if (rest === "") break; // a trailing ";" is common and harmless
    const name = TOKEN.exec(rest)?.[0];
    if (!name) throw new Error(`expected a parameter name at ${JSON.stringify(rest.slice(0, 20))}`);
    rest = rest.slice(name.length).trimStart();
    if (!rest.startsWith("=")) throw new Error(`parameter ${name} has no value`);
    rest = rest.slice(1).trimStart();
    const [raw, after] = readValue(rest, name);
    rest = after;
    const key = name.toLowerCase();
    if (key in parameters) throw new Error(`parameter ${name} appears twice`);
    parameters[key] = key.endsWith("*") ? decodeExtValue(raw, name) : raw;
  }
  const fileName = parameters["filename*"] ?? parameters.filename;
  return fileName === undefined
    ? { type: type.toLowerCase(), parameters }
    : { type: type.toLowerCase(), parameters, fileName };
}

function readValue(input: string, name: string): [string, string] {
  if (!input.startsWith('"')) {
    // Extended values may hold ' and %, which a plain token also allows.
    const token = TOKEN.exec(input)?.[0];
    if (!token) throw new Error(`parameter ${name} has an empty or malformed value`);
    return [token, input.slice(token.length)];
  }
  let value = "";
  for (let i = 1; i < input.length; i++) {
    const ch = input[i] as string;
    if (ch === "\\") {
      const next = input[i + 1];
      if (next === undefined) break;
      value += next;
      i++;
    } else if (ch === '"') {
      return [value, input.slice(i + 1)];
    } else if (ch.charCodeAt(0) < 0x20 && ch !== "\t") {
      throw new Error(`parameter ${name} holds a control character`);
    } else {
      value += ch;
    }
  }
  throw new Error(`parameter ${name} has an unterminated quoted string`);
}

function decodeExtValue(raw: string, name: string): string {
  const match = EXT_VALUE.exec(raw);
  if (!match) throw new Error(`${name} is not charset'language'percent-encoded-value: ${JSON.stringify(raw)}`);
  const charset = (match[1] ?? "").toLowerCase();
  const bytes = percentDecode(match[3] ?? "");
  if (charset === "utf-8") {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new Error(`${name} is not valid UTF-8 once decoded`);
    }
  }
  if (charset === "iso-8859-1") return String.fromCharCode(...bytes);
  throw new Error(`${name} uses charset ${JSON.stringify(match[1])}; RFC 8187 allows UTF-8 and ISO-8859-1`);
}

function percentDecode(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "%") {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Uint8Array.from(bytes);
}
