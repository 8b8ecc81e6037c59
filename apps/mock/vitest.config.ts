import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The CLI tests run dist/bin.js; the global setup builds it when it is missing or stale.
    globalSetup: ["test/global-setup.ts"],
    // Loading the spec into Prism takes about a second per server.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
