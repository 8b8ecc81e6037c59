/**
 * `createAttachmentsClient`: checks the options once, then builds a client whose state (token source,
 * pipeline, openapi-fetch instance) lives in private fields. Nothing is shared between clients, and
 * nothing secret is enumerable, so logging or serialising a client shows only its version and origin.
 */
import type { Client } from "openapi-fetch";
import type { Attachment, paths } from "@zcrm-attachments/types";
import { normalizeOrigin, originProblem } from "./api-domain.js";
import { type ApiLine, type ApiVersion, apiVersions, defaultApiVersion, isApiVersion, lineOf } from "./api-versions.js";
import { createTokenSource, isAccessTokenProvider } from "./auth.js";
import type { AttachmentsClient, AttachmentsClientOptions } from "./client-types.js";
import { apiDomainFor, dataCenters, isDataCenter, isEnvironment } from "./data-centres.js";
import { ZohoInputError } from "./errors.js";
import { type AttachmentsPage, type AttachmentsPageOk, type ListContext, sendListRequest } from "./list-attachments.js";
import { checkCustomModules, createModuleCheck } from "./modules.js";
import { iterateAttachments, iteratePages } from "./paginate.js";
import { toPipelineSettings } from "./pipeline/pipeline-options.js";
import type { PipelineContext } from "./pipeline/send.js";
import { createRawClient, type FetchLike } from "./transport.js";
import { type PageRequest, toPageRequest } from "./validate-input.js";

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

function checkOptionNames(options: object): void {
  for (const key of Object.keys(options)) {
    if (KNOWN_OPTIONS.has(key)) continue;
    const hint = OPTION_HINTS[key];
    throw new ZohoInputError(
      key,
      `Unknown option ${JSON.stringify(key)}.${hint === undefined ? "" : ` Did you mean ${hint}?`} ` +
        `Known options: ${[...KNOWN_OPTIONS].join(", ")}.`,
    );
  }
}

function checkApiVersion(apiVersion: unknown): ApiVersion {
  if (apiVersion === undefined) return defaultApiVersion;
  if (isApiVersion(apiVersion)) return apiVersion;
  const guess = `v${String(apiVersion)}`;
  const hint = isApiVersion(guess) ? ` Did you mean "${guess}"?` : "";
  throw new ZohoInputError("apiVersion", `apiVersion must be one of ${apiVersions.join(", ")}.${hint}`);
}

function checkApiDomain(apiDomain: unknown): string {
  const origin = normalizeOrigin(apiDomain);
  if (origin !== undefined) return origin;
  throw new ZohoInputError("apiDomain", originProblem("apiDomain", apiDomain, "https://www.zohoapis.eu or http://127.0.0.1:4010"));
}

// Where requests go: a fixed origin, or (baseUrl undefined) the one a token provider names later.
function resolveLocation(options: Record<string, unknown>): { baseUrl: string | undefined; fallback: string } {
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

class ZohoAttachmentsClient {
  readonly apiVersion: ApiVersion;
  readonly line: ApiLine;
  readonly #context: ListContext;
  readonly #checkModule: (module: unknown) => void;
  #raw: Client<paths> | undefined;

  constructor(input: unknown) {
    if (typeof input !== "object" || input === null) {
      throw new ZohoInputError("options", "createAttachmentsClient needs an options object with at least accessToken.");
    }
    const options = input as Record<string, unknown>;
    checkOptionNames(options);
    const version = checkApiVersion(options.apiVersion);
    const line = lineOf(version);
    const location = resolveLocation(options);
    const settings = toPipelineSettings(options);
    const tokens = createTokenSource(options.accessToken, settings.logger);
    if (options.fetch !== undefined && typeof options.fetch !== "function") {
      throw new ZohoInputError("fetch", "fetch must be a function with the signature of globalThis.fetch.");
    }
    const customModules = checkCustomModules(options.customModules);
    const pipeline: PipelineContext = {
      // Resolved now, so a later change to globalThis.fetch does not reach an existing client.
      fetch: (options.fetch as FetchLike | undefined) ?? globalThis.fetch,
      tokens,
      baseUrl: location.baseUrl,
      fallbackBaseUrl: location.fallback,
      ...settings,
    };

    this.apiVersion = version;
    this.line = line;
    this.#checkModule = createModuleCheck(version, line, customModules);
    this.#context = { version, line, pipeline };
  }

  /** The API origin requests go to (with a token provider and no location: the one Zoho named, once known). */
  get apiDomain(): string {
    const { pipeline } = this.#context;
    return pipeline.baseUrl ?? pipeline.fallbackBaseUrl;
  }

  /** The underlying openapi-fetch client (created on first use), sending through the same pipeline. */
  get raw(): Client<paths> {
    this.#raw ??= createRawClient(this.apiDomain, this.apiVersion, this.#context.pipeline);
    return this.#raw;
  }

  /** The client's public facts as plain data (no token, no options). */
  toJSON(): Record<string, unknown> {
    return { apiVersion: this.apiVersion, line: this.line, apiDomain: this.apiDomain };
  }

  #request(module: unknown, recordId: unknown, options: unknown): PageRequest {
    this.#checkModule(module);
    return toPageRequest(this.apiVersion, module as string, recordId, options);
  }

  /** Fetches one page of a record's attachments. */
  listAttachments(module: unknown, recordId: unknown, options?: unknown): Promise<AttachmentsPage> {
    // Not `async`: one promise fewer per call; input errors still arrive as a rejection.
    try {
      return sendListRequest(this.#context, this.#request(module, recordId, options));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Walks every page of a record's attachments. */
  async *iterateAttachmentPages(
    module: unknown,
    recordId: unknown,
    options?: unknown,
  ): AsyncGenerator<AttachmentsPageOk<unknown>, void, undefined> {
    yield* iteratePages(this.#context, this.#request(module, recordId, options));
  }

  /** Walks every attachment of a record, page after page. */
  async *iterateAttachments(
    module: unknown,
    recordId: unknown,
    options?: unknown,
  ): AsyncGenerator<Attachment, void, undefined> {
    yield* iterateAttachments(this.#context, this.#request(module, recordId, options));
  }
}

/**
 * Creates a client for one org, version and token. Throws a ZohoInputError when an option is wrong.
 *
 * @example
 * const zoho = createAttachmentsClient({ dataCenter: "EU", accessToken: () => tokens.current() });
 * const page = await zoho.listAttachments("Leads", "4150868000002728001", { fields: ["id", "File_Name"] });
 */
export function createAttachmentsClient<
  const V extends ApiVersion = "v8",
  const C extends readonly string[] = readonly [],
>(options: AttachmentsClientOptions<V, C>): AttachmentsClient<V, C[number]> {
  return new ZohoAttachmentsClient(options) as unknown as AttachmentsClient<V, C[number]>;
}
