/**
 * Turns whatever a command threw into what a person reads: the Zoho code, what it means and how to
 * fix it, without a stack trace unless --verbose. Every message comes from the client's errors,
 * which never carry a token or secret, or from the CLI's own, which never quote one.
 */
import { ZohoApiError, ZohoAuthError, ZohoError, ZohoInputError, ZohoNetworkError } from "@zcrm-attachments/client";
import { hintFor } from "./error-hints.js";
import { CliError, type ExitCode, exitCodes } from "./exit-codes.js";
import type { Output } from "./output.js";

/** The error as plain data for --json output and the export manifest. */
export function errorData(error: unknown): Record<string, unknown> {
  if (error instanceof ZohoApiError) {
    const { status, code, zohoMessage, details } = error;
    return { code, status, message: zohoMessage, details, ...hintFor(code) };
  }
  if (error instanceof ZohoNetworkError) return { code: `NETWORK_${error.kind.toUpperCase()}`, message: error.message };
  if (error instanceof ZohoAuthError) return { code: error.oauthError ?? "AUTH_FAILED", message: error.message };
  if (error instanceof ZohoInputError)
    return { code: "INVALID_INPUT", parameter: error.parameter, message: error.message };
  return { code: error instanceof CliError ? "USAGE" : "ERROR", message: describe(error) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The lines that explain an error, first the headline, then detail lines. */
export function explain(error: unknown): { headline: string; details: string[] } {
  if (error instanceof ZohoApiError) {
    const hint = hintFor(error.code);
    const details = hint === undefined ? [] : [`meaning: ${hint.meaning}`, `fix: ${hint.fix}`];
    if (Object.keys(error.details).length > 0) details.unshift(`details: ${JSON.stringify(error.details)}`);
    return { headline: `${error.code} (HTTP ${error.status}): ${error.zohoMessage}`, details };
  }
  if (error instanceof ZohoAuthError) {
    const fix =
      error.oauthError === "invalid_client"
        ? "invalid_client usually means the wrong data centre: check --dc (or ZOHO_DC)"
        : "check the client id, client secret and refresh token, and --dc";
    return { headline: error.message, details: [`fix: ${fix}`] };
  }
  if (error instanceof ZohoNetworkError) {
    const fix =
      error.kind === "timeout" ? "try again, or check the connection" : "check --api-domain or --dc and the connection";
    return { headline: error.message, details: error.kind === "aborted" ? [] : [`fix: ${fix}`] };
  }
  if (error instanceof CliError) return { headline: error.message, details: error.hint ? [`fix: ${error.hint}`] : [] };
  return { headline: describe(error), details: [] };
}

/** The exit code an error ends a command with. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof ZohoInputError) return exitCodes.usage;
  return exitCodes.failed;
}

/** The lines reporting one failed item of many (a file): headline, hint lines, and the stack under --verbose. */
export function failureLines(output: Output, label: string, error: unknown): string[] {
  const { headline, details } = explain(error);
  const lines = [`${output.paint("red", "failed")} ${label}: ${headline}`, ...details.map((line) => `  ${line}`)];
  if (output.verbose && error instanceof Error) lines.push(output.paint("dim", error.stack ?? ""));
  return lines;
}

/** Prints an error (with its stack under --verbose) and returns the exit code to end with. */
export function reportError(output: Output, error: unknown): ExitCode {
  const { headline, details } = explain(error);
  output.error(headline, details);
  if (output.verbose && error instanceof Error && !(error instanceof CliError)) {
    output.debug(error.stack ?? "");
    if (error.cause !== undefined)
      output.debug(`cause: ${error.cause instanceof Error ? error.cause.stack : String(error.cause)}`);
  } else if (!(error instanceof CliError) && !(error instanceof ZohoError)) {
    output.note("(run with --verbose for the stack trace)");
  }
  return exitCodeFor(error);
}
