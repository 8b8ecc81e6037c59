import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // `vitest run` also type-checks test/**/*.test-d.ts (expectTypeOf, assertType, @ts-expect-error)
    // with tsc, so type tests fail `pnpm test` like runtime ones.
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
