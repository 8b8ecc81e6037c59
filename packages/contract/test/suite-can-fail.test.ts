/**
 * The suite must be able to fail: a deliberately broken spec, or a server that answers off-contract,
 * turns it red with a reason that names the problem.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { type MockServer, startMock } from "@zcrm-attachments/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runContract } from "../src/run/runner.js";
import type { CaseResult } from "../src/suite/case-types.js";
import { allCases } from "../src/suite/cases.js";
import { createFixtures, type Fixtures } from "../src/suite/fixtures.js";
import { type ContractTarget, mockTarget } from "../src/suite/target.js";
import { loadSpec, type OpenApiDocument } from "../src/validator/spec.js";
import { ContractValidator } from "../src/validator/validator.js";

type Schema = { properties: Record<string, unknown>; required?: string[] };
const attachment = (spec: OpenApiDocument) =>
  ((spec.components?.schemas ?? {}) as Record<string, Schema>).Attachment as Schema;

let mock: MockServer;
let target: ContractTarget;
let fixtures: Fixtures;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  target = mockTarget(mock.url);
  fixtures = await createFixtures({ largeBytes: 1024 });
});
afterAll(async () => {
  await mock.close();
  await fixtures.remove();
});

const failuresOf = (results: CaseResult[]) =>
  results.filter((r) => !r.passed).flatMap((r) => r.failures.map((f) => `${r.case.operationId} ${r.case.name}: ${f}`));

/** Starts a server on loopback; `handle` answers each request. */
async function serve(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A proxy in front of the mock that lets `bend` change a download's answer on its way back. */
function downloadProxy(bend: (headers: Headers, bytes: Uint8Array, res: ServerResponse) => void) {
  return serve(async (req, res) => {
    const init: RequestInit & { duplex?: "half" } = {
      method: req.method ?? "GET",
      headers: req.headers as Record<string, string>,
    };
    if (req.method !== "GET" && req.method !== "HEAD")
      Object.assign(init, { body: Readable.toWeb(req), duplex: "half" });
    const answer = await fetch(`${mock.url}${req.url ?? "/"}`, init);
    const bytes = new Uint8Array(await answer.arrayBuffer());
    const headers = new Headers(answer.headers);
    headers.delete("transfer-encoding");
    if (answer.status === 200 && /\/Attachments\/\d+$/.test((req.url ?? "").split("?")[0] ?? ""))
      return bend(headers, bytes, res);
    res.writeHead(answer.status, Object.fromEntries(headers));
    res.end(bytes);
  });
}

const downloadRow = (line: "v2" | "v8") =>
  allCases(loadSpec()).filter(
    (r) =>
      r.operationId === (line === "v2" ? "downloadAttachmentV2" : "downloadAttachment") &&
      r.name === "downloads a file",
  );

describe("the contract suite turns red", () => {
  it("passes against the mock with the real spec (the control)", async () => {
    expect(failuresOf(await runContract(target, { fixtures }))).toEqual([]);
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
      apply: (spec: OpenApiDocument) =>
        void ((spec.components?.schemas as Record<string, unknown>).RecordId = { type: "integer" }),
      expected: "body/data/0/id must be integer",
    },
  ])("when the spec $breakage", async ({ apply, expected }) => {
    const spec = structuredClone(loadSpec());
    apply(spec);
    const failures = failuresOf(await runContract(target, { validator: new ContractValidator(spec), fixtures }));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.some((f) => f.includes(expected))).toBe(true);
  });

  it("when a bulk delete's items are not the codes the row expects", async () => {
    const [documented] = allCases(loadSpec()).filter(
      (r) => r.operationId === "deleteAttachments" && r.name.startsWith("documented 200 "),
    );
    if (!documented) throw new Error("no documented 200 row for deleteAttachments");
    const row = { ...documented, expect: { ...documented.expect, itemCodes: ["SUCCESS", "INVALID_DATA"] } };
    const [result] = await runContract(target, { fixtures, cases: [row] });
    expect(result?.failures).toEqual(['data[] codes ["SUCCESS","SUCCESS"], expected ["SUCCESS","INVALID_DATA"]']);
    const [control] = await runContract(target, {
      fixtures,
      cases: [{ ...documented, expect: { ...documented.expect, itemCodes: ["SUCCESS", "SUCCESS"] } }],
    });
    expect(control?.failures).toEqual([]);
  });

  it("when the client sends a call it should refuse", async () => {
    const [valid] = allCases(loadSpec()).filter(
      (r) => r.operationId === "listAttachments" && r.name === "lists a record's attachments",
    );
    if (!valid) throw new Error("no valid list row");
    const row = { ...valid, expect: { status: [], refusal: "Did you mean" } };
    const [result] = await runContract(target, { fixtures, cases: [row] });
    expect(result?.failures).toEqual([
      "the client sent 1 request(s) instead of refusing the call",
      "the client returned a result instead of refusing the call",
    ]);
  });

  describe("against a server that answers off-contract", () => {
    let server: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      // Answers every request with numeric ids, a non-array data and no info.
      server = await serve((_, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: { id: 4150868000002728012 } }));
      });
    });
    afterAll(() => server.close());

    it("fails every case that reaches it, naming the violations", async () => {
      const results = await runContract(mockTarget(server.url), { fixtures });
      // Rows the client must refuse never reach a server, so no server can turn them red.
      const refused = results.filter((r) => r.case.expect.refusal !== undefined);
      expect(refused.map((r) => [r.case.module, r.passed, r.exchanges.length])).toEqual([
        ["leads", true, 0],
        ["leads", true, 0],
      ]);
      expect(results.filter((r) => r.case.expect.refusal === undefined).every((r) => !r.passed)).toBe(true);
      const failures = failuresOf(results);
      expect(failures).toContain("listAttachmentsV2 lists a record's attachments: contract: body/data must be array");
      expect(failures).toContain(
        "listAttachmentsV2 lists a record's attachments: contract: body must have required property 'info'",
      );
      expect(failures.some((f) => f.includes("status 200, expected 400"))).toBe(true);
      expect(failures).toContain(
        "downloadAttachment downloads a file: contract: required header Content-Disposition is missing",
      );
    });
  });

  describe("against a server whose downloads are broken", () => {
    it.each(["v2", "v8"] as const)(
      "a download without Content-Disposition turns the row red (%s line)",
      async (line) => {
        const proxy = await downloadProxy((headers, bytes, res) => {
          headers.delete("content-disposition");
          res.writeHead(200, Object.fromEntries(headers));
          res.end(bytes);
        });
        try {
          const [result] = await runContract(mockTarget(proxy.url), { fixtures, cases: downloadRow(line) });
          expect(result?.passed).toBe(false);
          expect(result?.failures).toContain("contract: required header Content-Disposition is missing");
        } finally {
          await proxy.close();
        }
      },
    );

    it("a download cut short of its Content-Length turns the row red", async () => {
      const proxy = await downloadProxy((headers, bytes, res) => {
        res.writeHead(200, Object.fromEntries(headers));
        // Half the promised bytes, then the connection drops.
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
      });
      try {
        const [result] = await runContract(mockTarget(proxy.url), { fixtures, cases: downloadRow("v8") });
        expect(result?.passed).toBe(false);
        expect(result?.failures.join("\n")).toMatch(/the client threw .* for a 200 response/);
      } finally {
        await proxy.close();
      }
    });

    it("a Content-Length that disagrees with the bytes received turns the row red", async () => {
      // A server cannot frame this over HTTP/1.1, but a broken proxy or recorder can report it:
      // the recorder's fetch sees the declared length differ from what it counts.
      const lying: typeof fetch = async (input, init) => {
        const answer = await fetch(input, init);
        if (!/\/Attachments\/\d+$/.test(new URL(answer.url).pathname)) return answer;
        const headers = new Headers(answer.headers);
        headers.set("content-length", String(Number(headers.get("content-length") ?? 0) + 7));
        return new Response(answer.body, { status: answer.status, headers });
      };
      const [result] = await runContract(target, { fixtures, cases: downloadRow("v2"), fetch: lying });
      expect(result?.passed).toBe(false);
      expect(result?.failures.some((f) => /^contract: Content-Length says \d+ bytes, the body has \d+$/.test(f))).toBe(
        true,
      );
    });
  });
});
