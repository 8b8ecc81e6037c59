/**
 * What each Zoho error code means and what a person at the terminal can do about it, worded for the
 * CLI's flags (the client README's error table says the same for code). Zoho adds codes, so an
 * unknown one simply gets no hint; `HTTP_<status>` covers bodies that were not Zoho's.
 */

/** The meaning of an error code and the fix, as printed under the error. */
export interface ErrorHint {
  meaning: string;
  fix: string;
}

const hints: Record<string, ErrorHint> = {
  INVALID_MODULE: {
    meaning: "the module does not exist, the user cannot open its tab, or the API does not serve it",
    fix: "give the module's API name (Setup > Developer Hub > APIs lists them) and check the profile's module rights",
  },
  INVALID_DATA: {
    meaning: "an id or a value is wrong: details.resource_path_index 1 is the record id, 3 the attachment id",
    fix: "check the record and attachment ids (`zcrm-attachments list <module> <recordId>` shows the attachments)",
  },
  REQUIRED_PARAM_MISSING: {
    meaning: "a parameter Zoho needs was not sent",
    fix: "report it: the CLI always sends what the version needs",
  },
  AUTHORIZATION_FAILED: {
    meaning: "the user's profile may not do this with attachments",
    fix: "grant the permission in the user's profile, or use another user's token",
  },
  INVALID_TOKEN: {
    meaning: "the access token expired or was revoked",
    fix: "get a new token, or give ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_REFRESH_TOKEN so the CLI refreshes it",
  },
  OAUTH_SCOPE_MISMATCH: {
    meaning: "the token lacks the scope this call needs",
    fix: "issue it with ZohoCRM.modules.attachments.ALL and the module's scope, or ZohoCRM.modules.ALL",
  },
  AUTHENTICATION_FAILURE: {
    meaning: "no usable token reached Zoho",
    fix: "check that a proxy in between does not strip the Authorization header",
  },
  NO_PERMISSION: {
    meaning: "the user may not do this (details.permissions names what is missing)",
    fix: "grant the listed permissions to the user's profile",
  },
  INVALID_URL_PATTERN: {
    meaning: "the URL matches no Zoho endpoint, or the link to attach is malformed",
    fix: "check --api-domain, --dc and --api-version (and the link, for `link`)",
  },
  DOWNLOAD_NOT_ALLOWED: {
    meaning: "the attachment is a link: it has no bytes to download",
    fix: "read its URL with `zcrm-attachments list --json` ($link_url)",
  },
  DUPLICATE_DATA: {
    meaning: "the record already has this link",
    fix: "nothing to do; `zcrm-attachments list` shows the existing one",
  },
  FILE_SIZE_MORE_THAN_ALLOWED_SIZE: {
    meaning: "the file is larger than Zoho takes",
    fix: "compress or split it",
  },
  BODY_SIZE_REACHED: { meaning: "the request body is larger than Zoho takes", fix: "compress or split the file" },
  FILE_SIZE_EXCEEDS: { meaning: "the photo is larger than Zoho takes", fix: "scale the image down" },
  FILE_RESOLUTION_EXCEEDS: { meaning: "the photo has too many pixels", fix: "scale the image down" },
  TOO_MANY_REQUESTS: {
    meaning: "too many calls at once for the org's edition, or its API credits for the last 24 hours are spent",
    fix: "lower --concurrency, or wait; an export resumes where it stopped",
  },
  NO_CONTENT: {
    meaning: "Zoho answered 204: there is nothing to download",
    fix: "check the attachment id (or the record has no photo)",
  },
  INTERNAL_ERROR: { meaning: "Zoho failed", fix: "try again later" },
  SERVICE_UNAVAILABLE: { meaning: "Zoho is unavailable for now", fix: "try again later" },
  INVALID_RESPONSE: {
    meaning: "the answer was not shaped like Zoho CRM's",
    fix: "check that --api-domain points at Zoho CRM (https://www.zohoapis.<tld>)",
  },
  STORAGE_SPACE_EXCEEDED: {
    meaning: "the org's file storage is full",
    fix: "free space (delete attachments) or buy more storage",
  },
  VIRUS_DETECTED: { meaning: "Zoho's scan found malware in the file", fix: "do not retry; check the file" },
  RECORD_LOCKED: { meaning: "the record is locked", fix: "unlock the record in Zoho CRM, then retry" },
  API_NOT_SUPPORTED: {
    meaning: "this version of the API does not offer the call",
    fix: "pick the version details.supported_version names, with --api-version",
  },
};

/** The hint for a Zoho error code, if the CLI knows one. */
export function hintFor(code: string): ErrorHint | undefined {
  if (Object.hasOwn(hints, code)) return hints[code];
  if (/^HTTP_\d+$/.test(code)) {
    return {
      meaning: "the answer was not a Zoho error (a proxy or gateway page, or an empty body)",
      fix: "check --api-domain and any proxy between you and Zoho",
    };
  }
  return undefined;
}
