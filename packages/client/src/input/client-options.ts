/**
 * The checks `createAttachmentsClient` runs on its options before a client exists: known option
 * names (with a hint for near misses), the API version, and where requests go.
 */
import { normalizeOrigin, originProblem } from "../api-domain.js";
import { type ApiVersion, apiVersions, defaultApiVersion, isApiVersion } from "../api-versions.js";
import { isAccessTokenProvider } from "../auth.js";
import { apiDomainFor, dataCenters, isDataCenter, isEnvironment } from "../data-centres.js";
import { ZohoInputError } from "../errors/errors.js";
import { checkKnownOptions } from "./known-options.js";

const KNOWN_OPTIONS = new Set([
  "apiDomain",
  "dataCenter",
  "environment",
  "apiVersion",
  "accessToken",
  "fetch",
  "customModules",
  "retry",
  "maxConcurrency",
  "timeoutMs",
  "bodyIdleTimeoutMs",
  "maxJsonBytes",
  "logger",
  "clock",
]);
const OPTION_HINTS: Record<string, string> = {
  baseUrl: "apiDomain",
  baseURL: "apiDomain",
  dataCentre: "dataCenter",
  token: "accessToken",
  version: "apiVersion",
  timeout: "timeoutMs",
  retries: "retry",
  concurrency: "maxConcurrency",
};

/** Throws a ZohoInputError for an option name the client does not know. */
export function checkOptionNames(options: object): void {
  checkKnownOptions(options, KNOWN_OPTIONS, OPTION_HINTS);
}

/** Checks `apiVersion` (default v8). */
export function checkApiVersion(apiVersion: unknown): ApiVersion {
  if (apiVersion === undefined) return defaultApiVersion;
  if (isApiVersion(apiVersion)) return apiVersion;
  const guess = `v${String(apiVersion)}`;
  const hint = isApiVersion(guess) ? ` Did you mean "${guess}"?` : "";
  throw new ZohoInputError("apiVersion", `apiVersion must be one of ${apiVersions.join(", ")}.${hint}`);
}

function checkApiDomain(apiDomain: unknown): string {
  const origin = normalizeOrigin(apiDomain);
  if (origin !== undefined) return origin;
  throw new ZohoInputError(
    "apiDomain",
    originProblem("apiDomain", apiDomain, "https://www.zohoapis.eu or http://127.0.0.1:4010"),
  );
}

/** Where requests go: a fixed origin, or (baseUrl undefined) the one a token provider names later. */
export function resolveLocation(options: Record<string, unknown>): { baseUrl: string | undefined; fallback: string } {
  const { apiDomain, dataCenter, environment } = options;
  if (apiDomain !== undefined) {
    if (dataCenter !== undefined || environment !== undefined) {
      throw new ZohoInputError("apiDomain", "Give either apiDomain, or dataCenter (and environment), not both.");
    }
    const origin = checkApiDomain(apiDomain);
    return { baseUrl: origin, fallback: origin };
  }
  if (dataCenter !== undefined && !isDataCenter(dataCenter)) {
    throw new ZohoInputError(
      "dataCenter",
      `dataCenter must be one of ${Object.keys(dataCenters).join(", ")} (got ${JSON.stringify(dataCenter)}).`,
    );
  }
  if (environment !== undefined && !isEnvironment(environment)) {
    throw new ZohoInputError(
      "environment",
      `environment must be "production", "sandbox" or "developer" (got ${JSON.stringify(environment)}).`,
    );
  }
  const origin = apiDomainFor(dataCenter ?? "US", environment ?? "production");
  // With no location at all, a token provider's api_domain decides (Zoho names the org's own host).
  const adopt = dataCenter === undefined && environment === undefined && isAccessTokenProvider(options.accessToken);
  return { baseUrl: adopt ? undefined : origin, fallback: origin };
}
