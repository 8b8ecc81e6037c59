/**
 * Zoho's data centres. Each org lives in one; its API domain and its accounts (OAuth) server must both
 * be the ones of that data centre, or Zoho answers INVALID_HOST / invalid_client.
 */

/** The environments Zoho offers per data centre; each has its own API host prefix. */
export type Environment = "production" | "sandbox" | "developer";

/** API domain and accounts server of one data centre (production hosts). */
export interface DataCenterInfo {
  /** Production API origin, e.g. https://www.zohoapis.com. */
  readonly apiDomain: string;
  /** OAuth accounts server, e.g. https://accounts.zoho.com. */
  readonly accountsServer: string;
  /** The domain suffix shared by the API hosts of every environment, e.g. "com.au". */
  readonly domainSuffix: string;
}

/** Every data centre Zoho CRM documents, keyed by its short name. */
export const dataCenters = {
  US: { apiDomain: "https://www.zohoapis.com", accountsServer: "https://accounts.zoho.com", domainSuffix: "com" },
  EU: { apiDomain: "https://www.zohoapis.eu", accountsServer: "https://accounts.zoho.eu", domainSuffix: "eu" },
  IN: { apiDomain: "https://www.zohoapis.in", accountsServer: "https://accounts.zoho.in", domainSuffix: "in" },
  AU: {
    apiDomain: "https://www.zohoapis.com.au",
    accountsServer: "https://accounts.zoho.com.au",
    domainSuffix: "com.au",
  },
  CN: {
    apiDomain: "https://www.zohoapis.com.cn",
    accountsServer: "https://accounts.zoho.com.cn",
    domainSuffix: "com.cn",
  },
  JP: { apiDomain: "https://www.zohoapis.jp", accountsServer: "https://accounts.zoho.jp", domainSuffix: "jp" },
  // Canada and Saudi Arabia use accounts hosts that do not follow the accounts.zoho.<suffix> pattern.
  CA: { apiDomain: "https://www.zohoapis.ca", accountsServer: "https://accounts.zohocloud.ca", domainSuffix: "ca" },
  SA: { apiDomain: "https://www.zohoapis.sa", accountsServer: "https://accounts.zoho.sa", domainSuffix: "sa" },
} as const satisfies Record<string, DataCenterInfo>;

/** A data centre's short name: US, EU, IN, AU, CN, JP, CA or SA. */
export type DataCenter = keyof typeof dataCenters;

const hostPrefix: Record<Environment, string> = { production: "www", sandbox: "sandbox", developer: "developer" };

/** Returns true when `value` names a data centre. */
export function isDataCenter(value: unknown): value is DataCenter {
  return typeof value === "string" && Object.hasOwn(dataCenters, value);
}

/** Returns true when `value` names an environment. */
export function isEnvironment(value: unknown): value is Environment {
  return typeof value === "string" && Object.hasOwn(hostPrefix, value);
}

/** Returns the API origin of a data centre and environment, e.g. https://sandbox.zohoapis.eu. */
export function apiDomainFor(dataCenter: DataCenter, environment: Environment = "production"): string {
  return `https://${hostPrefix[environment]}.zohoapis.${dataCenters[dataCenter].domainSuffix}`;
}

/** Returns the OAuth accounts server of a data centre, e.g. https://accounts.zoho.eu. */
export function accountsServerFor(dataCenter: DataCenter): string {
  return dataCenters[dataCenter].accountsServer;
}
