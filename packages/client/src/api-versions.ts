/**
 * The API versions the client speaks and the two "lines" the contract describes them with, as the
 * spec states them (@zcrm-attachments/types): the client keeps no list of its own, so a new version
 * is a spec change. These names are the client's public ones, kept as thin views over the facts.
 */
import {
  apiLines,
  apiVersions,
  type LineOf,
  type ApiVersion as SpecApiVersion,
  since,
  type VersionOfLine,
  type VersionsSince,
  versionAtLeast,
} from "@zcrm-attachments/types";

export { apiVersions, isApiVersion, lineOf } from "@zcrm-attachments/types";

/** A Zoho CRM API version, as it appears in the request path. */
export type ApiVersion = SpecApiVersion;

/** The versions served by the spec's v2 operation. */
export type V2LineVersion = VersionOfLine<"v2">;

/** The versions that accept `page_token`. */
export type PageTokenVersion = VersionsSince<typeof since.listAttachments.page_token>;

/** The versions whose list takes `ids`. */
export type IdsVersion = VersionsSince<typeof since.listAttachments.ids>;

/** The versions whose link uploads take a `title`. */
export type TitleVersion = VersionsSince<typeof since.uploadAttachment.title>;

/** Which line of the contract a version belongs to: "v2" or "current" (distributes over a union). */
export type ApiLine<V extends ApiVersion = ApiVersion> = LineOf<V>;

/** The version used when `apiVersion` is left out: the newest, the one the current line is written for. */
export type DefaultApiVersion = typeof apiLines.current.specVersion;

/** The version used when `apiVersion` is left out. */
export const defaultApiVersion: DefaultApiVersion = apiLines.current.specVersion;

/** Returns true when the version accepts `page_token`. */
export function supportsPageToken(version: ApiVersion): boolean {
  return versionAtLeast(version, since.listAttachments.page_token);
}

/** The versions from `since` on, each quoted, joined by slashes (for a message). */
export function versionsFrom(since: ApiVersion): string {
  return apiVersions
    .filter((version) => versionAtLeast(version, since))
    .map((version) => JSON.stringify(version))
    .join("/");
}
