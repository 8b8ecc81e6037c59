/**
 * The shape of one recorded HTTP exchange, as the validator reads it. Bodies of files are never
 * held whole: a request body is summarised (its size and, for multipart, its parts), and a binary
 * response body may be given as a count and a hash of the bytes that went past.
 */

export type HeaderValues = Record<string, string | string[] | undefined>;

/** One part of a multipart/form-data request body. */
export interface FormPart {
  /** The part's field name (`name=` of its Content-Disposition). */
  name: string;
  /** Present when the part is a file (`filename=`), even if empty. */
  fileName?: string;
  /** The part's own Content-Type, if it had one. */
  contentType?: string;
  /** Bytes of the part's content. */
  bytes: number;
  /** Hex SHA-256 of a file part's content, when the recorder computed it. */
  sha256?: string;
  /** The content of a non-file part, as text (kept only up to a small limit). */
  value?: string;
}

/** What a request carried as its body, as far as the recorder or the recording saw it. */
export interface RequestBody {
  /** Bytes sent, when counted. */
  bytes?: number;
  /** The parts, when the body was multipart/form-data and could be read. */
  parts?: FormPart[];
  /**
   * False while a streamed body is still being sent, or when its parts could not be read; the
   * validator then judges nothing about it.
   */
  complete: boolean;
  /** Why the multipart framing could not be read, if it could not. */
  problem?: string;
}

/** The bytes of a response body that went past the recorder without being kept. */
export interface ReceivedBody {
  bytes: number;
  /** Hex SHA-256 of the bytes, once the body was read to its end. */
  sha256?: string;
  /** True once the body was read to its end; until then `bytes` is a running count. */
  complete: boolean;
}

/** A request and the response it got, as recorded. */
export interface Exchange {
  request: {
    method: string;
    /** The path, or a whole URL (its query is read too). */
    path: string;
    /** Where the request went (`https://www.zohoapis.eu`), when the recording knows; reports use it in curl lines. */
    origin?: string;
    query?: Record<string, string | string[]>;
    headers?: HeaderValues;
    /** The body sent: null when there was none, undefined when it was not recorded. */
    body?: RequestBody | null | undefined;
  };
  response: {
    status: number;
    headers?: HeaderValues;
    /** Parsed JSON, raw text, bytes, or undefined for no body (or a body given by `received`). */
    body?: unknown;
    /** Size (and hash) of a body that was streamed rather than kept. */
    received?: ReceivedBody;
  };
}

/** Reads one header of a recorded header set, case-insensitively; repeated values are joined. */
export function headerValue(headers: HeaderValues | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value.join(", ") : value;
  }
  return undefined;
}

/** A URL's query as a record; a repeated key keeps every value. */
export function queryRecord(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return query;
}
