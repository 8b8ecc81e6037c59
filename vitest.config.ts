/**
 * One vitest run over every package's suite (each package's own vitest.config.ts is its project),
 * so `pnpm test` ends with one total for the whole repository. `pnpm --filter <pkg> test` still
 * runs one package's suite alone, with the same config.
 */
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
    // Vitest's default is one worker fewer than the cores, so a 2-core CI machine ran one file at a
    // time; most files wait on child processes and loopback servers, and two at once take about
    // 135 s instead of 180 s there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
