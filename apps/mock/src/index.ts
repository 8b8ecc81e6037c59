/**
 * Public entry point: start the Zoho CRM attachments mock from code (tests, benchmarks, other tools).
 */
export type { StatefulOptions } from "./answers/routes.js";
export { DEFAULT_STORE_LIMITS } from "./answers/stateful/attachment-store.js";
export { ATTACHMENT_FILE_LIMIT, PHOTO_FILE_LIMIT, UPLOAD_BODY_LIMIT } from "./answers/uploads/upload-limits.js";
export type { Clock, Sleep } from "./clock.js";
export type { LogSink } from "./failure-log.js";
export { type ArmedFault, FAULT_HEADER, MAX_ARMED_FAULTS } from "./faults/fault-registry.js";
export { FAULT_KINDS, type Fault, type FaultKind, type FaultSpec } from "./faults/fault-spec.js";
export type { MockStats } from "./faults/mock-stats.js";
export { CONTROL_PREFIX } from "./http/control-api.js";
export type { JournalEntry } from "./journal/journal-entry.js";
export type { RequestFilter } from "./journal/journal-filter.js";
export { DEFAULT_JOURNAL_LIMIT, type JournalAnswer, MAX_JOURNAL_LIMIT } from "./journal/request-journal.js";
export type { FaultControl, FaultInput, MockOptions, MockServer } from "./mock-options.js";
export { ACCESS_TOKEN_RESET, ISSUED_TOKEN_PREFIX } from "./oauth/access-tokens.js";
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_REFRESH_TOKEN,
  DEFAULT_TOKEN_TTL_SECONDS,
  TOKEN_ERROR_STATUS,
  TOKEN_PATH,
} from "./oauth/token-endpoint.js";
export { defaultSpecPath } from "./prism/spec-path.js";
export type { SeedInput } from "./seed/load-seed.js";
export type {
  Scenario,
  ScenarioAttachment,
  ScenarioFile,
  ScenarioLink,
  ScenarioRecord,
} from "./seed/scenario-schema.js";
export { DEFAULT_HOST, DEFAULT_PORT, startMock } from "./server.js";
