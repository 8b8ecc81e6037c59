import { defineConfig, type Options } from "tsup";

const common = { target: "node20", platform: "node", shims: true } satisfies Options;

export default defineConfig([
  // The library: ESM and CommonJS side by side, each with its own declarations. `shims` turns
  // `import.meta.url` (used to find the spec) into its CommonJS equivalent in the .cjs build.
  // Cleaning spares dist/cli.js, which the second build writes at the same time.
  { ...common, entry: ["src/index.ts"], format: ["esm", "cjs"], dts: true, clean: ["!cli.js"] },
  // The CLI behind bin/zcrm-contract.js: ESM only, never imported by users. One file, no shared
  // chunks, so the library build's cleaning can never remove part of it.
  { ...common, entry: ["src/cli.ts"], format: ["esm"], splitting: false },
]);
