/**
 * Contract checks for Zoho CRM's Files and Attachments API: validate recorded exchanges against
 * the zcrm-attachments spec, and run the contract cases against a mock or a live org.
 */
export { ContractValidator } from "./validator.js";
export type { Exchange, HeaderValues, ValidateOptions, ValidationResult, Violation, ViolationKind } from "./validator.js";
export { loadSpec, normalizeVersion } from "./spec.js";
export type { OpenApiDocument } from "./spec.js";
export { parseExchanges, readExchanges } from "./exchange-file.js";
export type { LabelledExchange } from "./exchange-file.js";
export { LINES, listAttachmentsCases } from "./cases.js";
export type { ContractCase, Expectation, Line } from "./cases.js";
export { runCase, runContract } from "./runner.js";
export type { CaseResult, RunOptions } from "./runner.js";
export { formatReport } from "./report.js";
export { liveTarget, MOCK_RECORD, MOCK_TOKEN, targetFromEnv, TARGET_ENV } from "./target.js";
export type { ContractTarget } from "./target.js";
