/**
 * What `zcrm-mock` prints at start-up: where it listens, each operation with the versions its path
 * serves, the token and control endpoints, the mode, and a curl line to paste. It never prints a
 * credential: the user may have configured real-looking ones.
 */
import type { IHttpOperation } from "@stoplight/types";
import { apiLines, lineOf, versionOfPath } from "@zcrm-attachments/types";
import { CONTROL_PREFIX } from "../http/control-api.js";
import { TOKEN_PATH } from "../oauth/token-endpoint.js";
import type { SeedSummary } from "../seed/seed-plan.js";

/** The request of the seed documentation page, ready to paste. */
export const SEED_CURL_PATH = "/crm/v2/Leads/1000000231009/Attachments";
const SEED_TOKEN = "1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf";

/** The start-up message: where the mock listens, what it serves, in which mode (and what was seeded), and a curl line to try it. */
export function startBanner(
  url: string,
  operations: readonly IHttpOperation[],
  stateful = false,
  seeded?: SeedSummary,
): string {
  const served = operations.map((operation) => {
    const versions = versionsServedBy(operation.path);
    const line = `  ${operation.method.toUpperCase().padEnd(6)} ${url}${operation.path}`;
    return versions === undefined ? line : `${line}  (${versions})`;
  });
  return [
    `zcrm-mock listening on ${url}`,
    ...served,
    // No credentials here: the user may have configured real-looking ones.
    `  POST   ${url}${TOKEN_PATH}  (refresh_token grant; see the README for the credentials)`,
    `Control: ${url}${CONTROL_PREFIX}faults (GET, POST, DELETE), ${url}${CONTROL_PREFIX}stats (GET, DELETE),`,
    `         ${url}${CONTROL_PREFIX}requests (GET, DELETE: the request journal)`,
    stateful
      ? "Mode: stateful (uploads are kept, their bytes in a temp folder, and answer lists, downloads and deletes)"
      : "Mode: the spec's examples (--stateful keeps uploads)",
    ...(seeded === undefined ? [] : [seedLine(seeded)]),
    "Try:",
    `  curl "${url}${SEED_CURL_PATH}" -X GET -H "Authorization: Zoho-oauthtoken ${SEED_TOKEN}"`,
    "Press Ctrl+C to stop.",
  ].join("\n");
}

/** What a seed put in the store, in one line. */
export function seedLine(seeded: SeedSummary): string {
  const standIns = seeded.standIns === 0 ? "" : ` (${seeded.standIns} of them stand-ins of their recorded size)`;
  const ignored =
    seeded.ignored === 0 ? "" : `; ${seeded.ignored} entries skipped (other traffic, or answers that changed nothing)`;
  return (
    `Seeded from ${seeded.source}: ${count(seeded.records, "record")}, ` +
    `${count(seeded.attachments, "attachment")}${standIns}, ${count(seeded.photos, "photo")}${ignored}`
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The versions a spec path serves: both when its line has two, else "first to last"; undefined for a path of no known version. */
export function versionsServedBy(specPath: string): string | undefined {
  const version = versionOfPath(specPath);
  if (version === undefined) return undefined;
  const versions = apiLines[lineOf(version)].versions;
  const first = versions[0];
  const last = versions[versions.length - 1];
  return versions.length <= 2 ? versions.join(", ") : `${first} to ${last}`;
}
