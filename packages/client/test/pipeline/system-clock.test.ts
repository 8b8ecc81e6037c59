/**
 * The real clock's sleep (node:timers/promises underneath): it waits, and an abort ends the wait with
 * the signal's own reason, which the pipeline reads to tell a timeout from an abort.
 */
import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/pipeline/retry-policy.js";

describe("systemClock.sleep", () => {
  it("resolves after a short wait, with or without a signal", async () => {
    await expect(systemClock.sleep(1)).resolves.toBeUndefined();
    await expect(systemClock.sleep(1, new AbortController().signal)).resolves.toBeUndefined();
  });

  it("rejects with the signal's reason when aborted during the wait", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const waiting = systemClock.sleep(600_000, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });

  it("rejects at once with the reason of a signal aborted before, keeping a TimeoutError's name", async () => {
    const reason = new DOMException("no response within 5 ms", "TimeoutError");
    const error = await systemClock.sleep(600_000, AbortSignal.abort(reason)).catch((caught: unknown) => caught);
    expect(error).toBe(reason);
    expect((error as DOMException).name).toBe("TimeoutError");
  });
});
