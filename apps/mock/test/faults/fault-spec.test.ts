import { describe, expect, it } from "vitest";
import { parseFault, parseFaultText } from "../../src/faults/fault-spec.js";

describe("parseFaultText", () => {
  it.each([
    ["rate-limit", "header", { kind: "rate-limit", times: 1, retryAfter: 1, delay: 0 }],
    ["Unavailable ; times=3 ; key=abc", "header", { kind: "unavailable", times: 3, key: "abc", retryAfter: undefined }],
    ["slow", "header", { kind: "slow", delay: 1000, bodyDelay: 0 }],
    ["slow;body-delay=10", "header", { kind: "slow", delay: 0, bodyDelay: 10, chunk: 64 }],
    ["reset;after=0;chunk=8;body-delay=1", "header", { kind: "reset", after: 0, chunk: 8, bodyDelay: 1 }],
    ["truncate", "header", { kind: "truncate", after: undefined }],
    ["unavailable;path=/crm/v8/;method=get;times=2", "armed", { path: "/crm/v8/", method: "GET", times: 2 }],
  ] as const)("%s (%s)", (text, context, expected) => {
    const parsed = parseFaultText(text, context);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.fault).toMatchObject(expected);
  });

  it.each([
    ["", "header", /unknown fault kind ""/],
    ["slow;", "header", /empty parameter/],
    ["slow;=3", "header", /empty parameter/],
    ["slow;delay=-1", "header", /delay must be a whole number from 0 to 600000/],
    ["slow;delay=1e3", "header", /delay must be a whole number/],
    ["slow;delay=600001", "header", /delay must be a whole number from 0 to 600000/],
    ["slow;chunk=0", "header", /chunk must be a whole number from 1/],
    ["unavailable;key=a b", "header", /key must be 1 to 200 letters/],
    ["unavailable;key=k", "armed", /key is for the X-Zcrm-Mock-Fault header only/],
    ["unavailable;method=g3t", "armed", /method must be an HTTP method/],
    ["unavailable;path=crm", "armed", /path must be a path prefix starting with \//],
    ["slow;retry-after=3", "header", /retry-after does not apply to slow/],
  ] as const)("refuses %j (%s)", (text, context, message) => {
    const parsed = parseFaultText(text, context);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe("parseFault with objects", () => {
  it("maps camelCase fields onto the header parameters", () => {
    const parsed = parseFault({ kind: "reset", bodyDelay: 5, after: 10, times: 2 }, "armed");
    expect(parsed).toMatchObject({ ok: true, fault: { kind: "reset", bodyDelay: 5, after: 10, times: 2 } });
  });

  it("refuses what is not a fault", () => {
    expect(parseFault(null, "armed")).toMatchObject({ ok: false, message: /a fault is a string or an object/ });
    expect(parseFault({ kind: "slow", delay: [1] }, "armed")).toMatchObject({
      ok: false,
      message: /delay must be a string or a number/,
    });
    expect(parseFault({ kind: "slow", delay: 1.5 }, "armed")).toMatchObject({
      ok: false,
      message: /delay must be a whole number/,
    });
    expect(parseFault({ kind: "slow", speed: 1 }, "armed")).toMatchObject({
      ok: false,
      message: /unknown parameter speed/,
    });
  });
});
