/**
 * The tool's name and version, for the reports' headings and a recording's creator. Read from the
 * package's own package.json, found one folder above the build (dist/) or two above the source
 * (src/report/), so the library entry and the CLI name the same version.
 */
import { createRequire } from "node:module";

/** The tool's name and version, from its package.json: one folder above dist/, two above src/report/. */
export const TOOL = (() => {
  const require = createRequire(import.meta.url);
  for (const path of ["../package.json", "../../package.json"]) {
    try {
      const pkg = require(path) as { name?: string; version: string };
      if (pkg.name === "@zcrm-attachments/contract") return { name: "zcrm-contract", version: pkg.version };
    } catch {
      // not this folder
    }
  }
  return { name: "zcrm-contract", version: "unknown" };
})();
