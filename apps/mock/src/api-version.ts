// The spec carries one path family per API line (`/crm/v2/...` and `/crm/v8/...`); Zoho's other
// version numbers behave like one of those lines, so their paths are rewritten before Prism routes
// them. Anything else (v1, v9, v2.2, ...) is left alone and ends up an unknown path.

/** The versions each spec path prefix serves, for start-up messages and docs. */
export const SERVED_VERSIONS: Readonly<Record<string, string>> = {
  "/crm/v2/": "v2, v2.1",
  "/crm/v8/": "v3 to v8",
};

const SLASH = 47;
const DIGIT_3 = 51;
const DIGIT_7 = 55;

/** Maps a request path to the spec's path for its API line: `/crm/v2.1/` → `/crm/v2/`, `/crm/v3/`..`/crm/v7/` → `/crm/v8/`. */
export function toSpecPath(path: string): string {
  // Character checks instead of a regex: this runs on every request.
  if (!path.startsWith("/crm/v")) return path;
  if (path.startsWith("/crm/v2.1/")) return `/crm/v2/${path.slice(10)}`;
  const digit = path.charCodeAt(6);
  if (digit >= DIGIT_3 && digit <= DIGIT_7 && path.charCodeAt(7) === SLASH) {
    return `/crm/v8/${path.slice(8)}`;
  }
  return path;
}

/** The versions served by a spec path such as `/crm/v8/{module}/...`, or undefined when it has no known prefix. */
export function versionsServedBy(specPath: string): string | undefined {
  for (const prefix in SERVED_VERSIONS) {
    if (specPath.startsWith(prefix)) return SERVED_VERSIONS[prefix];
  }
  return undefined;
}
