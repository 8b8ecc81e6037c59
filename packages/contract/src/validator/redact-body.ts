/**
 * Keeping secrets out of recorded bodies. The accounts server's traffic carries credentials in its
 * bodies rather than its headers: a refresh grant posts `client_secret` and `refresh_token` as form
 * fields (URL-encoded, or multipart as Zoho's SDKs send it), and the answer holds `access_token`
 * in JSON. Each value is redacted where it stands, and handed back so that it can be scrubbed from
 * every other place it turns up (a later request's header, a report line).
 */
import { isSecretName, REDACTED } from "./redact.js";

/** A text with its credentials redacted, and the credentials it held. */
export interface RedactedText {
  text: string;
  secrets: string[];
}

/** A form field holds a credential: a token-like name, or an authorization grant's `code`. */
export function isSecretField(name: string): boolean {
  return isSecretName(name) || name.toLowerCase() === "code";
}

// Every credential name (see isSecretName) holds one of these words, unless its name is escaped.
const MAYBE_SECRET = /token|secret|client_id|password|\\u/i;
// A JSON member whose value is a string: its name (group 1) and its raw value (group 2).
const MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

/**
 * Redacts the string value of every member with a credential's name, at any depth, leaving every
 * other byte of the text as it was (so the rest of a recording stays byte for byte).
 */
export function redactJsonText(text: string): RedactedText {
  // Most answers name no credential at all: a cheap look first spares them the full scan.
  if (!MAYBE_SECRET.test(text)) return { text, secrets: [] };
  const secrets: string[] = [];
  const redacted = text.replace(MEMBER, (whole, name: string, colon: string, value: string) => {
    if (!isSecretName(jsonString(name)) || value === REDACTED) return whole;
    secrets.push(jsonString(value));
    return `"${name}"${colon}"${REDACTED}"`;
  });
  return { text: redacted, secrets };
}

/** Redacts the values of credential fields in an `application/x-www-form-urlencoded` body. */
export function redactFormText(text: string): RedactedText {
  const params = new URLSearchParams(text);
  const secrets: string[] = [];
  let changed = false;
  for (const [name, value] of [...params]) {
    if (!isSecretField(name) || value === REDACTED) continue;
    secrets.push(value);
    params.set(name, REDACTED);
    changed = true;
  }
  return { text: changed ? params.toString() : text, secrets };
}

/** The value of a form field as it may be kept. */
export function redactField(name: string, value: string): string {
  return isSecretField(name) ? REDACTED : value;
}

/** A JSON string's raw text (between its quotes) as the string it stands for. */
function jsonString(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
