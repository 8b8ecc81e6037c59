/**
 * How much of the contract a session exercised: the matrix of operations × documented statuses ×
 * documented Zoho codes. The codes of a status are those its examples carry (an error body's
 * `code`, or the `code` of each `data[]` item of a write answer); a status whose examples carry
 * none is one cell. Each cell is held (exercised, and every exchange that hit it held), failed
 * (an exchange that hit it failed) or never exercised. Answers the spec does not document are
 * listed apart, and are not cells.
 */
import { labelOfOperationId } from "../suite/line-defaults.js";
import type { Exchange } from "../validator/exchange.js";
import { deref, isObject, type OpenApiDocument } from "../validator/spec.js";

/** What became of one cell. */
export type CellState = "held" | "failed" | "never";

/** One operation × status × code of the matrix. */
export interface CoverageCell {
  operationId: string;
  /** How reports name the operation: "listAttachments (v8 line)". */
  operation: string;
  /** The documented status key: "200", "4XX" or "default". */
  status: string;
  /** The Zoho code, or null for a status whose examples carry none. */
  code: string | null;
  state: CellState;
  /** How many exchanges hit it, and how many of those failed. */
  seen: number;
  failed: number;
}

/** An answer seen that the matrix has no cell for. */
export interface UndocumentedAnswer {
  operationId: string;
  status: number;
  code: string | null;
  seen: number;
}

/** The matrix at one moment, with its counts. */
export interface CoverageSummary {
  cells: CoverageCell[];
  total: number;
  held: number;
  failed: number;
  never: number;
  /** Held cells as a share of all cells, 0 to 100 (100 for an empty matrix). */
  percent: number;
  undocumented: UndocumentedAnswer[];
}

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

/** The matrix of one spec, filled in as exchanges are recorded against it. */
export class CoverageMatrix {
  readonly #cells: CoverageCell[] = [];
  readonly #byKey = new Map<string, CoverageCell>();
  readonly #statuses = new Map<string, string[]>();
  readonly #undocumented = new Map<string, UndocumentedAnswer>();

  constructor(doc: OpenApiDocument) {
    for (const item of Object.values(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op?.operationId) continue;
        const operation = labelOfOperationId(op.operationId) ?? op.operationId;
        this.#statuses.set(op.operationId, Object.keys(op.responses));
        for (const [status, raw] of Object.entries(op.responses)) {
          const codes = documentedCodes(doc, raw);
          for (const code of codes.length > 0 ? codes : [null]) {
            const cell: CoverageCell = {
              operationId: op.operationId,
              operation,
              status,
              code,
              state: "never",
              seen: 0,
              failed: 0,
            };
            this.#cells.push(cell);
            this.#byKey.set(key(op.operationId, status, code), cell);
          }
        }
      }
    }
  }

  /** Marks the cells an exchange judged against `operationId` hit; `held` is its verdict. */
  record(operationId: string, exchange: Exchange, held: boolean): void {
    const { status } = exchange.response;
    const keys = this.#statuses.get(operationId);
    if (!keys) return;
    const documented = [String(status), `${String(status)[0]}XX`, "default"].find((k) => keys.includes(k));
    const codes = codesOf(exchange.response.body);
    if (documented === undefined) {
      this.#note(operationId, status, codes[0] ?? null);
      return;
    }
    // A status documented without codes is one cell, whatever code the answer carries.
    const plain = this.#byKey.get(key(operationId, documented, null));
    const hits = plain
      ? [{ cell: plain, code: null }]
      : codes.map((code) => ({ cell: this.#byKey.get(key(operationId, documented, code)), code }));
    if (hits.length === 0) this.#note(operationId, status, null);
    for (const { cell, code } of hits) {
      if (!cell) {
        this.#note(operationId, status, code);
        continue;
      }
      cell.seen++;
      if (!held) cell.failed++;
      cell.state = cell.failed > 0 ? "failed" : "held";
    }
  }

  /** The matrix as it stands. */
  summary(): CoverageSummary {
    const count = (state: CellState) => this.#cells.filter((c) => c.state === state).length;
    const total = this.#cells.length;
    const held = count("held");
    return {
      cells: this.#cells.map((c) => ({ ...c })),
      total,
      held,
      failed: count("failed"),
      never: count("never"),
      percent: total === 0 ? 100 : (held / total) * 100,
      undocumented: [...this.#undocumented.values()].map((u) => ({ ...u })),
    };
  }

  #note(operationId: string, status: number, code: string | null): void {
    const k = key(operationId, String(status), code);
    const seen = this.#undocumented.get(k);
    if (seen) seen.seen++;
    else this.#undocumented.set(k, { operationId, status, code, seen: 1 });
  }
}

const key = (operationId: string, status: string, code: string | null) => `${operationId} ${status} ${code ?? ""}`;

/** The codes the examples of one documented response carry, in their order, once each. */
function documentedCodes(doc: OpenApiDocument, raw: unknown): string[] {
  const response = deref<{ content?: Record<string, { examples?: Record<string, unknown> }> }>(doc, raw as object);
  const codes = new Set<string>();
  for (const media of Object.values(response.content ?? {})) {
    for (const example of Object.values(media.examples ?? {}))
      for (const code of codesOf(deref<{ value?: unknown }>(doc, example as object).value)) codes.add(code);
  }
  return [...codes];
}

/** The Zoho codes of a body: its own `code`, else those of its `data[]` items. */
export function codesOf(body: unknown): string[] {
  let value = body;
  if (typeof value === "string" || value instanceof Uint8Array) {
    // Only a JSON object can carry a code; a file's bytes are not worth decoding to find out.
    const text = typeof value === "string" ? value : value[0] === 0x7b ? new TextDecoder().decode(value) : "";
    try {
      value = text.trimStart().startsWith("{") ? JSON.parse(text) : undefined;
    } catch {
      return [];
    }
  }
  if (!isObject(value)) return [];
  if (typeof value.code === "string") return [value.code];
  const items = Array.isArray(value.data) ? value.data : [];
  return [...new Set(items.flatMap((item) => (isObject(item) && typeof item.code === "string" ? [item.code] : [])))];
}
