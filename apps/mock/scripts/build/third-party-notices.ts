/**
 * An esbuild plugin that writes the licences of every package a bundle contains. The Prism runtime
 * bundle carries code from about 80 packages (MIT, ISC, BSD, Apache-2.0); their licences ask that
 * the copyright and permission notice travel with copies, so the bundle ships next to one file
 * that holds each package's name, version, licence and licence text.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Metafile, Plugin } from "esbuild";

/** One bundled package and its licence. */
export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** The text of the package's LICENSE (or LICENCE, COPYING) file; undefined when it ships none. */
  text: string | undefined;
  /** The package's `author`, named when it ships no licence file (the copyright holder then). */
  author: string | undefined;
}

const LICENSE_FILE = /^(licen[cs]e|copying)(\.|-|$)/i;

/** The package folder of a bundled file (the innermost `node_modules/<name>`), or undefined for own code. */
export function packageDirOf(file: string): string | undefined {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match?.[1];
}

/** The packages whose files make up `metafile`'s inputs, sorted by name and version. */
export function bundledPackages(metafile: Metafile, workingDir: string): BundledPackage[] {
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDirOf(input);
    if (dir !== undefined) dirs.add(resolve(workingDir, dir));
  }
  const packages = [...dirs].map((dir): BundledPackage => {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      name: string;
      version: string;
      license?: string | { type: string };
      licenses?: { type: string }[];
      author?: string | { name: string; email?: string };
    };
    const license =
      typeof manifest.license === "string"
        ? manifest.license
        : (manifest.license?.type ?? manifest.licenses?.map((l) => l.type).join(" OR ") ?? "UNKNOWN");
    const file = readdirSync(dir).find((name) => LICENSE_FILE.test(name));
    const text = file === undefined ? undefined : readFileSync(join(dir, file), "utf8").trim();
    const author = typeof manifest.author === "string" ? manifest.author : manifest.author?.name;
    return { name: manifest.name, version: manifest.version, license, text, author };
  });
  const unique = new Map(packages.map((p) => [`${p.name}@${p.version}`, p]));
  return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The notices file: a short preface, then one section per package. `note` says what the bundle leaves out. */
export function noticesText(bundle: string, packages: readonly BundledPackage[], note: string): string {
  const sections = packages.map((p) =>
    [
      `## ${p.name}@${p.version} (${p.license})`,
      "",
      p.text ??
        `The package ships no licence file; its package.json declares ${p.license}` +
          (p.author === undefined ? "." : `, author ${p.author}.`),
    ].join("\n"),
  );
  return [
    "# Third-party notices",
    "",
    `${bundle} bundles the following packages, each under its own licence, reproduced below.`,
    `Their files are bundled unmodified. ${note}`,
    "",
    ...sections.flatMap((section) => [section, ""]),
  ].join("\n");
}

/** The plugin: after each build, writes `outFile` for the bundle named `bundle` (tsup always asks esbuild for the metafile). */
export function thirdPartyNotices(bundle: string, outFile: string, note: string): Plugin {
  return {
    name: "third-party-notices",
    setup(build) {
      build.onEnd((result) => {
        if (result.metafile === undefined) throw new Error("third-party-notices needs esbuild's metafile option.");
        if (result.errors.length > 0) return;
        writeFileSync(outFile, noticesText(bundle, bundledPackages(result.metafile, process.cwd()), note));
      });
    },
  };
}
