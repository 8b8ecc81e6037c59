/**
 * Module names through the client, on a loopback server: any API name goes out as a custom module
 * (ServiceCenters, Lead, CustomModule7), while a name that is not of API-name form, a standard name
 * in the wrong case, and a standard module the version does not serve fail before any request.
 */
import { describe, expect, it } from "vitest";
import { type ApiVersion, createAttachmentsClient, ZohoInputError } from "../../src/index.js";
import { useTestServer } from "../helpers/http-server.js";

const RECORD = "4150868000002728001";
const ID = "4150868000002728012";
const server = useTestServer();

// Bypasses the types on purpose: the module check is for what JavaScript callers and typos send.
type Call = (...args: unknown[]) => Promise<unknown>;
interface LooseClient {
  listAttachments: Call;
  uploadAttachment: Call;
  attachLink: Call;
  downloadAttachment: Call;
  deleteAttachment: Call;
  deleteAttachments: Call;
  iterateAttachments(...args: unknown[]): AsyncGenerator<unknown>;
  iterateAttachmentPages(...args: unknown[]): AsyncGenerator<unknown>;
}

function client(apiVersion: ApiVersion): LooseClient {
  return createAttachmentsClient({ apiDomain: server.origin, accessToken: "1000.modules", apiVersion }) as never;
}

function listOptions(version: ApiVersion): object | undefined {
  return version === "v2" || version === "v2.1" ? undefined : { fields: ["id"] };
}

// Every method that takes a module, with arguments that pass every other check.
function calls(zoho: LooseClient, module: unknown, version: ApiVersion): Array<() => Promise<unknown>> {
  const list = listOptions(version);
  return [
    () => zoho.listAttachments(module, RECORD, list),
    () => zoho.iterateAttachments(module, RECORD, list).next(),
    () => zoho.iterateAttachmentPages(module, RECORD, list).next(),
    () => zoho.uploadAttachment(module, RECORD, new Uint8Array([1]), { fileName: "a.txt" }),
    () => zoho.attachLink(module, RECORD, "https://www.zohocorp.com"),
    () => zoho.downloadAttachment(module, RECORD, ID),
    () => zoho.deleteAttachment(module, RECORD, ID),
    () => zoho.deleteAttachments(module, RECORD, [ID]),
  ];
}

describe("module names that are refused before any request", () => {
  it.each([
    { module: "leads", version: "v8", message: /^Unknown module "leads" for API v8\. Did you mean "Leads"\?/ },
    { module: "LEADS", version: "v8", message: /Did you mean "Leads"\?/ },
    { module: "price_books", version: "v2", message: /Did you mean "Price_Books"\?/ },
    { module: "appointments__s", version: "v8", message: /Did you mean "Appointments__s"\?/ },
    {
      module: "Price Books",
      version: "v8",
      message: /"Price Books" is not a module API name.*Did you mean "Price_Books"\?/,
    },
    { module: "price-books", version: "v8", message: /Did you mean "Price_Books"\?/ },
    { module: "My Module", version: "v8", message: /not a module API name.*Did you mean "My_Module"\?/ },
    { module: "1Leads", version: "v8", message: /not a module API name \(a letter, then letters/ },
    { module: "Leads/../Deals", version: "v8", message: /not a module API name/ },
    { module: `M${"x".repeat(64)}`, version: "v8", message: /65 characters long.*at most 64/ },
    { module: "", version: "v8", message: /"" is not a module API name/ },
    { module: 7, version: "v8", message: /module must be a module API name such as "Leads" \(got number\)/ },
    {
      module: "Calls",
      version: "v2",
      message: /^Calls takes attachments from v2\.1 on \(this client uses v2\)\. Pick apiVersion "v2\.1" or later\.$/,
    },
    {
      module: "Appointments__s",
      version: "v2",
      message: /Appointments__s takes attachments from v3 on \(this client uses v2\)\. Pick apiVersion "v3"/,
    },
    {
      module: "Services__s",
      version: "v2.1",
      message: /Services__s takes attachments from v3 on \(this client uses v2\.1\)/,
    },
  ] as Array<{ module: unknown; version: ApiVersion; message: RegExp }>)(
    "$module on $version",
    async ({ module, version, message }) => {
      const zoho = client(version);
      for (const call of calls(zoho, module, version)) {
        const error = await call().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ZohoInputError);
        expect(error).toMatchObject({ name: "ZohoInputError", parameter: "module" });
        expect((error as Error).message).toMatch(message);
      }
      expect(server.requests).toHaveLength(0);
    },
  );
});

describe("any other API name is a module, sent as given", () => {
  it.each([
    { module: "ServiceCenters", version: "v8" },
    { module: "Lead", version: "v8" },
    { module: "Contact", version: "v8" },
    { module: "appointments", version: "v8" },
    { module: "customModule3", version: "v8" },
    { module: "CustomModule7", version: "v2" },
    { module: "Projects", version: "v5" },
    { module: "Invoices_Archive_2", version: "v2.1" },
    { module: `M${"x".repeat(63)}`, version: "v8" },
    { module: "Calls", version: "v2.1" },
    { module: "Appointments__s", version: "v3" },
    { module: "Services__s", version: "v8" },
  ] as Array<{ module: string; version: ApiVersion }>)("$module on $version", async ({ module, version }) => {
    server.handle(() => ({ status: 204 }));
    const zoho = client(version);
    await zoho.listAttachments(module, RECORD, listOptions(version));
    await zoho.deleteAttachments(module, RECORD, [ID]).catch(() => undefined);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /crm/${version}/${module}/${RECORD}/Attachments`,
      `DELETE /crm/${version}/${module}/${RECORD}/Attachments`,
    ]);
  });

  it("still checks the deprecated customModules option, and needs it for nothing", async () => {
    expect(() => createAttachmentsClient({ accessToken: "t", customModules: ["My Module"] as never })).toThrow(
      /customModules holds "My Module", which is not a module API name/,
    );
    expect(() => createAttachmentsClient({ accessToken: "t", customModules: "Projects_X" as never })).toThrow(
      /customModules must be an array/,
    );
    server.handle(() => ({ status: 204 }));
    const listed = createAttachmentsClient({
      apiDomain: server.origin,
      accessToken: "t",
      customModules: ["Projects_X"],
    });
    const page = await listed.listAttachments("Projects_Y", RECORD, { fields: ["id"] });
    expect(page.status).toBe(204);
    expect(server.requests[0]?.path).toBe(`/crm/v8/Projects_Y/${RECORD}/Attachments`);
  });
});
