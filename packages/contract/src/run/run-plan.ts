/**
 * The order a run takes its rows in when it checks several targets (the two embedded mocks): each
 * operation's rows of every target together, operations in the suite's order, so a report that
 * prints rows as they finish prints each operation once. And a check, before the first row, that
 * a target answers at all: a run against a server that cannot be reached is a usage problem, not
 * five hundred failed rows.
 */
import type { ContractCase } from "../suite/case-types.js";
import { casesFor, targetKind } from "../suite/cases.js";
import { type ContractTarget, TARGET_ENV } from "../suite/target.js";
import type { OpenApiDocument } from "../validator/spec.js";

/** One row on one target, and how reports name the target ("mock", "stateful", "live"). */
export interface PlannedRow {
  target: ContractTarget;
  row: ContractCase;
  source: string;
}

/** The rows of every target, each operation's rows (of all targets) together. */
export function planRun(doc: OpenApiDocument, targets: readonly ContractTarget[]): PlannedRow[] {
  const planned = targets.flatMap((target) =>
    casesFor(doc, target).map((row) => ({ target, row, source: targetKind(target) })),
  );
  const order = new Map<string, number>();
  for (const { row } of planned) if (!order.has(row.operation)) order.set(row.operation, order.size);
  // Array.prototype.sort is stable: within an operation, targets and rows keep their order.
  return planned.sort((a, b) => (order.get(a.row.operation) ?? 0) - (order.get(b.row.operation) ?? 0));
}

/**
 * Resolves when the server answers anything at all (no token is sent); rejects with an Error
 * saying why it cannot be reached (refused, unknown host, no answer within `timeoutMs`).
 */
export async function checkReachable(
  baseUrl: string,
  timeoutMs = 15_000,
  fetcher: typeof fetch = fetch,
): Promise<void> {
  try {
    const response = await fetcher(baseUrl, {
      method: "GET",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new Error(`cannot reach ${baseUrl}: ${why}. Check --base-url (${TARGET_ENV.baseUrl}) and the network.`);
  }
}
