import { describe, expect, it } from "vitest";
import { ZohoInputError } from "../../src/errors/errors.js";
import { checkPhotoModule, isPhotoModule, PHOTO_MODULES } from "../../src/input/photo-modules.js";

const orgModules = new Set(["Projects_X", "Invoices_Custom"]);
const isOrgModule = (module: string): boolean => orgModules.has(module);

describe("photo modules", () => {
  it.each(["Leads", "Contacts", "Accounts", "Products", "Vendors", "CustomModule1", "CustomModule42"])(
    "accepts %s",
    (module) => {
      expect(checkPhotoModule(module)).toBe(module);
      expect(isPhotoModule(module)).toBe(true);
    },
  );

  it("accepts the org's custom modules through the predicate only", () => {
    expect(checkPhotoModule("Projects_X", isOrgModule)).toBe("Projects_X");
    expect(isPhotoModule("Projects_X")).toBe(false);
    expect(() => checkPhotoModule("Projects_X")).toThrow(ZohoInputError);
  });

  it.each([
    {
      module: "Deals",
      message:
        /Records of "Deals" cannot have a photo\. Photos exist for Leads, Contacts, Accounts, Products, Vendors and custom modules.*upload page also lists Deals.*SDK do not/,
    },
    { module: "Tasks", message: /"Tasks" cannot have a photo/ },
    { module: "leads", message: /Did you mean "Leads"\?/ },
    { module: "CustomModule0", message: /cannot have a photo/ },
    { module: 7, message: /Records of a number cannot have a photo/ },
  ])("refuses $module", ({ module, message }) => {
    let error: unknown;
    try {
      checkPhotoModule(module, isOrgModule);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ZohoInputError);
    expect((error as ZohoInputError).parameter).toBe("module");
    expect((error as ZohoInputError).message).toMatch(message);
  });

  it("lists exactly the SDK's standard photo modules", () => {
    expect(PHOTO_MODULES).toEqual(["Leads", "Contacts", "Accounts", "Products", "Vendors"]);
  });
});
