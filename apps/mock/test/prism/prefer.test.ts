import { describe, expect, it } from "vitest";
import { readPreferences } from "../../src/prism/prefer.js";

describe("readPreferences", () => {
  it("reads code, example, dynamic and seed", () => {
    expect(readPreferences('code=400, example="moduleNotSupported", dynamic=true, seed=7', {})).toStrictEqual({
      ok: true,
      mock: { dynamic: true, code: 400, exampleKey: "moduleNotSupported", seed: "7" },
    });
  });

  it("falls back to Prism's __code/__example query parameters", () => {
    expect(readPreferences(undefined, { __code: "404", __example: "invalidUrlPattern" })).toStrictEqual({
      ok: true,
      mock: { dynamic: false, code: 404, exampleKey: "invalidUrlPattern" },
    });
  });

  it("refuses a code that is not three digits", () => {
    expect(readPreferences("code=4040", {})).toMatchObject({ ok: false });
  });

  it("returns a fresh object each time (Prism writes into it)", () => {
    const a = readPreferences(undefined, {});
    const b = readPreferences(undefined, {});
    expect(a.ok && b.ok && a.mock !== b.mock).toBe(true);
  });
});
