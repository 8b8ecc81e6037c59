/**
 * An esbuild plugin that leaves chosen packages out of a bundle and loads them on first use. Prism's
 * mocker requires Faker at load time (2,060 files, most of Prism's start-up) but only calls it for
 * dynamic answers, and its spec reader requires postman-collection (which requires Faker again) but
 * only calls it for Postman collections. Each stand-in is a Proxy: the first property read requires
 * the real package, resolved from the package that asked for it, as the unbundled code would be.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "esbuild";

/** A package to load on first use instead of bundling it. */
export interface LazyPackage {
  /** The package name as required, e.g. `@faker-js/faker`. */
  name: string;
  /** The dependency chain from this package to the one that requires `name`, outermost first. */
  via: readonly string[];
}

/** Resolves `name` the way Node would from the last package of `via`, starting from `fromDir`. */
export function resolveThrough(fromDir: string, via: readonly string[], name: string): string {
  let from = join(fromDir, "package.json");
  // Each step's main file, not its package.json, which `exports` may hide (http-spec does).
  for (const step of via) from = createRequire(from).resolve(step);
  return createRequire(from).resolve(name);
}

/**
 * The stand-in module's source: a Proxy that requires the real package on its first property read.
 * `default` is read as soon as the requiring module loads (`faker_1.default`), so it answers with a
 * stand-in of its own, and `__esModule` is answered without loading for the same reason.
 */
export function standInSource(lazy: LazyPackage): string {
  const steps = JSON.stringify(lazy.via);
  const name = JSON.stringify(lazy.name);
  return `"use strict";
const { createRequire } = require("node:module");
let real;
function load() {
  if (real === undefined) {
    let from = __filename;
    for (const step of ${steps}) from = createRequire(from).resolve(step);
    real = createRequire(from)(${name});
  }
  return real;
}
function standIn(target, own) {
  // The Proxy's own target stays an empty plain object: Proxy invariant checks then never reach
  // the real package, so only a real use loads it.
  return new Proxy(Object.create(null), {
    get: (_, key) => (own !== undefined && key in own ? own[key] : Reflect.get(target(), key)),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const found = Reflect.getOwnPropertyDescriptor(target(), key);
      return found === undefined ? undefined : { ...found, configurable: true };
    },
  });
}
module.exports = standIn(load, { default: standIn(() => load().default), __esModule: true });
`;
}

const RESOLVING = Symbol("lazy-packages: resolving");

/**
 * The plugin. At build time it checks that each package, resolved through its `via` chain from
 * `packageDir`, is the very file esbuild would have bundled, so the stand-in loads the same code.
 */
export function lazyPackages(packageDir: string, packages: readonly LazyPackage[]): Plugin {
  return {
    name: "lazy-packages",
    setup(build) {
      for (const lazy of packages) {
        const filter = new RegExp(`^${lazy.name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
        build.onResolve({ filter }, async (args) => {
          // The plugin asks esbuild where the package would have come from; that nested call must not loop.
          if (args.pluginData === RESOLVING) return undefined;
          const bundled = await build.resolve(args.path, {
            kind: args.kind,
            resolveDir: args.resolveDir,
            importer: args.importer,
            pluginData: RESOLVING,
          });
          const loaded = resolveThrough(packageDir, lazy.via, lazy.name);
          if (bundled.path !== loaded) {
            const at = dirname(args.importer);
            return {
              errors: [
                {
                  text: `${lazy.name} required from ${at} resolves to ${bundled.path}, but through ${lazy.via.join(" → ")} to ${loaded}: fix the \`via\` chain in tsup.config.ts.`,
                },
              ],
            };
          }
          return { path: lazy.name, namespace: "lazy-package" };
        });
      }
      build.onLoad({ filter: /.*/, namespace: "lazy-package" }, (args) => {
        const lazy = packages.find((p) => p.name === args.path);
        if (lazy === undefined) return { errors: [{ text: `no lazy package named ${args.path}` }] };
        return { contents: standInSource(lazy), loader: "js", resolveDir: packageDir };
      });
    },
  };
}
