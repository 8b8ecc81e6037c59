/**
 * Contract checks for Zoho CRM's Files and Attachments API: validate recorded exchanges against
 * the zcrm-attachments spec, and run the contract cases against a mock or a live org.
 */

export type {
  CallName,
  ContractCase,
  Expectation,
  FixtureName,
  Line,
  OperationName,
  Preparation,
  TargetKind,
} from "./cases.js";
export { allCases, casesFor, isPhotoModule, LINES, OPERATION_NAMES, operationIdOf, targetKind } from "./cases.js";
export type { ContentDisposition } from "./content-disposition.js";
export { parseContentDisposition } from "./content-disposition.js";
export type { Exchange, FormPart, HeaderValues, ReceivedBody, RequestBody } from "./exchange.js";
export type { LabelledExchange } from "./exchange-file.js";
export { parseExchanges, readExchanges } from "./exchange-file.js";
export type { FixtureFile, Fixtures } from "./fixtures.js";
export { createFixtures, LARGE_FILE_BYTES } from "./fixtures.js";
export type { RecordingFetch, RequestTweak } from "./recording-fetch.js";
export { recordingFetch } from "./recording-fetch.js";
export { formatReport } from "./report.js";
export type { CaseContext, CaseResult, RunOptions } from "./runner.js";
export { runCase, runContract } from "./runner.js";
export type { OpenApiDocument } from "./spec.js";
export { loadSpec, normalizeVersion } from "./spec.js";
export type { ContractTarget, LiveSettings } from "./target.js";
export { liveTarget, MOCK_RECORD, MOCK_TOKEN, mockTarget, TARGET_ENV, targetFromEnv } from "./target.js";
export type { ValidateOptions, ValidationResult, Violation, ViolationKind } from "./validator.js";
export { ContractValidator, REQUEST_VIOLATIONS } from "./validator.js";
