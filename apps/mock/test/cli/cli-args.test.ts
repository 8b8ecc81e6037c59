import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/cli/cli-args.js";

describe("parseCliArgs", () => {
  it("defaults to nothing, leaving startMock's defaults", () => {
    expect(parseCliArgs([], {})).toStrictEqual({ help: false, options: {} });
  });

  it("takes PORT, and --port wins over it", () => {
    expect(parseCliArgs([], { PORT: "5000" })).toStrictEqual({ help: false, options: { port: 5000 } });
    expect(parseCliArgs(["--port", "6000"], { PORT: "5000" })).toStrictEqual({ help: false, options: { port: 6000 } });
  });

  it("skips the `--` that `pnpm mock -- --port N` passes on", () => {
    expect(parseCliArgs(["--", "--port", "6000"], {})).toStrictEqual({ help: false, options: { port: 6000 } });
  });

  it("takes --host", () => {
    expect(parseCliArgs(["--host", "0.0.0.0"], {})).toStrictEqual({ help: false, options: { host: "0.0.0.0" } });
  });

  it("refuses a bad port with a readable message", () => {
    expect(() => parseCliArgs(["--port", "http"], {})).toThrow(/--port must be a port number/);
    expect(() => parseCliArgs([], { PORT: "70000" })).toThrow(/PORT must be a port number/);
  });

  it("turns on the verbose failure log with --verbose or ZCRM_MOCK_VERBOSE=1", () => {
    expect(parseCliArgs(["--verbose"], {})).toStrictEqual({ help: false, options: { verbose: true } });
    expect(parseCliArgs([], { ZCRM_MOCK_VERBOSE: "1" })).toStrictEqual({ help: false, options: { verbose: true } });
    expect(parseCliArgs([], {})).toStrictEqual({ help: false, options: {} });
  });

  it("takes the token options from flags, or from the environment when no flag is given", () => {
    expect(
      parseCliArgs(
        [
          "--client-id",
          "1000.A",
          "--client-secret",
          "s",
          "--refresh-token",
          "r",
          "--token-ttl",
          "5",
          "--legacy-token-units",
        ],
        {},
      ),
    ).toStrictEqual({
      help: false,
      options: { clientId: "1000.A", clientSecret: "s", refreshToken: "r", tokenTtlSeconds: 5, legacyTokenUnits: true },
    });
    const env = {
      ZCRM_MOCK_CLIENT_ID: "1000.E",
      ZCRM_MOCK_CLIENT_SECRET: "es",
      ZCRM_MOCK_REFRESH_TOKEN: "er",
      ZCRM_MOCK_TOKEN_TTL: "9",
    };
    expect(parseCliArgs([], env)).toStrictEqual({
      help: false,
      options: { clientId: "1000.E", clientSecret: "es", refreshToken: "er", tokenTtlSeconds: 9 },
    });
    expect(parseCliArgs(["--client-id", "1000.F"], env)).toMatchObject({ options: { clientId: "1000.F" } });
    expect(parseCliArgs([], { ZCRM_MOCK_CLIENT_SECRET: "" })).toStrictEqual({ help: false, options: {} });
  });

  it("refuses an empty credential flag and a bad TTL", () => {
    expect(() => parseCliArgs(["--client-secret", ""], {})).toThrow(/--client-secret must not be empty/);
    expect(() => parseCliArgs(["--token-ttl", "0"], {})).toThrow(
      /--token-ttl must be a whole number of seconds, 1 or more/,
    );
    expect(() => parseCliArgs([], { ZCRM_MOCK_TOKEN_TTL: "1h" })).toThrow(/ZCRM_MOCK_TOKEN_TTL must be a whole number/);
  });

  it("takes repeated --fault flags and checks them at once", () => {
    expect(parseCliArgs(["--fault", "unavailable;times=3", "--fault", "slow;delay=10"], {})).toStrictEqual({
      help: false,
      options: { faults: ["unavailable;times=3", "slow;delay=10"] },
    });
    expect(() => parseCliArgs(["--fault", "boom"], {})).toThrow(/--fault: fault 1 \("boom"\): unknown fault kind/);
  });
});

describe("parseCliArgs --stateful", () => {
  it("takes the flag, or ZCRM_MOCK_STATEFUL=1", () => {
    expect(parseCliArgs(["--stateful"], {})).toStrictEqual({ help: false, options: { stateful: true } });
    expect(parseCliArgs([], { ZCRM_MOCK_STATEFUL: "1" })).toStrictEqual({ help: false, options: { stateful: true } });
    expect(parseCliArgs([], { ZCRM_MOCK_STATEFUL: "0" })).toStrictEqual({ help: false, options: {} });
  });

  it("refuses a variable it cannot read as on or off", () => {
    expect(() => parseCliArgs([], { ZCRM_MOCK_STATEFUL: "maybe" })).toThrow(/ZCRM_MOCK_STATEFUL must be 1 or 0/);
  });
});

describe("parseCliArgs --journal-limit", () => {
  it("takes a whole number, 0 included", () => {
    expect(parseCliArgs(["--journal-limit", "10000"], {})).toStrictEqual({
      help: false,
      options: { journalLimit: 10_000 },
    });
    expect(parseCliArgs(["--journal-limit", "0"], {})).toStrictEqual({ help: false, options: { journalLimit: 0 } });
  });

  it("refuses anything else, saying the range", () => {
    expect(() => parseCliArgs(["--journal-limit", "lots"], {})).toThrow(
      '--journal-limit must be a whole number from 0 to 100000 (got "lots").',
    );
    expect(() => parseCliArgs(["--journal-limit", "100001"], {})).toThrow(/--journal-limit must be a whole number/);
  });
});

describe("parseCliArgs --seed", () => {
  it("takes a file with --stateful or ZCRM_MOCK_STATEFUL=1", () => {
    expect(parseCliArgs(["--stateful", "--seed", "recorded.har"], {})).toStrictEqual({
      help: false,
      options: { stateful: true, seed: "recorded.har" },
    });
    expect(parseCliArgs(["--seed", "scenario.json"], { ZCRM_MOCK_STATEFUL: "1" })).toStrictEqual({
      help: false,
      options: { stateful: true, seed: "scenario.json" },
    });
  });

  it("refuses a seed without the stateful mode, and an empty one", () => {
    expect(() => parseCliArgs(["--seed", "recorded.har"], {})).toThrow(
      "--seed needs --stateful (or ZCRM_MOCK_STATEFUL=1): a seed fills the stateful store.",
    );
    expect(() => parseCliArgs(["--stateful", "--seed", ""], {})).toThrow("--seed must name a file.");
  });
});
