/**
 * The mock's build: three outputs in dist/.
 * - prism-runtime.cjs: Prism's HTTP engine and its dependencies in one CommonJS file, with Faker and
 *   postman-collection left out and loaded on first use (scripts/build/lazy-packages.ts), plus the
 *   licences of what it bundles and the shipped spec's operations, read once (src/prism/operations-cache.ts).
 *   Loading Prism from node_modules meant about 2,800 files and most of the mock's start-up.
 * - index.js / index.cjs: the library (`startMock`), ESM and CommonJS, each with its declarations.
 * - bin.js: the CLI that bin/zcrm-mock.js loads.
 * The library and the CLI import `@stoplight/prism-http` from prism-runtime.cjs, so the two builds
 * share one copy of Prism and the CLI pays for it only once it starts serving.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";
import { type LazyPackage, lazyPackages } from "./scripts/build/lazy-packages.js";
import { writeOperationsCache } from "./scripts/build/operations-cache.js";
import { thirdPartyNotices } from "./scripts/build/third-party-notices.js";
import { CACHE_FILE_NAME } from "./src/prism/operations-cache.js";
import { defaultSpecPath } from "./src/prism/spec-path.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const RUNTIME = "prism-runtime.cjs";

// Prism requires these when it loads but calls them only for dynamic answers and Postman input.
const LAZY: LazyPackage[] = [
  { name: "@faker-js/faker", via: ["@stoplight/prism-http"] },
  { name: "postman-collection", via: ["@stoplight/prism-http", "@stoplight/http-spec"] },
];

/** Points the mock's `@stoplight/prism-http` imports at the runtime bundle, loaded with `require` from dist/. */
function prismFromRuntime(): Plugin {
  return {
    name: "prism-from-runtime",
    setup(build) {
      build.onResolve({ filter: /^@stoplight\/prism-http$/ }, () => ({ path: RUNTIME, namespace: "prism-runtime" }));
      build.onResolve({ filter: /^\.\/prism-runtime\.cjs$/ }, (args) => ({ path: args.path, external: true }));
      // CommonJS, so esbuild reads each name off the runtime's exports when it is used.
      build.onLoad({ filter: /.*/, namespace: "prism-runtime" }, () => ({
        contents: `module.exports = require("./${RUNTIME}");`,
        loader: "js",
      }));
    },
  };
}

/** jsonc-parser's main file is a UMD wrapper whose `require`s esbuild cannot follow; its ES build is the same code. */
function jsoncParserEsBuild(): Plugin {
  return {
    name: "jsonc-parser-es-build",
    setup(build) {
      build.onResolve({ filter: /^jsonc-parser$/ }, (args) =>
        build.resolve("jsonc-parser/lib/esm/main.js", { kind: args.kind, resolveDir: args.resolveDir }),
      );
    },
  };
}

/**
 * Node's own `punycode` module is deprecated (DEP0040; Node 22 and 24 warn on every start). Prism's
 * URL parsing (whatwg-url's tr46) requires it; the userland package of the same code goes into the
 * runtime instead.
 */
function userlandPunycode(): Plugin {
  return {
    name: "userland-punycode",
    setup(build) {
      build.onResolve({ filter: /^punycode$/ }, () => ({
        path: createRequire(import.meta.url).resolve("punycode/punycode.js"),
      }));
    },
  };
}

const common = {
  target: "node20",
  platform: "node",
  shims: true,
  // One file per entry: no shared chunks for a cleaning to remove, and a dynamic import is inlined.
  splitting: false,
  // Not external, or tsup marks it so before the plugin below can point it at the runtime.
  noExternal: ["@stoplight/prism-http"],
  esbuildPlugins: [prismFromRuntime()],
  // The runtime is CommonJS; ES modules get a `require` to load it with (esbuild's own shim calls it).
  banner: ({ format }) =>
    format === "esm"
      ? {
          js: 'import { createRequire as __zcrmCreateRequire } from "node:module";\nconst require = __zcrmCreateRequire(import.meta.url);',
        }
      : {},
} satisfies Options;

export default defineConfig([
  {
    // prism-http's own entry file: the bundle's exports are the package's, name for name.
    entry: { "prism-runtime": createRequire(import.meta.url).resolve("@stoplight/prism-http") },
    format: ["cjs"],
    target: "node20",
    platform: "node",
    // Everything Prism needs goes into the file, except the lazy packages (required from node_modules).
    noExternal: [/./],
    esbuildPlugins: [
      lazyPackages(here, LAZY),
      jsoncParserEsBuild(),
      userlandPunycode(),
      thirdPartyNotices(
        `dist/${RUNTIME}`,
        "dist/THIRD-PARTY-NOTICES.md",
        `Left out and loaded from node_modules on first use: ${LAZY.map((p) => p.name).join(", ")}.`,
      ),
    ],
    esbuildOptions(options) {
      // Each package's CommonJS main file, as Node loads it (tsup prefers ES builds; ono's ES build
      // assigns to `module` and breaks inside a CommonJS bundle).
      options.mainFields = ["main", "module"];
    },
    async onSuccess() {
      await writeOperationsCache(`${here}dist/${RUNTIME}`, defaultSpecPath(), `${here}dist/${CACHE_FILE_NAME}`);
    },
  },
  // `shims` turns `import.meta.url` (used to find the spec and the cache) into its CommonJS
  // equivalent in the .cjs build. Cleaning spares what the other two builds write at the same time.
  {
    ...common,
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: ["!bin.js", `!${RUNTIME}`, "!THIRD-PARTY-NOTICES.md", `!${CACHE_FILE_NAME}`],
  },
  // The CLI: ESM only, never imported by users.
  { ...common, entry: ["src/bin.ts"], format: ["esm"] },
]);
