import { describe, expect, it } from "vitest";
import { TimeoutSignals } from "../../src/pipeline/timeout-signals.js";

describe("TimeoutSignals", () => {
  it("lends a returned controller again, but never one that fired", () => {
    const pool = new TimeoutSignals();
    const first = pool.take();
    pool.give(first);
    expect(pool.take()).toBe(first);
    first.controller.abort();
    pool.give(first);
    expect(pool.take()).not.toBe(first);
  });

  it("retires a controller after 64 uses", () => {
    const pool = new TimeoutSignals();
    const first = pool.take();
    for (let use = 1; use < 64; use++) {
      pool.give(first);
      expect(pool.take()).toBe(first);
    }
    pool.give(first);
    expect(pool.take()).not.toBe(first);
  });
});
