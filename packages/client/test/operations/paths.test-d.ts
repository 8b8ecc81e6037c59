/**
 * The request paths are the spec's own: a template that is not a key of the generated `paths`, or
 * parameters that are not the ones the spec declares for it, do not compile. So renaming a path or
 * a parameter in the spec breaks this package's build rather than a request at run time.
 */
import type { paths } from "@zcrm-attachments/types";
import { expectTypeOf } from "vitest";
import { fill, type PathParams, type SpecPath, specPaths } from "../../src/operations/paths.js";

export function templatesArePathsOfTheSpec(): void {
  expectTypeOf(specPaths.current.attachments).toEqualTypeOf<"/crm/v8/{module}/{record_id}/Attachments">();
  expectTypeOf(specPaths.v2.photo).toEqualTypeOf<"/crm/v2/{module}/{record_id}/photo">();
  expectTypeOf<SpecPath>().toEqualTypeOf<keyof paths>();

  // @ts-expect-error the spec writes "Attachments", so a template with another spelling is no path of it
  fill("/crm/v8/{module}/{record_id}/attachments", "v5", { module: "Leads", record_id: "1" });
  // @ts-expect-error the spec's parameter is record_id: a template naming it {id} is no path of it
  fill("/crm/v8/{module}/{id}/Attachments", "v5", { module: "Leads", id: "1" });
  const renamed = "/crm/v8/{module}/{recordId}/photo";
  // @ts-expect-error the same check as the templates in src/operations/paths.ts
  renamed satisfies SpecPath;
}

export function parametersAreTheSpecsOwn(): void {
  expectTypeOf<PathParams<"/crm/v8/{module}/{record_id}/photo">>().toEqualTypeOf<{
    module: string;
    record_id: string;
  }>();
  fill(specPaths.current.attachment, "v8", { module: "Leads", record_id: "1", attachment_id: "2" });
  // @ts-expect-error one attachment's path needs its attachment_id
  fill(specPaths.current.attachment, "v8", { module: "Leads", record_id: "1" });
  // @ts-expect-error parameters go by the spec's names (record_id), not the client's (recordId)
  fill(specPaths.current.attachments, "v8", { module: "Leads", recordId: "1" });
  // @ts-expect-error a version the spec does not serve
  fill(specPaths.current.attachments, "v9", { module: "Leads", record_id: "1" });
}
