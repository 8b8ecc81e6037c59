// Public entry point: start the Zoho CRM attachments mock from code (tests, benchmarks, other tools).
export { DEFAULT_HOST, DEFAULT_PORT, startMock, type MockOptions, type MockServer } from "./server.js";
export { defaultSpecPath } from "./spec-path.js";
