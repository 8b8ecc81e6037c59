import { apiOperations } from "@zcrm-attachments/types";
import { describe, expect, it } from "vitest";
import { fill, serializeQuery, specPaths, withQuery } from "../../src/operations/paths.js";

describe("request paths", () => {
  it("are the paths of the spec's operations", () => {
    expect(specPaths.current).toEqual({
      attachments: apiOperations.listAttachments.path,
      attachment: apiOperations.deleteAttachment.path,
      photo: apiOperations.uploadPhoto.path,
    });
    expect(specPaths.v2.attachments).toBe(apiOperations.uploadAttachmentV2.path);
  });

  it.each([
    ["v8", "/crm/v8/Leads/41/Attachments"],
    ["v5", "/crm/v5/Leads/41/Attachments"],
    ["v3", "/crm/v3/Leads/41/Attachments"],
  ] as const)("fills the current line's template at %s", (version, path) => {
    expect(fill(specPaths.current.attachments, version, { module: "Leads", record_id: "41" })).toBe(path);
  });

  it("fills the v2 line's templates at v2.1 and percent-encodes every parameter", () => {
    expect(fill(specPaths.v2.attachment, "v2.1", { module: "Price_Books", record_id: "1", attachment_id: "2" })).toBe(
      "/crm/v2.1/Price_Books/1/Attachments/2",
    );
    expect(fill(specPaths.v2.photo, "v2", { module: "a b/c", record_id: "1?x" })).toBe("/crm/v2/a%20b%2Fc/1%3Fx/photo");
  });

  it("serializes a query with literal commas in the lists, and appends it only when there is one", () => {
    expect(
      serializeQuery({ fields: "id,File_Name", ids: "1,2", page: 2, page_token: "a,b&c", per_page: undefined }),
    ).toBe("fields=id,File_Name&ids=1,2&page=2&page_token=a%2Cb%26c");
    expect(withQuery("/p", "")).toBe("/p");
    expect(withQuery("/p", "a=1")).toBe("/p?a=1");
  });
});
