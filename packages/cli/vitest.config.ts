import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/helpers/setup.ts"],
    // The tests run the built bin as a child process against a real mock (Prism starts in 1.5 s or
    // so, more on a busy machine), so hooks and tests get room; each test still stops by itself.
    hookTimeout: 60_000,
    testTimeout: 90_000,
  },
});
