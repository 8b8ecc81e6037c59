import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, expectTypeOf, it } from "vitest";
import { extractFacts, renderFacts } from "../scripts/generate-facts.ts";
import {
  type ApiVersion,
  apiOperations,
  apiVersions,
  hasRefusedExtension,
  isAttachmentUrl,
  isCredentialName,
  knownModules,
  type LineOf,
  limits,
  lineOf,
  moduleSinceOn,
  pathForVersion,
  since,
  specPathFor,
  type VersionsSince,
  versionAtLeast,
  versionOfPath,
} from "../src/facts.ts";

const spec = () => JSON.parse(JSON.stringify(createRequire(import.meta.url)("@zcrm-attachments/spec/openapi.json")));

describe("the generated facts module", () => {
  it("matches a fresh generation from the spec (run `pnpm generate` when this fails)", async () => {
    const committed = await readFile(new URL("../src/generated/facts.gen.ts", import.meta.url), "utf8");
    expect(committed).toBe(renderFacts(spec()));
  });

  it("lists the versions oldest first and maps each to its line", () => {
    expect(apiVersions).toEqual(["v2", "v2.1", "v3", "v4", "v5", "v6", "v7", "v8"]);
    expect(apiVersions.map((v) => lineOf(v))).toEqual(["v2", "v2", ...Array(6).fill("current")]);
    expectTypeOf<LineOf<"v2.1">>().toEqualTypeOf<"v2">();
    expectTypeOf<LineOf<"v5" | "v2">>().toEqualTypeOf<"current" | "v2">();
    expectTypeOf<VersionsSince<"v7">>().toEqualTypeOf<"v7" | "v8">();
  });

  it("reads the version thresholds from x-zcrm-since", () => {
    expect(since.listAttachments).toEqual({ page_token: "v7", ids: "v5" });
    expect(since.uploadAttachment).toEqual({ title: "v5" });
    expect(versionAtLeast("v6", since.listAttachments.page_token)).toBe(false);
    expect(versionAtLeast("v7", since.listAttachments.page_token)).toBe(true);
    expect(versionAtLeast("v2", undefined)).toBe(true);
    expect(moduleSinceOn("v2", "Calls")).toBe("v2.1");
    expect(moduleSinceOn("current", "Calls")).toBeUndefined();
  });

  it("rewrites request paths to the spec's and back", () => {
    expect(specPathFor("/crm/v2.1/Leads/1/Attachments")).toBe("/crm/v2/Leads/1/Attachments");
    expect(specPathFor("/crm/v5/Leads/1/photo")).toBe("/crm/v8/Leads/1/photo");
    expect(specPathFor("/crm/v8/Leads/1/photo")).toBe("/crm/v8/Leads/1/photo");
    for (const path of ["/crm/v9/Leads/1/photo", "/crm/v2.2/Leads", "/crm/v1/x", "/other", "/crm/v8"]) {
      expect(specPathFor(path)).toBeUndefined();
    }
    expect(versionOfPath("/crm/v2.1/Leads")).toBe("v2.1");
    expect(pathForVersion(apiOperations.listAttachments.path, "v5")).toBe("/crm/v5/{module}/{record_id}/Attachments");
  });

  it("states the limits once, as the spec gives them", () => {
    expect(limits.attachment).toEqual({ fileBytes: 100 * 1024 * 1024, refusedExtensions: [".exe"] });
    expect(limits.photo.fileBytes).toBe(10 * 1024 * 1024);
    expect(limits.link).toMatchObject({ urlMaxLength: 3000, titleMaxLength: 255 });
    expect(limits.list.perPageMax).toBe(200);
    expect(limits.deleteMany.idsPerCall).toBe(100);
    expect(new RegExp(limits.moduleName.pattern).test("ServiceCenters")).toBe(true);
  });

  it("shares the link and file-name rules the client and the mock both apply", () => {
    expect(isAttachmentUrl("https://www.zohocorp.com/a?b=c#d")).toBe(true);
    for (const url of [
      "javascript:alert(1)",
      "file:///etc/passwd",
      "data:text/html,x",
      "mailto:a@b",
      "https://x/\u0000",
    ]) {
      expect(isAttachmentUrl(url)).toBe(false);
    }
    expect(isAttachmentUrl(`https://x.y/${"a".repeat(limits.link.urlMaxLength)}`)).toBe(false);
    for (const name of ["setup.exe", "SETUP.EXE", "x.EXE ", "x.exe."]) expect(hasRefusedExtension(name)).toBe(true);
    for (const name of ["notes.exe.txt", "exe", "a.ex"]) expect(hasRefusedExtension(name)).toBe(false);
  });

  it("names each operation once per line, tied by its kind", () => {
    expect(apiOperations.uploadAttachmentV2).toEqual({
      kind: "uploadAttachment",
      line: "v2",
      method: "POST",
      path: "/crm/v2/{module}/{record_id}/Attachments",
    });
    expect(knownModules.v2.Attachments).toContain("Calls");
    expect(knownModules.v2.Attachments).not.toContain("Appointments__s");
    expect(knownModules.current.photo).toEqual(["Leads", "Contacts", "Accounts", "Products", "Vendors"]);
    expectTypeOf<ApiVersion>().toEqualTypeOf<(typeof apiVersions)[number]>();
  });
});

describe("the facts generator refuses a spec that states a fact two ways", () => {
  it("a path item without x-zcrm-versions", () => {
    const doc = spec();
    delete doc.paths["/crm/v8/{module}/{record_id}/photo"]["x-zcrm-versions"];
    expect(() => extractFacts(doc)).toThrow("/crm/v8/{module}/{record_id}/photo needs x-zcrm-versions");
  });

  it("two paths of one line that serve different versions", () => {
    const doc = spec();
    doc.paths["/crm/v8/{module}/{record_id}/photo"]["x-zcrm-versions"] = ["v7", "v8"];
    expect(() => extractFacts(doc)).toThrow("the v8 paths disagree on the versions they serve");
  });

  it("a version served by two lines", () => {
    const doc = spec();
    for (const path of Object.keys(doc.paths).filter((p) => p.startsWith("/crm/v2/"))) {
      doc.paths[path]["x-zcrm-versions"] = ["v2", "v3"];
    }
    expect(() => extractFacts(doc)).toThrow("a version is served by two lines");
  });

  it("a limit the lines disagree on", () => {
    const doc = spec();
    doc.components.schemas.PhotoUploadForm.properties.file["x-zcrm-max-bytes"] = 1;
    doc.paths["/crm/v2/{module}/{record_id}/photo"].post.requestBody.content["multipart/form-data"].schema = {
      type: "object",
      properties: { file: { type: "string", format: "binary", "x-zcrm-max-bytes": 2, "x-zcrm-max-pixels": 1 } },
    };
    expect(() => extractFacts(doc)).toThrow("the photo size limit differs between the lines");
  });
});

describe("isCredentialName", () => {
  it("knows Zoho's OAuth credential names, in any case, and nothing that merely looks like one", () => {
    for (const name of ["access_token", "REFRESH_TOKEN", "Client_Secret", "client_id", "authtoken"])
      expect(isCredentialName(name), name).toBe(true);
    // `code` is Zoho's status code in every JSON answer; a page token is no secret.
    for (const name of ["code", "page_token", "next_page_token", "access_token_x", "token_type"])
      expect(isCredentialName(name), name).toBe(false);
  });
});
