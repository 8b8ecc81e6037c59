/**
 * The checks a link attachment passes before it is sent: an absolute http(s) URL as the contract
 * defines it (`isAttachmentUrl` of the types package, the rule the mock applies too), and a title
 * within its length that exists only from the version the spec names (`since.uploadAttachment.title`).
 * The limits come from the spec (`limits.link`); the messages say what to change.
 */
import { isAttachmentUrl, limits, since, versionAtLeast } from "@zcrm-attachments/types";
import type { ApiVersion } from "../api-versions.js";
import { ZohoInputError } from "../errors/errors.js";

// Whitespace and control characters are not allowed anywhere in a URI (RFC 3986).
const NOT_IN_URI = /[\s\u0000-\u001f\u007f]/;

/** Returns true when `version` takes a link title. */
export function supportsLinkTitle(version: ApiVersion): boolean {
  return versionAtLeast(version, since.uploadAttachment.title);
}

/** Checks a link URL and returns it as given. */
export function checkLinkUrl(url: unknown): string {
  if (typeof url !== "string" || url === "") {
    throw new ZohoInputError(
      "url",
      `url must be the link to attach, such as "https://www.zohocorp.com" (got ${typeof url === "string" ? "an empty string" : typeof url}).`,
    );
  }
  if (url.length > limits.link.urlMaxLength) {
    throw new ZohoInputError(
      "url",
      `url is ${url.length} characters long; Zoho takes links of at most ${limits.link.urlMaxLength}. Shorten it first.`,
    );
  }
  if (NOT_IN_URI.test(url)) {
    throw new ZohoInputError(
      "url",
      "url holds spaces or control characters: percent-encode them (e.g. with encodeURI) first.",
    );
  }
  // The contract's rule (the spec's AttachmentUrl, which the mock applies too) decides; the checks
  // around it only find the words for what is wrong.
  if (isAttachmentUrl(url)) return url;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
    throw new ZohoInputError(
      "url",
      `url must be an http or https link (got a ${scheme}: URL). To upload a file, use uploadAttachment.`,
    );
  }
  throw new ZohoInputError(
    "url",
    `url must be an absolute URL with its scheme and host, such as "https://www.zohocorp.com" (got ${JSON.stringify(url.slice(0, 80))}).`,
  );
}

/** Checks an optional link title against the version; returns it unchanged. */
export function checkLinkTitle(title: string | undefined, version: ApiVersion): string | undefined {
  if (title === undefined) return undefined;
  if (!supportsLinkTitle(version)) {
    throw new ZohoInputError(
      "title",
      `title needs API ${since.uploadAttachment.title} or later (this client uses ${version}): leave it out, and Zoho uses the linked page's title.`,
    );
  }
  // Counted in code points, as JSON Schema's maxLength counts.
  const length = [...title].length;
  if (title.trim() === "" || length > limits.link.titleMaxLength) {
    throw new ZohoInputError(
      "title",
      `title must hold 1 to ${limits.link.titleMaxLength} characters (got ${title.trim() === "" ? "an empty title" : `${length}`}).`,
    );
  }
  return title;
}
