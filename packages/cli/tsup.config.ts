import { defineConfig } from "tsup";

// A bin-only package: one ESM file behind bin/zcrm-attachments.js, never imported by users, so no
// declarations and no CommonJS twin. Dependencies stay external (the mock is loaded only for --mock).
export default defineConfig({
  entry: ["src/bin.ts"],
  format: ["esm"],
  splitting: false,
  clean: true,
  target: "node20",
  platform: "node",
});
