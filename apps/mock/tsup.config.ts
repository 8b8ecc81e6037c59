import { defineConfig } from "tsup";

// Two entries: the library (`startMock`) and the CLI that bin/zcrm-mock.js loads.
export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  target: "node20",
  platform: "node",
  clean: true,
  sourcemap: true,
});
