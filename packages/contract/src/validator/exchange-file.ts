/**
 * Reads recorded exchanges from a file: one exchange as JSON
 * (`{"request":{...},"response":{...}}`), an array of them, or a HAR log with any number of entries
 * (see har-entry.ts). A file that cannot be used at all throws; an entry that cannot be read is
 * returned as a problem with its place in the file, so the other entries are still checked.
 */
import { readFile } from "node:fs/promises";
import type { Exchange } from "./exchange.js";
import { fromHarEntry } from "./har-entry.js";
import { isObject } from "./spec.js";

/** An exchange with a label saying where in the file it came from. */
export interface LabelledExchange {
  label: string;
  exchange: Exchange;
}

/** An entry of a recording that could not be read as an exchange, and why. */
export interface UnreadableEntry {
  label: string;
  problem: string;
}

/** One entry of a recording: an exchange, or the reason it could not be read. */
export type RecordingEntry = LabelledExchange | UnreadableEntry;

/**
 * Parses the file's entries. `name` is how labels and messages name the file (the path as the
 * user typed it); throws an Error when the file cannot be read, is not JSON, or holds no entries.
 */
export async function readExchanges(file: string, name = file): Promise<RecordingEntry[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} is not JSON: ${(error as Error).message}`);
  }
  return parseExchanges(parsed, name);
}

/** Accepts the same shapes as readExchanges, already parsed. */
export function parseExchanges(parsed: unknown, source = "input"): RecordingEntry[] {
  if (isObject(parsed) && isObject(parsed.log) && Array.isArray(parsed.log.entries)) {
    const entries = parsed.log.entries as unknown[];
    if (entries.length === 0) throw new Error(`${source} is a HAR file with no entries`);
    return entries.map((entry, i) => read(`${source} entry ${i + 1}`, () => fromHarEntry(entry)));
  }
  if (Array.isArray(parsed) && parsed.length === 0) throw new Error(`${source} holds an empty list of exchanges`);
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((item, i) => read(Array.isArray(parsed) ? `${source} [${i}]` : source, () => checkExchange(item)));
}

/** True for an entry that was read as an exchange. */
export function isReadable(entry: RecordingEntry): entry is LabelledExchange {
  return "exchange" in entry;
}

function read(label: string, make: () => Exchange): RecordingEntry {
  try {
    return { label, exchange: make() };
  } catch (error) {
    return { label, problem: (error as Error).message };
  }
}

function checkExchange(value: unknown): Exchange {
  const problem = (what: string) =>
    new Error(
      `${what}. Expected {"request":{"method","path","query","headers"},"response":{"status","headers","body"}} or a HAR file.`,
    );
  if (!isObject(value)) throw problem("not an object");
  const { request, response } = value;
  if (!isObject(request) || typeof request.method !== "string" || typeof request.path !== "string") {
    throw problem("request.method and request.path must be strings");
  }
  if (!isObject(response) || typeof response.status !== "number") throw problem("response.status must be a number");
  const exchange = value as unknown as Exchange;
  // A whole URL as the path says where the request went, which a curl line needs.
  if (
    exchange.request.origin === undefined &&
    /^https?:\/\//i.test(exchange.request.path) &&
    URL.canParse(exchange.request.path)
  )
    return { ...exchange, request: { ...exchange.request, origin: new URL(exchange.request.path).origin } };
  return exchange;
}
