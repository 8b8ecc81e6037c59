import { AUTH } from "./upload-helpers.js";

/** The Content-Type of Zoho's JSON answers. */
export const ZOHO_JSON = "application/json;charset=UTF-8";

/** What a test reads of an answer: its status, its Content-Type and its body parsed (undefined when empty). */
export interface JsonAnswer {
  status: number;
  type: string | null;
  body: unknown;
}

/** Calls `baseUrl + path` with the test token (and `init`'s headers over it), and reads the answer as JSON. */
export async function jsonCall(baseUrl: string, path: string, init: RequestInit = {}): Promise<JsonAnswer> {
  const res = await fetch(baseUrl + path, {
    ...init,
    headers: { ...AUTH, ...(init.headers as Record<string, string>) },
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    body: text === "" ? undefined : JSON.parse(text),
  };
}
