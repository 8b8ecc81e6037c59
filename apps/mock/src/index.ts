// Public entry point: start the Zoho CRM attachments mock from code (tests, benchmarks, other tools).

export { ACCESS_TOKEN_RESET, ISSUED_TOKEN_PREFIX } from "./access-tokens.js";
export type { StatefulOptions } from "./binary/binary-routes.js";
export type { Clock, Sleep } from "./clock.js";
export { CONTROL_PREFIX } from "./control-api.js";
export { type ArmedFault, FAULT_HEADER } from "./fault-registry.js";
export { FAULT_KINDS, type Fault, type FaultKind, type FaultSpec } from "./fault-spec.js";
export type { FaultControl, FaultInput, MockOptions, MockServer } from "./mock-options.js";
export type { MockStats } from "./mock-stats.js";
export { DEFAULT_HOST, DEFAULT_PORT, startMock } from "./server.js";
export { defaultSpecPath } from "./spec-path.js";
export { DEFAULT_STORE_LIMITS } from "./store/attachment-store.js";
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_REFRESH_TOKEN,
  DEFAULT_TOKEN_TTL_SECONDS,
  TOKEN_ERROR_STATUS,
  TOKEN_PATH,
} from "./token-endpoint.js";
export { ATTACHMENT_FILE_LIMIT, PHOTO_FILE_LIMIT, UPLOAD_BODY_LIMIT } from "./uploads/upload-limits.js";
