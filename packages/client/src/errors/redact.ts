/**
 * Keeps secrets (access tokens, refresh tokens, client secrets) out of errors and logs. The client never
 * puts one in a message itself, but a custom fetch, a server or a runtime may echo request data into an
 * error or a body; such an error becomes a `cause` here, so it is checked and, when needed, replaced
 * by a redacted copy.
 */

const REDACTED = "[redacted]";
const MAX_DEPTH = 5;

/** One secret, or all the secrets a request or a refresh involved. */
export type Secrets = string | readonly string[];

function redactOne(text: string, secret: string): string {
  return secret !== "" && text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}

/** Replaces every occurrence of each secret in `text`. */
export function redact(text: string, secrets: Secrets): string {
  if (typeof secrets === "string") return redactOne(text, secrets);
  let result = text;
  for (const secret of secrets) result = redactOne(result, secret);
  return result;
}

function contains(text: string, secrets: Secrets): boolean {
  if (typeof secrets === "string") return secrets !== "" && text.includes(secrets);
  return secrets.some((secret) => secret !== "" && text.includes(secret));
}

function isPlainValue(value: unknown): boolean {
  return value === null || (typeof value !== "object" && typeof value !== "function");
}

// "Clean" means every own property is a primitive without the secret, and every cause is clean too.
// Objects of unknown shape (a Request, a socket) are not inspected: they count as unclean.
function isClean(error: object, secret: Secrets, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const key of Object.getOwnPropertyNames(error)) {
    const value: unknown = Reflect.get(error, key);
    if (typeof value === "string") {
      if (contains(value, secret)) return false;
    } else if (key === "cause" && value instanceof Error) {
      if (!isClean(value, secret, depth + 1)) return false;
    } else if (!isPlainValue(value)) {
      return false;
    }
  }
  return true;
}

function redactedCopy(error: Error, secret: Secrets, depth: number): Error {
  const copy = new Error(redact(error.message, secret));
  Object.defineProperty(copy, "name", { value: redact(error.name, secret), configurable: true, writable: true });
  copy.stack = redact(error.stack ?? "", secret);
  for (const key of Object.keys(error)) {
    const value: unknown = Reflect.get(error, key);
    if (key === "cause") continue;
    if (typeof value === "string") Reflect.set(copy, key, redact(value, secret));
    else if (isPlainValue(value)) Reflect.set(copy, key, value);
  }
  if (error.cause !== undefined && depth < MAX_DEPTH) {
    copy.cause = error.cause instanceof Error ? redactedCopy(error.cause, secret, depth + 1) : REDACTED;
  }
  return copy;
}

/**
 * Returns `error` itself when it cannot reveal any of the secrets, otherwise a copy of it (message, name,
 * stack, primitive properties and causes) with the secrets removed and object-valued properties dropped.
 */
export function scrubError(error: unknown, secret: Secrets): unknown {
  if (secret === "" || secret.length === 0) return error;
  if (error instanceof Error) return isClean(error, secret, 0) ? error : redactedCopy(error, secret, 0);
  if (typeof error === "string") return redact(error, secret);
  return isPlainValue(error) ? error : new Error("non-Error value thrown (dropped: it was not checked for secrets)");
}
