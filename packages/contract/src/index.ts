/**
 * Contract checks for Zoho CRM's Files and Attachments API: validate recorded exchanges against
 * the zcrm-attachments spec, run the contract cases against a mock or a live org, and check (and
 * record) live traffic through a reverse proxy.
 */

export type { ProxyOptions, ProxyServer } from "./proxy/proxy-options.js";
export { DEFAULT_MAX_JSON_BYTES, DEFAULT_PROXY_PORT } from "./proxy/proxy-options.js";
export { startProxy } from "./proxy/start-proxy.js";
export type { CellState, CoverageCell, CoverageSummary, UndocumentedAnswer } from "./report/coverage.js";
export { CoverageMatrix, codesOf } from "./report/coverage.js";
export type { ExchangeFilter, FilterPatterns } from "./report/exchange-filter.js";
export { exchangeFilter } from "./report/exchange-filter.js";
export type { GithubOptions } from "./report/reporters/github-reporter.js";
export { escapeData, escapeProperty, GithubReporter, workflowCommand } from "./report/reporters/github-reporter.js";
export { JSON_REPORT_VERSION, JsonReporter, jsonReport } from "./report/reporters/json-reporter.js";
export { JunitReporter, junitReport } from "./report/reporters/junit-reporter.js";
export { MARKDOWN_BUDGET, MarkdownReporter, markdownReport } from "./report/reporters/markdown-reporter.js";
export { formatReport } from "./report/reporters/text-layout.js";
export type { TextOptions } from "./report/reporters/text-reporter.js";
export { TextReporter } from "./report/reporters/text-reporter.js";
export { curlLine, reproOf } from "./report/repro.js";
export type { EntryPlace, SessionOptions } from "./report/session.js";
export { ContractSession } from "./report/session.js";
export type { ColorSettings, Sink } from "./report/sink.js";
export { colorFor, fileSink, stdoutSink } from "./report/sink.js";
export type {
  Finding,
  Outcome,
  Reporter,
  Repro,
  SessionInfo,
  SessionResult,
  Totals,
  Verdict,
} from "./report/verdict.js";
export type { RecordingFetch, RequestTweak } from "./run/recording-fetch.js";
export { recordingFetch } from "./run/recording-fetch.js";
export type { PlannedRow } from "./run/run-plan.js";
export { checkReachable, planRun } from "./run/run-plan.js";
export type { RunOptions } from "./run/runner.js";
export { runCase, runContract } from "./run/runner.js";
export type {
  CallName,
  CaseContext,
  CaseResult,
  ContractCase,
  Expectation,
  FixtureName,
  Preparation,
  TargetKind,
} from "./suite/case-types.js";
export { allCases, casesFor, isPhotoModule, targetKind } from "./suite/cases.js";
export type { FixtureFile, Fixtures } from "./suite/fixtures.js";
export { createFixtures, LARGE_FILE_BYTES } from "./suite/fixtures.js";
export type { ContractTarget, LiveSettings } from "./suite/target.js";
export { liveTarget, MOCK_RECORD, MOCK_TOKEN, mockTarget, TARGET_ENV, targetFromEnv } from "./suite/target.js";
export type { ContentDisposition } from "./validator/content-disposition.js";
export { parseContentDisposition } from "./validator/content-disposition.js";
export type { Exchange, FormPart, HeaderValues, ReceivedBody, RequestBody } from "./validator/exchange.js";
export type { LabelledExchange, RecordingEntry, UnreadableEntry } from "./validator/exchange-file.js";
export { isReadable, parseExchanges, readExchanges } from "./validator/exchange-file.js";
export {
  isSecretName,
  REDACTED,
  Redactor,
  redactExchange,
  redactHeader,
  redactHeaders,
  secretsOf,
} from "./validator/redact.js";
export type { RedactedText } from "./validator/redact-body.js";
export { isSecretField, redactFormText, redactJsonText } from "./validator/redact-body.js";
export type { OpenApiDocument } from "./validator/spec.js";
export { loadSpec } from "./validator/spec.js";
export type { ValidateOptions, ValidationResult } from "./validator/validator.js";
export { ContractValidator } from "./validator/validator.js";
export type { Violation, ViolationKind } from "./validator/violations.js";
export { REQUEST_VIOLATIONS } from "./validator/violations.js";
