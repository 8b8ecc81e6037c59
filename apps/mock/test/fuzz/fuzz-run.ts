/**
 * Runs fuzz cases against a mock's port: in batches, a few at a time, each exchange with its own
 * deadline, and a valid call after every batch to prove the mock still serves. Also holds slow
 * connections open (headers that never end) while valid calls go through beside them.
 */

import { connect } from "node:net";
import { classify, problemWith, type Verdict } from "./classify.js";
import { AUTH, type FuzzCase, REC, rawRequest } from "./fuzz-case.js";
import { type RawAnswer, rawExchange } from "./raw-http.js";

/** One case and what came of it. */
export interface CaseResult {
  fuzzCase: FuzzCase;
  answer: RawAnswer;
  verdict: Verdict;
  /** Why it fails the fuzz; undefined when the answer is fine. */
  problem: string | undefined;
}

/** All the results of one run, and the valid calls made between its batches. */
export interface FuzzRun {
  results: CaseResult[];
  checks: { ok: number; total: number };
}

/** How a run goes. */
export interface RunOptions {
  /** Cases in flight at once. Default 8. */
  concurrency?: number;
  /** Cases between two valid calls. Default 100. */
  batch?: number;
  /** Deadline of a case that may rightly go unanswered (it then counts as unanswered). Default 1.5 s. */
  holdMs?: number;
  /** Deadline of every other case: far beyond any answer, only there so a run always ends. Default 15 s. */
  deadlineMs?: number;
}

const CHECK = rawRequest("GET", `/crm/v2/Leads/${REC}/Attachments`);

/** One valid list call: true when the mock answers it as it should (200 or 204, Zoho's JSON). */
export async function validCall(port: number): Promise<boolean> {
  const answer = await rawExchange(port, [CHECK], { timeoutMs: 15_000 });
  const verdict = classify(answer, { group: "check", name: "valid list", chunks: [] });
  return (answer.status === 200 && verdict === "zoho-data") || (answer.status === 204 && verdict === "no-body");
}

/** Runs `cases` against 127.0.0.1:`port` and returns every result, in the cases' order. */
export async function runFuzz(port: number, cases: readonly FuzzCase[], options: RunOptions = {}): Promise<FuzzRun> {
  const concurrency = options.concurrency ?? 8;
  const batch = options.batch ?? 100;
  const results: CaseResult[] = [];
  const checks = { ok: 0, total: 0 };
  for (let start = 0; start < cases.length; start += batch) {
    const slice = cases.slice(start, start + batch);
    const done: CaseResult[] = new Array(slice.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < slice.length; i = next++) {
        const fuzzCase = slice[i] as FuzzCase;
        const timeoutMs = fuzzCase.mayNotAnswer === true ? (options.holdMs ?? 1500) : (options.deadlineMs ?? 15_000);
        const answer = await rawExchange(port, fuzzCase.chunks, { timeoutMs, head: fuzzCase.head === true });
        const verdict = classify(answer, fuzzCase);
        done[i] = { fuzzCase, answer, verdict, problem: problemWith(answer, verdict, fuzzCase) };
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, slice.length) }, worker));
    results.push(...done);
    checks.total += 1;
    if (await validCall(port)) checks.ok += 1;
  }
  return { results, checks };
}

/**
 * Opens `connections` sockets that send half a request head and then nothing, makes `calls` valid
 * calls while they hang, then closes them. Resolves with how many valid calls were answered right.
 */
export async function slowHeaders(
  port: number,
  connections: number,
  calls: number,
): Promise<{ ok: number; total: number }> {
  const sockets = Array.from({ length: connections }, () => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.on("error", () => undefined);
    socket.write(`GET /crm/v8/Leads/${REC}/Attachments?fields=id HTTP/1.1\r\nHost: 127.0.0.1\r\n${AUTH}\r\nX-Slow: `);
    return socket;
  });
  let ok = 0;
  try {
    for (let i = 0; i < calls; i++) if (await validCall(port)) ok += 1;
  } finally {
    for (const socket of sockets) socket.destroy();
  }
  return { ok, total: calls };
}
