/**
 * The request paths the typed methods build, taken from the spec: each template is the path of one
 * of the spec's operations (`apiOperations`), typed `keyof paths` (the generated openapi `paths`),
 * and `fill` takes exactly the path parameters the spec declares for it. So a path the spec drops or
 * a parameter it renames breaks this package's build instead of a request at run time.
 *
 * Filling is a few string joins: each template is split at its parameters once per version, since
 * the list call is the client's hot path.
 */
import { type ApiLine, type ApiVersion, apiOperations, pathForVersion, type paths } from "@zcrm-attachments/types";

/** A path of the spec, such as `/crm/v8/{module}/{record_id}/Attachments`. */
export type SpecPath = keyof paths;

/** The path parameters the spec declares for `P`, as the strings that go into the URL. */
export type PathParams<P extends SpecPath> = { [K in keyof paths[P]["parameters"]["path"]]-?: string };

/** The three resources the client calls, per line: the attachments of a record, one attachment, its photo. */
export const specPaths = {
  v2: {
    attachments: apiOperations.listAttachmentsV2.path,
    attachment: apiOperations.downloadAttachmentV2.path,
    photo: apiOperations.getPhotoV2.path,
  },
  current: {
    attachments: apiOperations.listAttachments.path,
    attachment: apiOperations.downloadAttachment.path,
    photo: apiOperations.getPhoto.path,
  },
} as const satisfies Record<ApiLine, Record<string, SpecPath>>;

// A template at one version, split at its parameters: literal, name, literal, name, ..., literal.
const compiled = new Map<string, readonly string[]>();

/** Splits `template` (a spec path, or any `/crm/<version>/` path) at its `{parameters}`, with `version` in place. */
export function compileTemplate(template: string, version: ApiVersion): readonly string[] {
  const key = `${version} ${template}`;
  let parts = compiled.get(key);
  if (parts === undefined) {
    parts = pathForVersion(template, version).split(/\{([^{}]+)\}/);
    compiled.set(key, parts);
  }
  return parts;
}

/** The path of `template` at `version`, each parameter percent-encoded: `/crm/v5/Leads/1/Attachments`. */
export function fill<P extends SpecPath>(template: P, version: ApiVersion, params: PathParams<P>): string {
  const parts = compileTemplate(template, version);
  const values = params as Readonly<Record<string, string>>;
  let path = parts[0] ?? "";
  for (let index = 1; index < parts.length; index += 2) {
    path += encodeURIComponent(values[parts[index] ?? ""] ?? "") + (parts[index + 1] ?? "");
  }
  return path;
}

/** Serializes a list query; the comma-separated lists (`fields`, `ids`) keep their commas literal, as in Zoho's samples. */
export function serializeQuery(query: object): string {
  let search = "";
  for (const name in query) {
    const value: unknown = (query as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const encoded = encodeURIComponent(String(value));
    const list = name === "fields" || name === "ids";
    search += `${search === "" ? "" : "&"}${name}=${list ? encoded.replaceAll("%2C", ",") : encoded}`;
  }
  return search;
}

/** Appends a query string (already encoded) to a path, when there is one. */
export function withQuery(path: string, query: string): string {
  return query === "" ? path : `${path}?${query}`;
}
