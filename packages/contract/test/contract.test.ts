/**
 * The contract suite: every row of every operation on both lines, through the typed client. It
 * starts the mock twice (example-driven, and stateful for rows that need state), or targets a live
 * org when CONTRACT_BASE_URL, ZOHO_ACCESS_TOKEN and CONTRACT_RECORD_ID are set: read-only rows
 * only, unless CONTRACT_ALLOW_WRITES=1.
 */
import { type MockServer, startMock } from "@zcrm-attachments/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCase } from "../src/run/runner.js";
import { casesFor } from "../src/suite/cases.js";
import { createFixtures, type Fixtures } from "../src/suite/fixtures.js";
import { type ContractTarget, mockTarget, targetFromEnv } from "../src/suite/target.js";
import { ContractValidator } from "../src/validator/validator.js";

const live = targetFromEnv();
const validator = new ContractValidator();
const plans: { title: string; stateful: boolean; live?: ContractTarget }[] = live
  ? [{ title: `the live org at ${live.baseUrl}`, stateful: true, live }]
  : [
      { title: "the default mock", stateful: false },
      { title: "the stateful mock", stateful: true },
    ];

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await createFixtures();
});
afterAll(async () => {
  await fixtures.remove();
});

describe.each(plans)("against $title", (plan) => {
  // The rows of a mock do not depend on its URL, so they are chosen before it starts.
  const rows = casesFor(validator.doc, plan.live ?? mockTarget("http://127.0.0.1:0", plan.stateful));
  const operations = [...new Set(rows.map((r) => r.operation))];
  let mock: MockServer | undefined;
  let target: ContractTarget;

  beforeAll(async () => {
    if (plan.live) {
      target = plan.live;
      return;
    }
    mock = await startMock({ port: 0, stateful: plan.stateful });
    target = mockTarget(mock.url, plan.stateful);
  });
  afterAll(async () => {
    await mock?.close();
  });

  it("has rows to run", () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  describe.each(operations)("%s", (operation) => {
    const table = rows.filter((c) => c.operation === operation).map((c) => [c.name, c] as const);
    it.each(table)("%s", { timeout: 120_000 }, async (_, row) => {
      const result = await runCase(target, row, { validator, fixtures });
      expect(result.failures).toEqual([]);
    });
  });
});
