/**
 * The suite must be able to fail: a deliberately broken spec, or a server that answers off-contract,
 * turns it red with a reason that names the problem.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startMock, type MockServer } from "@zcrm-attachments/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runContract, type CaseResult } from "../src/runner.js";
import { loadSpec, type OpenApiDocument } from "../src/spec.js";
import { MOCK_RECORD, MOCK_TOKEN, type ContractTarget } from "../src/target.js";
import { ContractValidator } from "../src/validator.js";

type Schema = { properties: Record<string, unknown>; required?: string[] };
const attachment = (spec: OpenApiDocument) => (spec.components?.schemas as Record<string, Schema>).Attachment as Schema;

let mock: MockServer;
let target: ContractTarget;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  target = { baseUrl: mock.url, token: MOCK_TOKEN, ...MOCK_RECORD, live: false };
});
afterAll(async () => {
  await mock.close();
});

const failuresOf = (results: CaseResult[]) => results.filter((r) => !r.passed).flatMap((r) => r.failures.map((f) => `${r.case.operationId} ${r.case.name}: ${f}`));

describe("the contract suite turns red", () => {
  it("passes against the mock with the real spec (the control)", async () => {
    expect(failuresOf(await runContract(target))).toEqual([]);
  });

  it.each([
    {
      breakage: "drops File_Name from the attachment schema",
      apply: (spec: OpenApiDocument) => void delete attachment(spec).properties.File_Name,
      expected: "must NOT have additional properties (File_Name)",
    },
    {
      breakage: "makes Size integer-only",
      apply: (spec: OpenApiDocument) => void (attachment(spec).properties.Size = { type: "integer", minimum: 0 }),
      expected: "body/data/0/Size must be integer",
    },
    {
      breakage: "types record ids as integers",
      apply: (spec: OpenApiDocument) => void ((spec.components?.schemas as Record<string, unknown>).RecordId = { type: "integer" }),
      expected: "body/data/0/id must be integer",
    },
  ])("when the spec $breakage", async ({ apply, expected }) => {
    const spec = structuredClone(loadSpec());
    apply(spec);
    const failures = failuresOf(await runContract(target, { validator: new ContractValidator(spec) }));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.some((f) => f.includes(expected))).toBe(true);
  });

  describe("against a server that answers off-contract", () => {
    let server: Server;
    let offTarget: ContractTarget;
    beforeAll(async () => {
      // Answers every request with numeric ids, a non-array data and no info.
      server = createServer((_, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: { id: 4150868000002728012 } }));
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      offTarget = { ...target, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("fails every case, naming the violations", async () => {
      const results = await runContract(offTarget);
      expect(results.every((r) => !r.passed)).toBe(true);
      const failures = failuresOf(results);
      expect(failures).toContain("listAttachmentsV2 lists a record's attachments: contract: body/data must be array");
      expect(failures).toContain("listAttachmentsV2 lists a record's attachments: contract: body must have required property 'info'");
      expect(failures.some((f) => f.includes("status 200, expected 400"))).toBe(true);
    });
  });
});
