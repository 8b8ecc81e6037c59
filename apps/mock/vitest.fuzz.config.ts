import { defineConfig } from "vitest/config";

// `pnpm fuzz`: the long fuzz of test/fuzz/long.fuzz.ts against the built binary (the global setup
// builds dist/ when it is missing or stale). Not part of `pnpm test`, whose config only takes *.test.ts.
export default defineConfig({
  test: {
    include: ["test/fuzz/**/*.fuzz.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Three runs of over 2,000 requests per mode, plus start-up: minutes, bounded by every exchange's deadline.
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
  },
});
