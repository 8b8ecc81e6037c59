import { knownModules } from "@zcrm-attachments/types";
import { describe, expect, it } from "vitest";
import { ZohoInputError } from "../../src/errors/errors.js";
import { checkPhotoModule, isPhotoModule } from "../../src/input/photo-modules.js";

describe("photo modules", () => {
  it.each(["Leads", "Contacts", "Accounts", "Products", "Vendors"])(
    "accepts the standard photo module %s",
    (module) => {
      for (const line of ["v2", "current"] as const) {
        expect(checkPhotoModule(module, line)).toBe(module);
        expect(isPhotoModule(module, line)).toBe(true);
      }
    },
  );

  it.each(["CustomModule1", "CustomModule42", "CustomModule0", "ServiceCenters", "Projects_X", "Lead"])(
    "accepts %s as a custom module",
    (module) => {
      expect(checkPhotoModule(module, "current")).toBe(module);
      expect(isPhotoModule(module, "v2")).toBe(true);
    },
  );

  it.each([
    {
      module: "Deals",
      message:
        /Records of "Deals" cannot have a photo\. Photos exist for Leads, Contacts, Accounts, Products, Vendors and custom modules.*upload page also lists Deals.*SDK do not/,
    },
    { module: "Tasks", message: /^Records of "Tasks" cannot have a photo\. Photos exist for [^.]*custom modules\.$/ },
    { module: "Notes", message: /"Notes" cannot have a photo/ },
    { module: "Calls", message: /"Calls" cannot have a photo/ },
    { module: "Quotes", message: /"Quotes" cannot have a photo/ },
    { module: "Appointments__s", message: /"Appointments__s" cannot have a photo/ },
    { module: "leads", message: /Did you mean "Leads"\?/ },
    { module: "CONTACTS", message: /Did you mean "Contacts"\?/ },
    { module: "deals", message: /"deals" cannot have a photo/ },
    { module: "Price Books", message: /not a module API name/ },
    { module: 7, message: /module must be a module API name such as "Leads" \(got number\)/ },
  ])("refuses $module", ({ module, message }) => {
    let error: unknown;
    try {
      checkPhotoModule(module, "current");
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ZohoInputError);
    expect((error as ZohoInputError).parameter).toBe("module");
    expect((error as ZohoInputError).message).toMatch(message);
  });

  it("reads exactly the SDK's standard photo modules from the spec, on both lines", () => {
    expect(knownModules.current.photo).toEqual(["Leads", "Contacts", "Accounts", "Products", "Vendors"]);
    expect(knownModules.v2.photo).toEqual(knownModules.current.photo);
  });
});
