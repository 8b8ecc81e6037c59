/**
 * Where the CLI connects and with which credentials, from (strongest first) flags, the profile
 * named with --profile, then the environment (ZOHO_ACCESS_TOKEN; or ZOHO_CLIENT_ID,
 * ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN and ZOHO_DC). A refresh token gets a token provider whose
 * access tokens are cached owner-only in the config folder, because Zoho hands out only a few access
 * tokens per refresh token every ten minutes and a script may run the CLI many times.
 */
import { join } from "node:path";
import {
  type AccessToken,
  type ApiVersion,
  apiVersions,
  createRefreshTokenProvider,
  type DataCenter,
  dataCenters,
  type Environment,
  FileTokenStore,
  isApiVersion,
  isDataCenter,
  isEnvironment,
  type ZohoLogger,
} from "@zcrm-attachments/client";
import { CliError } from "../output/exit-codes.js";
import type { GlobalOptions } from "./global-options.js";
import { configDir, loadProfile, type Profile } from "./profile-file.js";

/** The resolved connection: what the client is created with. */
export interface Connection {
  apiVersion: ApiVersion | undefined;
  location: { apiDomain: string } | { dataCenter?: DataCenter; environment?: Environment };
  accessToken: AccessToken;
  /** How the credentials were found, for --verbose (never a secret). */
  source: string;
}

/** The settings before they are checked: flags over profile over environment. */
function merge(flags: GlobalOptions, profile: Profile, env: NodeJS.ProcessEnv): Profile {
  const pick = (flag: string | undefined, fromProfile: string | undefined, fromEnv: string | undefined) =>
    flag ?? fromProfile ?? (fromEnv?.trim() ? fromEnv : undefined);
  const merged: Profile = {};
  const set = (key: keyof Profile, value: string | undefined) => {
    if (value !== undefined) merged[key] = value;
  };
  set("apiDomain", pick(flags.apiDomain, profile.apiDomain, undefined));
  set("dc", pick(flags.dc, profile.dc, env.ZOHO_DC));
  set("environment", pick(flags.environment, profile.environment, undefined));
  set("apiVersion", pick(flags.apiVersion, profile.apiVersion, undefined));
  set("accountsServer", pick(flags.accountsServer, profile.accountsServer, env.ZOHO_ACCOUNTS_SERVER));
  set("accessToken", pick(flags.accessToken, profile.accessToken, env.ZOHO_ACCESS_TOKEN));
  set("clientId", pick(flags.clientId, profile.clientId, env.ZOHO_CLIENT_ID));
  set("clientSecret", pick(flags.clientSecret, profile.clientSecret, env.ZOHO_CLIENT_SECRET));
  set("refreshToken", pick(flags.refreshToken, profile.refreshToken, env.ZOHO_REFRESH_TOKEN));
  return merged;
}

function checkDataCenter(dc: string | undefined): DataCenter | undefined {
  if (dc === undefined) return undefined;
  const upper = dc.toUpperCase();
  if (isDataCenter(upper)) return upper;
  throw new CliError(`Unknown data centre "${dc}": use one of ${Object.keys(dataCenters).join(", ")}.`);
}

function checkEnvironment(value: string | undefined): Environment | undefined {
  if (value === undefined || isEnvironment(value)) return value;
  throw new CliError(`Unknown environment "${value}": use production, sandbox or developer.`);
}

function checkVersion(value: string | undefined): ApiVersion | undefined {
  if (value === undefined || isApiVersion(value)) return value;
  throw new CliError(`Unknown API version "${value}": use one of ${apiVersions.join(", ")}.`);
}

/** The merged settings (flags, profile, environment), checked; credentials are left to connect(). */
export async function resolveSettings(flags: GlobalOptions, env: NodeJS.ProcessEnv): Promise<Profile> {
  const profile = flags.profile === undefined ? {} : await loadProfile(flags.profile, env);
  return merge(flags, profile, env);
}

/** Resolves the connection; a missing or half-given credential is a usage error saying what to set. */
export async function connect(
  flags: GlobalOptions,
  env: NodeJS.ProcessEnv,
  logger: ZohoLogger | undefined,
): Promise<Connection> {
  const settings = await resolveSettings(flags, env);
  const dataCenter = checkDataCenter(settings.dc);
  const environment = checkEnvironment(settings.environment);
  const apiVersion = checkVersion(settings.apiVersion);
  if (settings.apiDomain !== undefined && (dataCenter !== undefined || environment !== undefined)) {
    throw new CliError("Give either --api-domain or --dc/--environment, not both.");
  }
  const location =
    settings.apiDomain !== undefined
      ? { apiDomain: settings.apiDomain }
      : {
          ...(dataCenter === undefined ? {} : { dataCenter }),
          ...(environment === undefined ? {} : { environment }),
        };
  const from =
    flags.profile === undefined ? "flags or environment" : `profile "${flags.profile}", flags or environment`;
  const { clientId, clientSecret, refreshToken } = settings;
  const oauth = [clientId, clientSecret, refreshToken];
  if (oauth.every((value) => value !== undefined)) {
    const tokens = createRefreshTokenProvider({
      clientId: clientId as string,
      clientSecret: clientSecret as string,
      refreshToken: refreshToken as string,
      ...(settings.accountsServer !== undefined
        ? { accountsServer: settings.accountsServer }
        : dataCenter === undefined
          ? {}
          : { dataCenter }),
      tokenStore: new FileTokenStore(join(configDir(env), "tokens.json")),
      ...(logger === undefined ? {} : { logger }),
    });
    return { apiVersion, location, accessToken: tokens, source: `refresh token (${from})` };
  }
  if (settings.accessToken !== undefined) {
    return { apiVersion, location, accessToken: settings.accessToken, source: `access token (${from})` };
  }
  if (oauth.some((value) => value !== undefined)) {
    const missing = ["ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN"].filter(
      (_, i) => oauth[i] === undefined,
    );
    throw new CliError(
      `A refresh token needs a client id, a client secret and a refresh token; missing: ${missing.join(", ")}.`,
      undefined,
      "set the missing variables (or the matching --client-id, --client-secret, --refresh-token)",
    );
  }
  throw new CliError(
    "No credentials: set ZOHO_ACCESS_TOKEN, or ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_REFRESH_TOKEN, or use --profile.",
    undefined,
    "to try the CLI without an account, add --mock",
  );
}
