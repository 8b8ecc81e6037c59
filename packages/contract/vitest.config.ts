import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The suite talks to real servers over loopback; give a cold Prism start room.
    hookTimeout: 30_000,
    testTimeout: 30_000,
  },
});
