/**
 * The API versions the client speaks and the two "lines" the contract describes them with.
 * v2 and v2.1 share the spec's `/crm/v2/...` operation; v3 to v8 share `/crm/v8/...`.
 */

/** Every API version the client can call, oldest first. */
export const apiVersions = ["v2", "v2.1", "v3", "v4", "v5", "v6", "v7", "v8"] as const;

/** A Zoho CRM API version, as it appears in the request path. */
export type ApiVersion = (typeof apiVersions)[number];

/** The versions served by the spec's v2 operation. */
export type V2LineVersion = "v2" | "v2.1";

/** The versions that accept `page_token` (v7 and later). */
export type PageTokenVersion = "v7" | "v8";

/** Which line of the contract a version belongs to: "v2" (v2, v2.1) or "current" (v3 to v8). */
export type ApiLine<V extends ApiVersion = ApiVersion> = V extends V2LineVersion ? "v2" : "current";

/** The version used when `apiVersion` is left out. */
export const defaultApiVersion = "v8" satisfies ApiVersion;

/** Returns true when `value` is one of the supported API versions. */
export function isApiVersion(value: unknown): value is ApiVersion {
  return typeof value === "string" && (apiVersions as readonly string[]).includes(value);
}

/** Returns the contract line a version belongs to. */
export function lineOf<V extends ApiVersion>(version: V): ApiLine<V> {
  return (version === "v2" || version === "v2.1" ? "v2" : "current") as ApiLine<V>;
}

/** Returns true when the version accepts `page_token` (v7 and later). */
export function supportsPageToken(version: ApiVersion): boolean {
  return version === "v7" || version === "v8";
}
