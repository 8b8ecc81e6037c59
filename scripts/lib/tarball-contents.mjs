// What a published tarball must and must not hold, checked on its files in memory.
import { posix } from "node:path";

// Test code, test fixtures and build leftovers have no business in a published package.
const FORBIDDEN = [
  [/(^|\/)(test|tests|__tests__|__fixtures__|coverage|\.turbo)\//, "test or cache folder"],
  [/\.(test|spec)(-d)?\.[cm]?[jt]sx?$/, "test file"],
  [/(^|\/)src\//, "TypeScript sources (dist/ is what users load)"],
  [/\.tsbuildinfo$|(^|\/)tsconfig[^/]*\.json$|(^|\/)(tsup|vitest|vite)\.config\.[cm]?[jt]s$/, "build configuration"],
  [/\.tgz$/, "nested tarball"],
];

// Published dependencies are ranges, so an app that installs several packages (or has its own
// ajv, commander…) gets one copy of each, and fixes reach users without a release of ours. The
// lockfile pins what CI tests. The exceptions, each with its reason:
const EXACT_ALLOWED = new Map([
  [
    "@stoplight/prism-http",
    "the mock's dist/prism-runtime.cjs is built from this version, and loads Faker and postman-collection through it",
  ],
]);

/** Dependencies given as one exact version (or a URL, path or tag) rather than a range. */
export function pinnedDependencyProblems(pkg) {
  const problems = [];
  for (const field of ["dependencies", "optionalDependencies", "peerDependencies"]) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      if (EXACT_ALLOWED.has(name)) continue;
      if (!/^(\^|~|>=)\d/.test(range) && !/^\S+ \|\| /.test(range)) {
        problems.push(
          `${field}.${name} is "${range}": publish a range (^ or ~), or add it with its reason to EXACT_ALLOWED in scripts/lib/tarball-contents.mjs`,
        );
      }
    }
  }
  return problems;
}

/** Problems with a source map: `sources` it names must ship in the tarball unless their text is embedded. */
function sourceMapProblems(map, byPath) {
  let parsed;
  try {
    parsed = JSON.parse(map.content.toString("utf8"));
  } catch {
    return [`${map.path}: not valid JSON`];
  }
  const dir = posix.dirname(map.path);
  return (parsed.sources ?? [])
    .map((source, index) => ({ source, embedded: typeof parsed.sourcesContent?.[index] === "string" }))
    .filter(({ source, embedded }) => !embedded && !byPath.has(posix.normalize(posix.join(dir, source))))
    .map(({ source }) => `${map.path}: points at ${source}, which is not in the tarball`);
}

/** `//# sourceMappingURL=x.map` comments must name a map that ships. */
function mappingUrlProblems(file, byPath) {
  const match = /\/[/*]# sourceMappingURL=([^\s*]+)/.exec(file.content.toString("utf8"));
  if (!match || match[1].startsWith("data:")) return [];
  const target = posix.normalize(posix.join(posix.dirname(file.path), match[1]));
  return byPath.has(target) ? [] : [`${file.path}: sourceMappingURL ${match[1]} is not in the tarball`];
}

/** Returns one readable line per problem (none when the tarball is fine). */
export function contentProblems(files, rootLicense) {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const problems = [];
  for (const required of ["package.json", "README.md", "LICENSE"]) {
    if (!byPath.has(required)) problems.push(`${required} is missing`);
  }
  const license = byPath.get("LICENSE");
  if (license && !license.content.equals(rootLicense)) problems.push("LICENSE differs from the repository's LICENSE");
  // A fixtures/ folder ships only when package.json lists it in `files` by name: the mock serves
  // its sample files at run time; test fixtures must never ride along by accident.
  const listed = new Set(JSON.parse(byPath.get("package.json")?.content.toString("utf8") ?? "{}").files ?? []);
  for (const file of files) {
    const top = file.path.split("/")[0];
    if (/(^|\/)fixtures\//.test(file.path) && !(top === "fixtures" && listed.has("fixtures"))) {
      problems.push(`${file.path}: fixtures folder not listed in package.json files`);
    }
    for (const [pattern, why] of FORBIDDEN) if (pattern.test(file.path)) problems.push(`${file.path}: ${why}`);
    if (file.path.endsWith(".map")) problems.push(...sourceMapProblems(file, byPath));
    if (/\.[cm]?js$/.test(file.path)) problems.push(...mappingUrlProblems(file, byPath));
  }
  const manifest = byPath.get("package.json");
  if (manifest) {
    const text = manifest.content.toString("utf8");
    for (const protocol of ["workspace:", "catalog:", "link:"]) {
      if (text.includes(`"${protocol}`)) problems.push(`package.json still has a ${protocol} range`);
    }
    const pkg = JSON.parse(text);
    if (pkg.license !== "MIT") problems.push(`package.json license is ${pkg.license ?? "missing"}, not MIT`);
    if (!pkg.engines?.node) problems.push("package.json has no engines.node");
    problems.push(...pinnedDependencyProblems(pkg));
    for (const bin of Object.values(typeof pkg.bin === "string" ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {}))) {
      const path = posix.normalize(bin);
      if (!byPath.has(path)) problems.push(`bin ${bin} is not in the tarball`);
      else if (!byPath.get(path).content.toString("utf8").startsWith("#!/usr/bin/env node")) {
        problems.push(`bin ${bin} has no "#!/usr/bin/env node" line`);
      }
    }
  }
  return problems;
}
