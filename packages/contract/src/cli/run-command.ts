/**
 * `zcrm-contract run`: the contract suite through the typed client, against the embedded mocks
 * (example-driven and stateful) or another server. Rows are reported as they finish, each
 * operation's rows of both mocks together. A server that cannot be reached, or settings that are
 * missing, stop the run with exit 2 before any row.
 */
import { performance } from "node:perf_hooks";
import type { Command } from "commander";
import { ContractSession } from "../report/session.js";
import { checkReachable, planRun } from "../run/run-plan.js";
import { runCase } from "../run/runner.js";
import { createFixtures } from "../suite/fixtures.js";
import { type ContractTarget, liveTarget, mockTarget, TARGET_ENV } from "../suite/target.js";
import { Redactor } from "../validator/redact.js";
import { ContractValidator } from "../validator/validator.js";
import { asUsage, UsageError } from "./exit-status.js";
import {
  collect,
  finishOptions,
  type GlobalOptions,
  type ReportOptions,
  reportersFor,
  TOOL,
  withReportOptions,
} from "./shared-options.js";

interface RunOptions extends ReportOptions {
  baseUrl?: string;
  token?: string;
  module?: string;
  recordId?: string;
  allowWrites?: boolean;
  attachmentId?: string;
  stateful?: boolean;
}

/** Adds the run command to the program; `done` receives its exit status. */
export function addRunCommand(program: Command, done: (code: number) => void): void {
  const command = program
    .command("run")
    .summary("run the contract suite against the embedded mock or a server")
    .description(
      `Runs the contract suite through the typed client. Without --base-url (or ${TARGET_ENV.baseUrl}) it starts ` +
        "the embedded mock twice (example-driven, and stateful for the rows that need state) and runs every row. " +
        `Another server needs a token (${TARGET_ENV.token}) and a record id (${TARGET_ENV.recordId}); a live org gets ` +
        `read-only rows unless --allow-writes (${TARGET_ENV.allowWrites}=1) lets the writing rows run on that record ` +
        "(they delete what they create).",
    )
    .option("--base-url <url>", `the server (${TARGET_ENV.baseUrl}); without it the embedded mocks`)
    .option("--token <token>", `the access token (${TARGET_ENV.token}); never printed`)
    .option("--module <module>", `the record's module (${TARGET_ENV.module}; Leads by default)`)
    .option("--record-id <id>", `the record to work on (${TARGET_ENV.recordId})`)
    .option("--allow-writes", `let a live run upload, attach and delete on the record (${TARGET_ENV.allowWrites}=1)`)
    .option("--attachment-id <id>", `an attachment a read-only live run may download (${TARGET_ENV.attachmentId})`)
    .option("--stateful", "the server keeps state (a mock started with --stateful)")
    .option(
      "--include <text>",
      "run only the rows whose name (operation › case) contains the text; repeatable",
      collect,
    )
    .option(
      "--exclude <text>",
      "leave out the rows whose name contains the text (reported as skipped); repeatable",
      collect,
    );
  withReportOptions(command).addHelpText(
    "after",
    `
Examples:
  $ zcrm-contract run
  $ zcrm-contract run --reporter junit=reports/contract.xml --reporter markdown=reports/contract.md --min-coverage 100
  $ zcrm-contract run --base-url https://www.zohoapis.eu --token "$ZOHO_ACCESS_TOKEN" --record-id 4150868000002728001`,
  );
  command.action(async (options: RunOptions, self: Command) => {
    done(await run(options, self.optsWithGlobals<GlobalOptions & RunOptions>()));
  });
}

async function run(options: RunOptions, globals: GlobalOptions): Promise<number> {
  const env = process.env;
  const redactor = new Redactor();
  const token = options.token ?? env[TARGET_ENV.token];
  redactor.add(token);
  const reporters = reportersFor(options, globals, redactor);
  const validator = new ContractValidator();
  const stops: (() => Promise<void>)[] = [];
  try {
    const targets: { target: ContractTarget; label: string }[] = [];
    const baseUrl = options.baseUrl ?? env[TARGET_ENV.baseUrl];
    if (baseUrl) {
      const target = await asUsage(() =>
        liveTarget({
          baseUrl,
          token,
          module: options.module ?? env[TARGET_ENV.module],
          recordId: options.recordId ?? env[TARGET_ENV.recordId],
          allowWrites: options.allowWrites === true || env[TARGET_ENV.allowWrites] === "1",
          attachmentId: options.attachmentId ?? env[TARGET_ENV.attachmentId],
          stateful: options.stateful === true,
        }),
      );
      await asUsage(() => checkReachable(target.baseUrl));
      const mode = target.live
        ? target.allowWrites
          ? " (live org: writes allowed)"
          : " (live org: read-only rows)"
        : "";
      targets.push({ target, label: `${target.baseUrl}${mode}` });
    } else {
      for (const stateful of [false, true]) {
        const mock = await startEmbeddedMock(stateful);
        stops.push(() => mock.close());
        targets.push({
          target: mockTarget(mock.url, stateful),
          label: `the embedded ${stateful ? "stateful " : ""}mock at ${mock.url}`,
        });
      }
    }
    // Rows --include does not name are not part of this run; rows --exclude names are, skipped.
    const named = (row: { operation: string; name: string }) => `${row.operation} › ${row.name}`;
    const plan = planRun(
      validator.doc,
      targets.map((t) => t.target),
    ).filter(({ row }) => !options.include || options.include.some((text) => named(row).includes(text)));
    const title = `Contract run against ${targets.map((t) => t.label).join(" and ")}`;
    const session = new ContractSession(
      { command: "run", title, expected: plan.length, startedAt: new Date(), tool: TOOL },
      { validator, reporters, redactor },
    );
    const fixtures = await createFixtures();
    stops.push(() => fixtures.remove());
    for (const { target, row, source } of plan) {
      const excluded = options.exclude?.find((text) => named(row).includes(text));
      if (excluded !== undefined) {
        session.skipRow(row, `left out by --exclude ${JSON.stringify(excluded)}`, { source });
        continue;
      }
      const started = performance.now();
      const result = await runCase(target, row, { validator, fixtures });
      session.recordRow(result, { source, durationMs: performance.now() - started });
    }
    const result = await session.finish(finishOptions(options));
    return result.exitCode;
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
