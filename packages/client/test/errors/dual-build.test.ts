/**
 * The dual-package hazard: one Node process that `require`s the CommonJS build (dist/index.cjs) and
 * `import`s the ESM build (dist/index.js) holds two copies of every error class. Errors thrown by
 * one copy must still pass the other copy's guards and `instanceof`, both ways. Runs against the
 * built files in a child process of plain Node (no test-runner module handling in between), so the
 * package must be built first: turbo's test task builds it; by hand, run pnpm --filter
 * @zcrm-attachments/client build before this file, or it tests the last build.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { refusedOrigin } from "../helpers/http-server.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const esm = join(packageDir, "dist", "index.js");
const cjs = join(packageDir, "dist", "index.cjs");

// Makes one error of each class in each build (real calls where a call can make one), then asks
// every guard and class of each build about every error of the other. Prints the answers as JSON.
const SCRIPT = `
import { createRequire } from "node:module";
const [esmPath, cjsPath, origin] = process.argv.slice(1);
const builds = { esm: await import(esmPath), cjs: createRequire(import.meta.url)(cjsPath) };
const CLASSES = ["ZohoError", "ZohoInputError", "ZohoApiError", "ZohoNetworkError", "ZohoAuthError",
  "ZohoBodyLengthError", "ZohoPaginationError"];
const GUARDS = ["isZohoError", "isZohoInputError", "isZohoApiError", "isZohoNetworkError", "isZohoAuthError"];
async function errorsOf(b) {
  const caught = async (f) => { try { await f(); } catch (e) { return e; } throw new Error("no error"); };
  return {
    ZohoInputError: await caught(() => b.createAttachmentsClient({ accessToken: "" })),
    ZohoNetworkError: await caught(() =>
      b.createAttachmentsClient({ apiDomain: origin, accessToken: "1000.x", retry: false })
        .listAttachments("Leads", "1", { fields: ["id"] })),
    ZohoApiError: new b.ZohoApiError({ status: 400, code: "INVALID_DATA", zohoMessage: "m", details: {},
      method: "GET", url: origin, headers: new Headers() }),
    ZohoAuthError: new b.ZohoAuthError({ message: "m", dataCenter: "US", accountsServer: origin,
      oauthError: "invalid_code", status: 200 }),
    ZohoBodyLengthError: new b.ZohoBodyLengthError(10, 5, "/tmp/x"),
    ZohoPaginationError: new b.ZohoPaginationError("m", origin),
  };
}
const made = { esm: await errorsOf(builds.esm), cjs: await errorsOf(builds.cjs) };
const answers = [];
for (const [from, to] of [["esm", "cjs"], ["cjs", "esm"]]) {
  for (const [made_as, error] of Object.entries(made[from])) {
    for (const name of CLASSES) answers.push({ from, to, made_as, check: name, yes: error instanceof builds[to][name] });
    for (const name of GUARDS) answers.push({ from, to, made_as, check: name, yes: builds[to][name](error) });
  }
  class Own extends builds[from].ZohoApiError {}
  const own = new Own({ status: 400, code: "X", zohoMessage: "m", details: {}, method: "GET", url: origin, headers: new Headers() });
  answers.push({ from, to, made_as: "Own", check: "OwnOfOtherBuild", yes: own instanceof builds[to].ZohoApiError });
  answers.push({ from, to, made_as: "Own", check: "Own", yes: made[to].ZohoApiError instanceof Own });
  answers.push({ from, to, made_as: "TypeError", check: "ZohoError", yes: new TypeError("x") instanceof builds[to].ZohoError });
}
console.log(JSON.stringify(answers));
`;

// What each class and guard must answer for an error made as `madeAs`.
const FAMILY: Record<string, readonly string[]> = {
  ZohoInputError: ["ZohoError", "ZohoInputError", "isZohoError", "isZohoInputError"],
  ZohoNetworkError: ["ZohoError", "ZohoNetworkError", "isZohoError", "isZohoNetworkError"],
  ZohoApiError: ["ZohoError", "ZohoApiError", "isZohoError", "isZohoApiError"],
  ZohoAuthError: ["ZohoError", "ZohoAuthError", "isZohoError", "isZohoAuthError"],
  ZohoBodyLengthError: ["ZohoError", "ZohoBodyLengthError", "isZohoError"],
  ZohoPaginationError: ["ZohoError", "ZohoPaginationError", "isZohoError"],
};

describe("errors across the ESM and CommonJS builds", () => {
  it("pass the other build's guards and instanceof, both ways, and nothing else", async () => {
    if (!existsSync(esm) || !existsSync(cjs)) throw new Error(`${packageDir}dist is missing: build the client first.`);
    const { stdout } = await run(process.execPath, [
      "--input-type=module",
      "-e",
      SCRIPT,
      esm,
      cjs,
      await refusedOrigin(),
    ]);
    const answers = JSON.parse(stdout) as Array<{
      from: string;
      to: string;
      made_as: string;
      check: string;
      yes: boolean;
    }>;
    const wrong = answers.filter(({ made_as, check, yes }) => {
      if (made_as === "Own") return !yes === (check === "OwnOfOtherBuild");
      if (made_as === "TypeError") return yes;
      return yes !== (FAMILY[made_as]?.includes(check) ?? false);
    });
    expect(answers.length).toBe(2 * (6 * 12 + 3));
    expect(wrong).toEqual([]);
  });
});
