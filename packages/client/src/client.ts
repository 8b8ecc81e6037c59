/**
 * `createAttachmentsClient`: checks the options once, then builds a client whose state (token source,
 * fetch, openapi-fetch instances) lives in private fields. Nothing is shared between clients, and
 * nothing secret is enumerable, so logging or serialising a client shows only its version and origin.
 */
import type { Client } from "openapi-fetch";
import type { Attachment, paths } from "@zcrm-attachments/types";
import { type ApiLine, type ApiVersion, apiVersions, defaultApiVersion, isApiVersion, lineOf } from "./api-versions.js";
import { createTokenSource } from "./auth.js";
import type { AttachmentsClient, AttachmentsClientOptions } from "./client-types.js";
import { apiDomainFor, dataCenters, isDataCenter, isEnvironment } from "./data-centres.js";
import { ZohoInputError } from "./errors.js";
import { type AttachmentsPage, type AttachmentsPageOk, type ListContext, sendListRequest } from "./list-attachments.js";
import { checkCustomModules, createModuleCheck } from "./modules.js";
import { iterateAttachments, iteratePages } from "./paginate.js";
import { createHotGet, createRawClient, type FetchLike } from "./transport.js";
import { type PageRequest, toPageRequest } from "./validate-input.js";

const KNOWN_OPTIONS = new Set(["apiDomain", "dataCenter", "environment", "apiVersion", "accessToken", "fetch", "customModules"]);
const OPTION_HINTS: Record<string, string> = {
  baseUrl: "apiDomain",
  baseURL: "apiDomain",
  dataCentre: "dataCenter",
  token: "accessToken",
  version: "apiVersion",
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

// An origin, optionally with a path prefix (for a proxy); never credentials, query or fragment.
function checkApiDomain(apiDomain: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof apiDomain === "string" ? new URL(apiDomain) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new ZohoInputError(
      "apiDomain",
      `apiDomain must be an http(s) origin such as https://www.zohoapis.eu or http://127.0.0.1:4010.`,
    );
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new ZohoInputError("apiDomain", "apiDomain must not carry credentials, a query or a fragment.");
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function resolveApiDomain(options: Record<string, unknown>): string {
  const { apiDomain, dataCenter, environment } = options;
  if (apiDomain !== undefined) {
    if (dataCenter !== undefined || environment !== undefined) {
      throw new ZohoInputError("apiDomain", "Give either apiDomain, or dataCenter (and environment), not both.");
    }
    return checkApiDomain(apiDomain);
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
  return apiDomainFor(dataCenter ?? "US", environment ?? "production");
}

class ZohoAttachmentsClient {
  readonly apiVersion: ApiVersion;
  readonly line: ApiLine;
  readonly apiDomain: string;
  readonly #context: ListContext;
  readonly #checkModule: (module: unknown) => void;
  readonly #createRaw: () => Client<paths>;
  #raw: Client<paths> | undefined;

  constructor(input: unknown) {
    if (typeof input !== "object" || input === null) {
      throw new ZohoInputError("options", "createAttachmentsClient needs an options object with at least accessToken.");
    }
    const options = input as Record<string, unknown>;
    checkOptionNames(options);
    const version = checkApiVersion(options.apiVersion);
    const line = lineOf(version);
    const baseUrl = resolveApiDomain(options);
    const tokens = createTokenSource(options.accessToken);
    if (options.fetch !== undefined && typeof options.fetch !== "function") {
      throw new ZohoInputError("fetch", "fetch must be a function with the signature of globalThis.fetch.");
    }
    // Resolved now, so a later change to globalThis.fetch does not reach an existing client.
    const baseFetch = (options.fetch as FetchLike | undefined) ?? globalThis.fetch;
    const customModules = checkCustomModules(options.customModules);

    this.apiVersion = version;
    this.line = line;
    this.apiDomain = baseUrl;
    this.#checkModule = createModuleCheck(version, line, customModules);
    this.#context = { version, line, baseUrl, tokens, get: createHotGet(baseUrl, version, baseFetch) };
    this.#createRaw = () => createRawClient(baseUrl, version, baseFetch, tokens);
  }

  /** The underlying openapi-fetch client (created on first use). */
  get raw(): Client<paths> {
    this.#raw ??= this.#createRaw();
    return this.#raw;
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
