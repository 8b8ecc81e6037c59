/**
 * The options every command takes: where to connect, how to authenticate, how to print. They are
 * declared once on the program (commander reads them before or after the command name), and each
 * command reads them with optsWithGlobals(). Secret flags exist for completeness, but the help
 * steers people to the environment or a profile, since a command line shows up in `ps` and history.
 */
import { type Command, InvalidArgumentError } from "@commander-js/extra-typings";
import { DEFAULT_MAX_CONCURRENCY } from "@zcrm-attachments/client";

/** The global options, as commands read them. */
export interface GlobalOptions {
  mock?: boolean;
  apiDomain?: string;
  dc?: string;
  environment?: string;
  apiVersion?: string;
  accessToken?: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  profile?: string;
  accountsServer?: string;
  concurrency?: number;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** Parses a whole number of at least `min` for option `flag`, with a message naming the flag. */
export function wholeNumber(flag: string, min: number): (value: string) => number {
  return (value) => {
    if (!/^[0-9]+$/.test(value.trim()) || Number(value) < min) {
      // Commander's own error type, so it reports it as a usage error (exit code 2) naming the option.
      throw new InvalidArgumentError(`${flag} must be a whole number of at least ${min}.`);
    }
    return Number(value);
  };
}

/** Adds the global options to the program. */
export function addGlobalOptions<C extends Command<[], Record<string, unknown>>>(program: C): C {
  program
    .option("--mock", "run against an embedded mock with a seeded demo record (no account needed)")
    .option("--api-domain <url>", "API origin, e.g. https://www.zohoapis.eu (instead of --dc)")
    .option("--dc <dc>", "data centre: US, EU, IN, AU, CN, JP, CA or SA (env ZOHO_DC; default US)")
    .option("--environment <env>", "production (default), sandbox or developer")
    .option("--api-version <version>", "Zoho CRM API version, v2 to v8 (default v8)")
    .option("--profile <name>", "read settings and credentials from a saved profile (see `profile save`)")
    .option("--access-token <token>", "access token (prefer env ZOHO_ACCESS_TOKEN)")
    .option("--client-id <id>", "OAuth client id (prefer env ZOHO_CLIENT_ID)")
    .option("--client-secret <secret>", "OAuth client secret (prefer env ZOHO_CLIENT_SECRET)")
    .option("--refresh-token <token>", "refresh token (prefer env ZOHO_REFRESH_TOKEN)")
    .option("--accounts-server <url>", "OAuth accounts server instead of the data centre's (env ZOHO_ACCOUNTS_SERVER)")
    .option(
      "--concurrency <n>",
      `most API calls in flight at once (default: ${DEFAULT_MAX_CONCURRENCY}, the client's, which fits every Zoho edition)`,
      wholeNumber("--concurrency", 1),
    )
    .option("--json", "print the result as JSON on stdout")
    .option("-q, --quiet", "no progress and no notes (errors still print)")
    .option("-v, --verbose", "print each request and, on errors, the stack trace (never a secret)");
  return program;
}
