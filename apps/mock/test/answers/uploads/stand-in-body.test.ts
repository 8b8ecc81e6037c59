import { describe, expect, it } from "vitest";
import { isUploadRequest } from "../../../src/answers/uploads/stand-in-body.js";

describe("isUploadRequest", () => {
  it.each([
    ["POST", "/crm/v2/Leads/1/Attachments", true],
    ["POST", "/crm/v8/Leads/1/photo", true],
    ["GET", "/crm/v8/Leads/1/Attachments", false],
    ["POST", "/crm/v8/Leads/1/Attachments/2", false],
    ["POST", "/oauth/v2/token", false],
  ])("%s %s → %s", (method, path, claimed) => {
    expect(isUploadRequest(method, path)).toBe(claimed);
  });
});
