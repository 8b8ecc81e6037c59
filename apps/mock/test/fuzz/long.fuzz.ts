import { afterAll, describe, expect, it } from "vitest";
import { fullCorpus } from "./cases.js";
import { type Figures, figuresOf, table } from "./fuzz-report.js";
import { runFuzz, slowHeaders } from "./fuzz-run.js";
import { type MockProcess, startMockProcess } from "./mock-process.js";

// `pnpm fuzz`: the whole corpus (the review's groups plus 1,000 seeded mutations, over 2,000
// requests a run), three runs on one process of the real binary per mode, then 30 slow-header
// connections held open beside 35 valid calls. Prints the table; fails on a crash, a leak, a
// 5xx nobody asked for, an answer that is not Zoho-shaped, a stack on stderr, or memory that grows.

const RUNS = 3;
const CORPUS = fullCorpus();
const columns: Record<string, Figures> = {};
const extra = new Map<string, Record<string, string>>();
const note = (row: string, column: string, value: string) => extra.set(row, { ...extra.get(row), [column]: value });

afterAll(() => {
  console.log(`\nzcrm-mock fuzz (seeded; ${CORPUS.length} cases a run, ${RUNS} runs per mode)\n`);
  console.log(table(columns, [...extra.entries()]));
});

for (const mode of ["default", "stateful"] as const) {
  describe(`the ${mode} mock`, () => {
    it(`holds ${RUNS} runs of ${CORPUS.length} hostile requests`, async () => {
      const mock: MockProcess = await startMockProcess(mode === "stateful" ? ["--stateful"] : []);
      try {
        const rss: string[] = [];
        const after: number[] = [];
        for (let run = 1; run <= RUNS; run++) {
          const before = mock.rssMiB();
          const result = await runFuzz(mock.port, CORPUS);
          after.push(mock.rssMiB());
          rss.push(`${before.toFixed(0)} → ${mock.rssMiB().toFixed(0)}`);
          const figures = figuresOf(result);
          columns[`${mode}, run ${run}`] = figures;
          expect(figures.problems).toStrictEqual([]);
          expect(result.checks.ok).toBe(result.checks.total);
        }
        const slow = await slowHeaders(mock.port, 30, 35);
        const stderr = mock.stderr();
        for (let run = 1; run <= RUNS; run++) {
          const column = `${mode}, run ${run}`;
          note("Mock RSS before → after the run (MiB)", column, rss[run - 1] ?? "");
          note("Crashes or restarts", column, mock.alive() ? "0" : "the process is gone");
          if (run === RUNS) {
            note("Valid calls while 30 slow-header connections were open", column, `${slow.ok}/${slow.total} OK`);
            note(
              "Lines the mock wrote to stderr (all runs)",
              column,
              String(stderr.split("\n").filter(Boolean).length),
            );
            note("Stack frames on stderr (all runs)", column, String((stderr.match(/\n\s+at /g) ?? []).length));
          }
        }
        expect(mock.alive()).toBe(true);
        expect(slow).toStrictEqual({ ok: 35, total: 35 });
        expect(stderr).toBe("");
        // Flat: RSS swings by ±35 MiB from run to run as the heap grows and is collected, so the
        // last run may not end more than 16 MiB above the highest end of the runs before it; a
        // leak climbs run after run, and one of 8 KB per request trips this.
        expect((after[RUNS - 1] ?? 0) - Math.max(...after.slice(0, -1))).toBeLessThan(16);
      } finally {
        await mock.stop();
      }
    });
  });
}
