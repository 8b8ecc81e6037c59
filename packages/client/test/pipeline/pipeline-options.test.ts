import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoInputError } from "../../src/index.js";

const base = { apiDomain: "http://127.0.0.1:4010", accessToken: "1000.t" };

function inputError(options: Record<string, unknown>): ZohoInputError {
  try {
    createAttachmentsClient({ ...base, ...options } as never);
  } catch (error) {
    expect(error).toBeInstanceOf(ZohoInputError);
    return error as ZohoInputError;
  }
  throw new Error("expected a ZohoInputError");
}

describe("pipeline options", () => {
  it.each([
    [{ retry: 3 }, "retry", /retry must be false or an object/],
    [{ retry: { maxRetries: 1.5 } }, "retry.maxRetries", /must be an integer of 0 or more/],
    [{ retry: { maxRetries: 11 } }, "retry.maxRetries", /may be at most 10 \(got 11\)/],
    [{ retry: { maxRetries: 1e9 } }, "retry.maxRetries", /may be at most 10 \(got 1000000000\)/],
    [{ retry: { maxDelayMs: -1 } }, "retry.maxDelayMs", /must be a number of 0 or more/],
    [{ retry: { retries: 2 } }, "retry.retries", /Unknown retry option "retries"/],
    [{ maxConcurrency: 0 }, "maxConcurrency", /integer of 1 or more, or false/],
    [{ timeoutMs: 0 }, "timeoutMs", /above 0 .* or false for no timeout \(got 0\)/],
    [{ timeoutMs: "30s" }, "timeoutMs", /got "30s"/],
    [{ logger: "console" }, "logger", /logger must be a function/],
    [{ clock: { sleep: 5 } }, "clock.sleep", /clock.sleep must be a function/],
    [{ timeout: 100 }, "timeout", /Did you mean timeoutMs\?/],
  ])("refuses %j", (options, parameter, message) => {
    const error = inputError(options);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(message);
  });

  it("refuses a per-call timeoutMs that is not a positive number", async () => {
    const zoho = createAttachmentsClient(base);
    await expect(zoho.listAttachments("Leads", "1", { fields: ["id"], timeoutMs: -5 })).rejects.toMatchObject({
      parameter: "timeoutMs",
    });
  });

  it("accepts the off switches", () => {
    expect(() =>
      createAttachmentsClient({ ...base, retry: false, maxConcurrency: false, timeoutMs: false }),
    ).not.toThrow();
    expect(() => createAttachmentsClient({ ...base, retry: { maxRetries: 0 } })).not.toThrow();
    expect(() => createAttachmentsClient({ ...base, retry: { maxRetries: 10 } })).not.toThrow();
  });
});
