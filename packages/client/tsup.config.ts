import { defineConfig, type Options } from "tsup";

type TsupPlugin = NonNullable<Options["plugins"]>[number];

// In a "type": "module" package esbuild gives default imports Node's semantics even in the CommonJS
// output (`default` is the whole module.exports). That breaks dependencies compiled from ESM to
// CommonJS, such as openapi-fetch (`exports.default = createClient`, with `__esModule` set). The
// .cjs build follows the `__esModule` convention instead, as TypeScript and Babel output do; for a
// plain CommonJS dependency (no `__esModule`) both conventions give the same value.
const esModuleInterop: TsupPlugin = {
  name: "cjs-es-module-interop",
  renderChunk(code) {
    if (this.format !== "cjs") return undefined;
    return { code: code.replace(/__toESM\((require\("[^"]+"\)), 1\)/g, "__toESM($1)") };
  },
};

// ESM and CommonJS side by side, each with its own declarations (index.d.ts / index.d.cts), so
// `import` and `require` users both get types that match the file Node loads. `shims` turns any
// `import.meta.url` into its CommonJS equivalent in the .cjs build.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  shims: true,
  clean: true,
  target: "node20",
  platform: "node",
  plugins: [esModuleInterop],
});
