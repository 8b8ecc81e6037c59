/**
 * zcrm-contract: run the contract suite against a server, or validate recorded exchanges.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { apiLines } from "@zcrm-attachments/types";
import { formatReport } from "./run/report.js";
import { runContract } from "./run/runner.js";
import type { CaseResult } from "./suite/case-types.js";
import { createFixtures } from "./suite/fixtures.js";
import { type ContractTarget, liveTarget, mockTarget, TARGET_ENV } from "./suite/target.js";
import { readExchanges } from "./validator/exchange-file.js";
import { ContractValidator } from "./validator/validator.js";

/** The versions the spec serves, line by line, as the usage text names them (a long line as a range). */
const SUPPORTED_VERSIONS = Object.values(apiLines)
  .map(({ versions }) => (versions.length > 2 ? `${versions[0]} to ${versions.at(-1)}` : versions.join(", ")))
  .join(", ");

const USAGE = `Usage:
  zcrm-contract run [--base-url <url>] [--token <token>] [--module <module>] [--record-id <id>]
                    [--allow-writes] [--attachment-id <id>] [--stateful] [--json]
      Runs the contract suite through the typed client. Without --base-url (or ${TARGET_ENV.baseUrl})
      it starts the embedded mock twice (example-driven, and stateful for the rows that need state)
      and runs every row. Another server needs a token (${TARGET_ENV.token}) and a record id
      (${TARGET_ENV.recordId}); a live org gets read-only rows unless --allow-writes
      (${TARGET_ENV.allowWrites}=1) lets the writing rows run on that record (they delete what they
      create). --attachment-id (${TARGET_ENV.attachmentId}) names a file a read-only run may download.
      --stateful says a local server keeps state (a mock started with --stateful).
  zcrm-contract validate <file> [<file> ...]
      Checks recorded exchanges: JSON {"request":{"method","path","query","headers"},"response":{"status","headers","body"}},
      an array of them, or a HAR file. Paths of any supported version (${SUPPORTED_VERSIONS}) are accepted.
      Downloads are checked by their headers and size (a HAR entry may leave the bytes out).

Exits 1 when a case fails or an exchange departs from the contract, 2 on bad usage.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "run") return run(rest);
  if (command === "validate") return validate(rest);
  throw new UsageError(`unknown command "${command}"`);
}

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      "base-url": { type: "string" },
      token: { type: "string" },
      module: { type: "string" },
      "record-id": { type: "string" },
      "allow-writes": { type: "boolean", default: false },
      "attachment-id": { type: "string" },
      stateful: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  const env = process.env;
  const baseUrl = values["base-url"] ?? env[TARGET_ENV.baseUrl];
  const fixtures = await createFixtures();
  const stops: (() => Promise<void>)[] = [() => fixtures.remove()];
  try {
    const runs: { target: ContractTarget; label: string }[] = [];
    if (baseUrl) {
      const target = liveTarget({
        baseUrl,
        token: values.token ?? env[TARGET_ENV.token],
        module: values.module ?? env[TARGET_ENV.module],
        recordId: values["record-id"] ?? env[TARGET_ENV.recordId],
        allowWrites: values["allow-writes"] || env[TARGET_ENV.allowWrites] === "1",
        attachmentId: values["attachment-id"] ?? env[TARGET_ENV.attachmentId],
        stateful: values.stateful,
      });
      const mode = target.live
        ? target.allowWrites
          ? " (live org: writes allowed)"
          : " (live org: read-only rows)"
        : "";
      runs.push({ target, label: `${target.baseUrl}${mode}` });
    } else {
      for (const stateful of [false, true]) {
        const mock = await startEmbeddedMock(stateful);
        stops.push(() => mock.close());
        runs.push({
          target: mockTarget(mock.url, stateful),
          label: `the embedded ${stateful ? "stateful " : ""}mock at ${mock.url}`,
        });
      }
    }
    const results: CaseResult[] = [];
    for (const { target } of runs) results.push(...(await runContract(target, { fixtures })));
    if (values.json) {
      const summary = results.map((r) => ({
        operation: r.case.operation,
        line: apiLines[r.case.line].specVersion,
        source: r.case.source,
        case: r.case.name,
        passed: r.passed,
        status: r.exchange?.response.status,
        failures: r.failures,
      }));
      console.log(JSON.stringify(summary, null, 2));
    } else {
      console.log(formatReport(results, runs.map((r) => r.label).join(" and ")));
    }
    return results.every((r) => r.passed) ? 0 : 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

async function startEmbeddedMock(stateful: boolean): Promise<{ url: string; close(): Promise<void> }> {
  let mock: typeof import("@zcrm-attachments/mock");
  try {
    mock = await import("@zcrm-attachments/mock");
  } catch {
    throw new UsageError(
      "no --base-url given and @zcrm-attachments/mock is not installed: install it, or point the run at a server with --base-url",
    );
  }
  return mock.startMock({ port: 0, stateful });
}

async function validate(files: string[]): Promise<number> {
  if (files.length === 0) throw new UsageError("validate needs at least one file");
  const validator = new ContractValidator();
  let bad = 0;
  let total = 0;
  // Under `pnpm zcrm-contract` the process runs at the repository root; INIT_CWD is where the user typed it.
  const base = process.env.INIT_CWD ?? process.cwd();
  for (const file of files) {
    for (const { label, exchange } of await readExchanges(resolve(base, file))) {
      total++;
      const result = validator.validate(exchange);
      const head = `${exchange.request.method.toUpperCase()} ${exchange.request.path} → ${exchange.response.status}`;
      if (result.violations.length === 0) {
        console.log(`✓ ${label}: ${head} conforms to ${result.operation}`);
        continue;
      }
      bad++;
      console.log(`✗ ${label}: ${head}${result.operation ? ` (${result.operation})` : ""}`);
      for (const v of result.violations) console.log(`    - ${v.message}`);
    }
  }
  console.log(`\n${total - bad} passed, ${bad} failed`);
  return bad === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    console.error(`zcrm-contract: ${error instanceof Error ? error.message : String(error)}`);
    if (usage) console.error(`\n${USAGE}`);
    process.exitCode = usage ? 2 : 1;
  },
);
