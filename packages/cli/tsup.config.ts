import { defineConfig } from "tsup";

// A bin-only package: one ESM file behind bin/zcrm-attachments.js, never imported by users, so no
// declarations and no CommonJS twin. Dependencies stay external; tsup bundles optional ones unless
// told, so the mock (an optional dependency, loaded only for --mock) is named here.
export default defineConfig({
  entry: ["src/bin.ts"],
  format: ["esm"],
  splitting: false,
  clean: true,
  target: "node20",
  platform: "node",
  external: ["@zcrm-attachments/mock"],
});
