import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { sampleCorpus } from "./cases.js";
import { figuresOf, table } from "./fuzz-report.js";
import { runFuzz, slowHeaders, validCall } from "./fuzz-run.js";

// The bounded fuzz of `pnpm test`: a seeded sample of the hostile corpus (the same cases every
// run) against both mock modes, in process. It ends by itself: every exchange has a deadline and
// the corpus is fixed. `pnpm fuzz` runs the whole corpus against the real binary.

const CORPUS = sampleCorpus(260, 60);

for (const stateful of [false, true]) {
  describe(`the ${stateful ? "stateful" : "default"} mock under ${CORPUS.length} hostile requests`, () => {
    let mock: MockServer;
    const logged: string[] = [];

    beforeAll(async () => {
      mock = await startMock({ port: 0, stateful, log: (line) => logged.push(line) });
    });

    afterAll(async () => {
      await mock.close();
    });

    it("answers every one it should, Zoho-shaped, without leaks or 5xx, and keeps serving", async () => {
      const run = await runFuzz(mock.port, CORPUS, { batch: 50, holdMs: 1000 });
      const figures = figuresOf(run);
      if (figures.problems.length > 0) console.log(table({ [stateful ? "stateful" : "default"]: figures }));
      expect(figures.problems).toStrictEqual([]);
      expect(figures.sent).toBe(CORPUS.length);
      expect(figures.bug5xx).toBe(0);
      expect(figures.leaks).toBe(0);
      expect(figures.prismProblems).toBe(0);
      expect(figures.otherShapes).toBe(0);
      expect(run.checks.ok).toBe(run.checks.total);
      // Nothing the corpus sends is a failure of the mock's own: the log stays empty.
      expect(logged).toStrictEqual([]);
    });

    it("arms no fault from the control API's garbage", () => {
      expect(mock.faults.state().armed).toStrictEqual([]);
    });

    it("keeps answering valid calls while slow clients hold connections open", async () => {
      expect(await slowHeaders(mock.port, 10, 5)).toStrictEqual({ ok: 5, total: 5 });
      expect(await validCall(mock.port)).toBe(true);
    });
  });
}
