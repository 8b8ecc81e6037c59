/**
 * The contract suite: every case of the list operation on both lines, through the typed client.
 * It targets the embedded mock (started and stopped here), or a live org when CONTRACT_BASE_URL,
 * ZOHO_ACCESS_TOKEN and CONTRACT_RECORD_ID are set, in which case only read-only cases run.
 */
import { startMock, type MockServer } from "@zcrm-attachments/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAttachmentsCases } from "../src/cases.js";
import { runCase } from "../src/runner.js";
import { MOCK_RECORD, MOCK_TOKEN, targetFromEnv, type ContractTarget } from "../src/target.js";
import { ContractValidator } from "../src/validator.js";

const live = targetFromEnv();
const validator = new ContractValidator();
const cases = listAttachmentsCases(validator.doc, { live: live?.live ?? false });
const operations = [...new Set(cases.map((c) => c.operation))];

let mock: MockServer | undefined;
let target: ContractTarget;

beforeAll(async () => {
  if (live) {
    target = live;
    return;
  }
  mock = await startMock({ port: 0 });
  target = { baseUrl: mock.url, token: MOCK_TOKEN, ...MOCK_RECORD, live: false };
});

afterAll(async () => {
  await mock?.close();
});

describe.each(operations)("%s", (operation) => {
  const rows = cases.filter((c) => c.operation === operation).map((c) => [c.name, c] as const);
  it.each(rows)("%s", async (_, row) => {
    const result = await runCase(target, row, validator);
    expect(result.failures).toEqual([]);
  });
});

describe("the case table", () => {
  it("covers every documented response of both list operations", () => {
    const documented = cases.filter((c) => c.source === "documented").map((c) => `${c.operationId} ${c.name}`);
    if (live) return; // a live org gets no documented-response cases
    for (const operationId of ["listAttachmentsV2", "listAttachments"]) {
      for (const status of ["200", "204", "304", "400", "401", "403", "404", "500"]) {
        expect(documented.some((name) => name.startsWith(`${operationId} documented ${status}`))).toBe(true);
      }
    }
    expect(documented).toContain("listAttachments documented 400 requiredParamMissing");
    expect(documented).not.toContain("listAttachmentsV2 documented 400 requiredParamMissing");
  });
});
