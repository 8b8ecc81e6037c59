/**
 * One vitest run over every package's suite (each package's own vitest.config.ts is its project),
 * so `pnpm test` ends with one total for the whole repository. `pnpm --filter <pkg> test` still
 * runs one package's suite alone, with the same config.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
  },
});
