import { defineConfig } from "tsup";

// ESM and CommonJS side by side, each with its own declarations (index.d.ts / index.d.cts), so
// `import` and `require` users both get types that match the file Node loads.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "node20",
  platform: "node",
});
