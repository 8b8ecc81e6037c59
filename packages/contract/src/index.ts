/**
 * Contract checks for Zoho CRM's Files and Attachments API: validate recorded exchanges against
 * the zcrm-attachments spec, and run the contract cases against a mock or a live org.
 */

export type { RecordingFetch, RequestTweak } from "./run/recording-fetch.js";
export { recordingFetch } from "./run/recording-fetch.js";
export { formatReport } from "./run/report.js";
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
export type { LabelledExchange } from "./validator/exchange-file.js";
export { parseExchanges, readExchanges } from "./validator/exchange-file.js";
export type { OpenApiDocument } from "./validator/spec.js";
export { loadSpec } from "./validator/spec.js";
export type { ValidateOptions, ValidationResult } from "./validator/validator.js";
export { ContractValidator } from "./validator/validator.js";
export type { Violation, ViolationKind } from "./validator/violations.js";
export { REQUEST_VIOLATIONS } from "./validator/violations.js";
