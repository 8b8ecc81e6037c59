/**
 * Faults a test asks for, written either as the `X-Zcrm-Mock-Fault` header syntax
 * (`unavailable;times=3;key=abc`) or as an object (`{ kind: "unavailable", times: 3 }`).
 * Both go through one strict parser, so the header, the CLI, startMock and the control endpoint
 * accept exactly the same faults and refuse bad ones with the same messages.
 */

/** The kinds of fault the mock can inject. */
export const FAULT_KINDS = ["rate-limit", "unavailable", "slow", "reset", "truncate"] as const;
/** One of {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A fault as code writes it; every field but `kind` is optional (see the README for defaults). */
export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests it hits (default 1). In a header, more than 1 needs a `key`. */
  times?: number;
  /** Header only: requests with the same key share one burst of `times`. */
  key?: string;
  /** Armed faults only: path prefix a request must have (default `/crm/`). */
  path?: string;
  /** Armed faults only: HTTP method a request must have (default any). */
  method?: string;
  /** Milliseconds to hold the response before its headers go out. */
  delay?: number;
  /** Milliseconds between body pieces (slow, reset, truncate). */
  bodyDelay?: number;
  /** Size in bytes of the body pieces when `bodyDelay` is set (default 64). */
  chunk?: number;
  /** Body bytes sent before the connection is cut (reset, truncate; default half the body). */
  after?: number;
  /** Seconds for `Retry-After` (rate-limit: default 1; unavailable: none). */
  retryAfter?: number;
}

/** A fault with its defaults filled in, as the mock applies it. */
export interface Fault {
  kind: FaultKind;
  times: number;
  key: string | undefined;
  path: string;
  method: string | undefined;
  delay: number;
  bodyDelay: number;
  chunk: number;
  after: number | undefined;
  retryAfter: number | undefined;
}

/** Where a fault comes from: a request header (may carry a key) or armed per run (may carry path and method). */
export type FaultContext = "header" | "armed";

/** The result of reading one fault. */
export type FaultParse = { ok: true; fault: Fault } | { ok: false; message: string };

type Check = { kinds?: readonly FaultKind[]; only?: FaultContext } & (
  | { type: "int"; min: number; max: number }
  | { type: "text"; pattern: RegExp; hint: string }
);

const BODY_KINDS: readonly FaultKind[] = ["slow", "reset", "truncate"];
const MAX_MS = 600_000;
// A null-prototype table: a parameter named `constructor` or `__proto__` finds nothing here,
// instead of a member of Object.prototype that slips past the number checks.
const PARAMS: Readonly<Record<string, Check>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, Check>, {
    times: { type: "int", min: 1, max: 1_000_000 },
    key: {
      type: "text",
      only: "header",
      pattern: /^[\w.~:@/+-]{1,200}$/,
      hint: "1 to 200 letters, digits or ._~:@/+-",
    },
    path: { type: "text", only: "armed", pattern: /^\/[^\s;,]*$/, hint: "a path prefix starting with /" },
    method: { type: "text", only: "armed", pattern: /^[A-Za-z]{1,20}$/, hint: "an HTTP method such as GET" },
    delay: { type: "int", min: 0, max: MAX_MS },
    "body-delay": { type: "int", min: 0, max: MAX_MS, kinds: BODY_KINDS },
    chunk: { type: "int", min: 1, max: 1024 * 1024, kinds: BODY_KINDS },
    after: { type: "int", min: 0, max: Number.MAX_SAFE_INTEGER, kinds: ["reset", "truncate"] },
    "retry-after": { type: "int", min: 0, max: 86_400, kinds: ["rate-limit", "unavailable"] },
  } satisfies Record<string, Check>),
);

/** Reads a fault in header syntax: `kind` then `;name=value` parameters, e.g. `slow;delay=500`. */
export function parseFaultText(text: string, context: FaultContext): FaultParse {
  if (text.includes(",")) return fail("one fault per request (found a comma; was the header sent twice?)");
  const [head = "", ...parts] = text.split(";");
  const params = new Map<string, string>();
  for (const part of parts) {
    const eq = part.indexOf("=");
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq === -1 ? "" : part.slice(eq + 1).trim();
    if (name === "") return fail(`empty parameter in "${text}"`);
    if (eq === -1 || value === "") return fail(`parameter ${name} needs a value (${name}=...)`);
    if (params.has(name)) return fail(`parameter ${name} is given twice`);
    params.set(name, value);
  }
  return build(head.trim().toLowerCase(), params, context);
}

/** Reads a fault given as an object (startMock's `faults`, the control endpoint's JSON). */
export function parseFaultObject(spec: unknown, context: FaultContext): FaultParse {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec))
    return fail("a fault is a string or an object with a kind");
  const params = new Map<string, string>();
  let kind = "";
  for (const [prop, value] of Object.entries(spec)) {
    if (value === undefined) continue;
    if (typeof value !== "string" && typeof value !== "number") return fail(`${prop} must be a string or a number`);
    if (prop === "kind") kind = String(value);
    else
      params.set(
        prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
        String(value),
      );
  }
  return build(kind, params, context);
}

/** Reads a fault in either form. */
export function parseFault(input: unknown, context: FaultContext): FaultParse {
  return typeof input === "string" ? parseFaultText(input, context) : parseFaultObject(input, context);
}

function build(kind: string, params: ReadonlyMap<string, string>, context: FaultContext): FaultParse {
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
    return fail(`unknown fault kind "${kind}" (known: ${FAULT_KINDS.join(", ")})`);
  }
  const fault: Fault = {
    kind: kind as FaultKind,
    times: 1,
    key: undefined,
    path: "/crm/",
    method: undefined,
    delay: kind === "slow" && !params.has("delay") && !params.has("body-delay") ? 1000 : 0,
    bodyDelay: 0,
    chunk: 64,
    after: undefined,
    retryAfter: kind === "rate-limit" ? 1 : undefined,
  };
  for (const [name, raw] of params) {
    const check = PARAMS[name];
    if (check === undefined) return fail(`unknown parameter ${name} (known: ${Object.keys(PARAMS).join(", ")})`);
    if (check.kinds !== undefined && !check.kinds.includes(fault.kind)) {
      return fail(`${name} does not apply to ${kind} (it applies to ${check.kinds.join(", ")})`);
    }
    if (check.only !== undefined && check.only !== context) {
      return fail(
        check.only === "header"
          ? `${name} is for the X-Zcrm-Mock-Fault header only`
          : `${name} is for armed faults only, not the header`,
      );
    }
    if (check.type === "text") {
      if (!check.pattern.test(raw)) return fail(`${name} must be ${check.hint} (got "${raw}")`);
      if (name === "key") fault.key = raw;
      else if (name === "path") fault.path = raw;
      else if (name === "method") fault.method = raw.toUpperCase();
      continue;
    }
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < check.min || value > check.max) {
      return fail(`${name} must be a whole number from ${check.min} to ${check.max} (got "${raw}")`);
    }
    // Every number parameter by its own name: nothing falls through to another field.
    if (name === "times") fault.times = value;
    else if (name === "delay") fault.delay = value;
    else if (name === "body-delay") fault.bodyDelay = value;
    else if (name === "chunk") fault.chunk = value;
    else if (name === "after") fault.after = value;
    else if (name === "retry-after") fault.retryAfter = value;
  }
  if (context === "header" && fault.times > 1 && fault.key === undefined) {
    return fail(`times=${fault.times} needs a key=... so that the retries of one call share the burst`);
  }
  return { ok: true, fault };
}

function fail(message: string): FaultParse {
  return { ok: false, message };
}
