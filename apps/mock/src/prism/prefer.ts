/**
 * The response a request asks Prism for. Mirrors what prism-http-server reads (the `Prefer`
 * header, or the `__code`, `__example`, `__dynamic` and `__seed` query parameters when there is no
 * header), so the mock answers the same preferences as bare `prism mock`.
 */
import type { IHttpNameValues, IHttpOperationConfig } from "@stoplight/prism-http";

/** The mock preferences of one request, or why they could not be read. */
export type Preferences = { ok: true; mock: IHttpOperationConfig } | { ok: false; message: string };

const CODE = /^\d{3}$/;
const QUERY_NAMES = ["__code", "__example", "__dynamic", "__seed"] as const;

/** Reads the response a request asks for (`Prefer: code=404, example=name, dynamic=true, seed=x`). */
export function readPreferences(prefer: string | undefined, query: IHttpNameValues): Preferences {
  // A fresh object every time: Prism writes into it (it stores the Accept header's media types).
  const mock: IHttpOperationConfig = { dynamic: false };
  if (prefer !== undefined && prefer !== "") {
    for (const part of prefer.split(",")) {
      const problem = apply(mock, part.split(";", 1)[0] ?? "", "Prefer header");
      if (problem !== undefined) return { ok: false, message: problem };
    }
    return { ok: true, mock };
  }
  for (const name of QUERY_NAMES) {
    const value = query[name];
    if (typeof value !== "string") continue;
    const problem = apply(mock, `${name.slice(2)}=${value}`, `${name} query parameter`);
    if (problem !== undefined) return { ok: false, message: problem };
  }
  return { ok: true, mock };
}

function apply(mock: IHttpOperationConfig, preference: string, source: string): string | undefined {
  const eq = preference.indexOf("=");
  if (eq === -1) return undefined;
  const key = preference.slice(0, eq).trim().toLowerCase();
  let value = preference.slice(eq + 1).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  switch (key) {
    case "code":
      if (!CODE.test(value)) return `${source}: code must be a three-digit HTTP status (got "${value}").`;
      mock.code = Number(value);
      return undefined;
    case "example":
      mock.exampleKey = value;
      return undefined;
    case "dynamic":
      if (value !== "true" && value !== "false") return `${source}: dynamic must be true or false (got "${value}").`;
      mock.dynamic = value === "true";
      return undefined;
    case "seed":
      mock.seed = value;
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Where a request's preferences came from, as the parameter an error names: `Prefer` for the
 * header (which wins when both are sent), else the first of Prism's query parameters present.
 */
export function preferenceSource(prefer: string | string[] | undefined, query: IHttpNameValues): string {
  if (prefer !== undefined && prefer !== "") return "Prefer";
  return QUERY_NAMES.find((name) => typeof query[name] === "string") ?? "Prefer";
}
