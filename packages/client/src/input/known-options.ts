/**
 * The one "unknown option" check. A misspelt option would otherwise be ignored in silence (the
 * call then does something else than the caller meant), so every options object the client takes
 * is held against its known names, and a near miss gets the name it most likely meant.
 */
import { ZohoInputError } from "../errors/errors.js";

/**
 * Throws a ZohoInputError for the first key of `values` that is not in `known`. `hints` maps names
 * people reach for (`per_page`, `baseUrl`) to the option each means; a hint is offered only when it
 * names a known option.
 */
export function checkKnownOptions(
  values: object,
  known: ReadonlySet<string> | readonly string[],
  hints: Readonly<Record<string, string>> = {},
): void {
  const isKnown = (name: string): boolean =>
    Array.isArray(known) ? known.includes(name) : (known as ReadonlySet<string>).has(name);
  for (const key of Object.keys(values)) {
    if (isKnown(key)) continue;
    const hint = Object.hasOwn(hints, key) ? hints[key] : undefined;
    const names = Array.isArray(known) ? known : [...(known as ReadonlySet<string>)];
    throw new ZohoInputError(
      key,
      `Unknown option ${JSON.stringify(key)}.${hint !== undefined && isKnown(hint) ? ` Did you mean ${hint}?` : ""} ` +
        `Known options: ${names.join(", ")}.`,
    );
  }
}

/** A value as an input error quotes it: strings in quotes, anything long cut to 60 characters. */
export function show(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
