/**
 * Which recorded exchanges a session judges. A browser's or a proxy's HAR holds much that is not
 * a Zoho API call (a favicon, analytics, the accounts server), so `--include` and `--exclude` pick
 * entries by host or by path: a pattern that starts with `/` is a glob over the path
 * (`/crm/v8/**`), any other a glob over the host (`*.zohoapis.com`). Globs are picomatch's.
 */
import picomatch from "picomatch";
import type { Exchange } from "../validator/exchange.js";

/** The patterns an exchange must match one of (include) and must match none of (exclude). */
export interface FilterPatterns {
  include?: readonly string[];
  exclude?: readonly string[];
}

/** Says why an exchange is left out, or undefined when it is kept. */
export type ExchangeFilter = (exchange: Exchange) => string | undefined;

/** Builds the filter; throws an Error naming a pattern that is not a usable glob. */
export function exchangeFilter(patterns: FilterPatterns): ExchangeFilter {
  const include = (patterns.include ?? []).map(compile);
  const exclude = (patterns.exclude ?? []).map(compile);
  return (exchange) => {
    const where = placeOf(exchange);
    const excluded = exclude.find((p) => p.test(where));
    if (excluded) return `excluded by --exclude ${excluded.pattern}`;
    if (include.length > 0 && !include.some((p) => p.test(where)))
      return `matched by no --include (${include.map((p) => p.pattern).join(", ")})`;
    return undefined;
  };
}

interface Pattern {
  pattern: string;
  test(where: { host: string | undefined; path: string }): boolean;
}

function compile(pattern: string): Pattern {
  if (pattern.trim() === "") throw new Error("an --include or --exclude pattern is empty");
  const byPath = pattern.startsWith("/");
  let match: (text: string) => boolean;
  try {
    match = picomatch(pattern, { nocase: !byPath, dot: true });
  } catch (error) {
    throw new Error(
      `--include/--exclude pattern ${JSON.stringify(pattern)} is not a glob: ${(error as Error).message}`,
    );
  }
  return {
    pattern,
    test: ({ host, path }) => (byPath ? match(path) : host !== undefined && match(host)),
  };
}

/** The host (when the recording knows it) and the path of an exchange's request. */
function placeOf(exchange: Exchange): { host: string | undefined; path: string } {
  const { path, origin } = exchange.request;
  const absolute = /^https?:\/\//i.test(path) && URL.canParse(path) ? new URL(path) : undefined;
  const host = absolute?.hostname ?? (origin && URL.canParse(origin) ? new URL(origin).hostname : undefined);
  const bare = absolute?.pathname ?? path.split("?")[0] ?? path;
  return { host, path: bare };
}
