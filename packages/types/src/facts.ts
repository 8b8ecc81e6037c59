/**
 * Zoho's facts as the spec states them (generated into ./generated/facts.gen.ts), and the few
 * functions every package needs over them: which line a version belongs to, whether a version has
 * a feature, and which spec path serves a request path. The client, the mock and the contract read
 * these instead of keeping their own copies, so a new API version is a spec change only.
 */
import { apiLines, type apiOperations, apiVersions, limits, moduleSince } from "./generated/facts.gen.js";

export {
  apiLines,
  apiOperations,
  apiVersions,
  knownModules,
  limits,
  moduleSince,
  operationKinds,
  since,
} from "./generated/facts.gen.js";

/** A Zoho CRM API version, as it appears in the request path. */
export type ApiVersion = (typeof apiVersions)[number];

/** A line of the contract: "v2" (v2, v2.1) or "current" (v3 to v8). */
export type ApiLine = keyof typeof apiLines;

/** The versions a line serves. */
export type VersionOfLine<L extends ApiLine> = (typeof apiLines)[L]["versions"][number];

/** The line that serves version `V` (distributes over a union of versions). */
export type LineOf<V extends ApiVersion> = V extends unknown
  ? { [L in ApiLine]: V extends VersionOfLine<L> ? L : never }[ApiLine]
  : never;

type DropUntil<T extends readonly unknown[], S> = T extends readonly [infer Head, ...infer Rest]
  ? Head extends S
    ? T
    : DropUntil<Rest, S>
  : [];

/** The versions from `S` on: `VersionsSince<"v7">` is "v7" | "v8". */
export type VersionsSince<S extends ApiVersion> = DropUntil<typeof apiVersions, S>[number];

/** An operationId of the spec (`listAttachments`, `listAttachmentsV2`, ...). */
export type OperationId = keyof typeof apiOperations;

/** One of the operations, by its current-line operationId; the same on every line. */
export type OperationKind = (typeof apiOperations)[OperationId]["kind"];

const rank = new Map<string, number>(apiVersions.map((version, index) => [version, index]));
const lineByVersion = new Map<string, ApiLine>();
for (const line of Object.keys(apiLines) as ApiLine[]) {
  for (const version of apiLines[line].versions) lineByVersion.set(version, line);
}

/** True when `value` is one of the API versions the contract serves. */
export function isApiVersion(value: unknown): value is ApiVersion {
  return typeof value === "string" && rank.has(value);
}

/** The line that serves `version`. */
export function lineOf<V extends ApiVersion>(version: V): LineOf<V> {
  return lineByVersion.get(version) as LineOf<V>;
}

/** True when `version` is `since` or later; an absent threshold means "every version". */
export function versionAtLeast(version: ApiVersion, since: ApiVersion | undefined): boolean {
  return since === undefined || (rank.get(version) ?? -1) >= (rank.get(since) ?? Number.POSITIVE_INFINITY);
}

/** The version a known module arrived in on a line, when it came after the line's first version. */
export function moduleSinceOn(line: ApiLine, module: string): ApiVersion | undefined {
  const table: Readonly<Record<string, ApiVersion>> | undefined = (
    moduleSince as Partial<Record<ApiLine, Record<string, ApiVersion>>>
  )[line];
  return table?.[module];
}

/**
 * The version segment of a request path (`/crm/v5/Leads/...` → "v5"), or undefined when the path
 * does not start with `/crm/<a version the contract serves>/`.
 */
export function versionOfPath(path: string): ApiVersion | undefined {
  if (!path.startsWith("/crm/")) return undefined;
  const end = path.indexOf("/", 5);
  const segment = end === -1 ? undefined : path.slice(5, end);
  return segment !== undefined && isApiVersion(segment) ? segment : undefined;
}

/**
 * The path the spec writes a request path under: its version segment swapped for its line's
 * (`/crm/v2.1/...` → `/crm/v2/...`, `/crm/v5/...` → `/crm/v8/...`). Undefined for a path whose
 * version the contract does not serve (v1, v9, v2.2) or that is no `/crm/` path at all.
 */
export function specPathFor(path: string): string | undefined {
  const version = versionOfPath(path);
  if (version === undefined) return undefined;
  const { specVersion } = apiLines[lineOf(version)];
  return version === specVersion ? path : `/crm/${specVersion}${path.slice(5 + version.length)}`;
}

/** A spec path (or template) rewritten for `version`: `/crm/v8/{module}/...` at v5 → `/crm/v5/{module}/...`. */
export function pathForVersion(specPath: string, version: ApiVersion): string {
  const current = versionOfPath(specPath);
  if (current === undefined) throw new Error(`${specPath} is not a /crm/<version>/ path of the spec`);
  return `/crm/${version}${specPath.slice(5 + current.length)}`;
}

const linkForm = new RegExp(limits.link.urlPattern, "u");

/**
 * True for a link Zoho takes as an attachment: an absolute http(s) URL with a host, no spaces or
 * control characters, at most `limits.link.urlMaxLength` characters (the spec's AttachmentUrl).
 */
export function isAttachmentUrl(url: string): boolean {
  return url.length <= limits.link.urlMaxLength && linkForm.test(url);
}

/**
 * True when a file name ends in an extension Zoho refuses (`.exe`), in any case. Trailing dots and
 * spaces are ignored first, as Windows ignores them, so `x.EXE ` and `x.exe.` count too.
 */
export function hasRefusedExtension(name: string): boolean {
  const trimmed = name.replace(/[. ]+$/, "").toLowerCase();
  return limits.attachment.refusedExtensions.some((extension) => trimmed.endsWith(extension));
}

/**
 * Names under which Zoho's OAuth flows carry a credential: query parameters of the accounts server
 * and of older API calls (`authtoken`, `access_token`), the fields of a token request's form, and
 * the members of a token answer. Matched whole and case-insensitively. `code` (the authorization
 * code of a grant) is left out: in a JSON answer it is Zoho's status code, which is no secret.
 */
export const credentialNames = [
  "access_token",
  "refresh_token",
  "id_token",
  "client_id",
  "client_secret",
  "password",
  "authtoken",
] as const;

const CREDENTIAL_NAME = new Set<string>(credentialNames);

/** Whether a query parameter, form field or JSON member of this name holds a credential. */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.has(name.toLowerCase());
}
