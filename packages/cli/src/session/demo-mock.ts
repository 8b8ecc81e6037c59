/**
 * `--mock`: the embedded stateful mock, started on a free loopback port for this one run and seeded
 * with a demo record (two small files, a link and a photo), so anyone can try every command without
 * a Zoho account. The seed goes through the client like any other caller. The mock package is an
 * optional dependency (installed by default, left out by --omit=optional) and is loaded only here,
 * so commands against Zoho never load Prism.
 */
import { createAttachmentsClient } from "@zcrm-attachments/client";
import { CliError, exitCodes } from "../output/exit-codes.js";

/** The module of the demo record. */
export const DEMO_MODULE = "Leads";
/** The id of the demo record the mock is seeded with. */
export const DEMO_RECORD_ID = "4150868000002728001";
/** The token the CLI sends to its own mock (any token works there; real credentials never go to it). */
export const DEMO_TOKEN = "1000.zcrm-attachments-demo";

const encoder = new TextEncoder();
// An 8×8 PNG, small enough to keep inline; the mock checks that photos are real images.
const DEMO_PHOTO =
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAG0lEQVR4nGNQOvNOqeMdJsmAVVTpzDuGQakDAPo+boFNjZ9PAAAAAElFTkSuQmCC";

const demoFiles = [
  {
    fileName: "welcome.txt",
    text: "This file lives on the mock's demo record. Try: zcrm-attachments --mock download …\n",
  },
  { fileName: "quote-2026.csv", text: "item,quantity,price\nwidget,3,9.90\ngadget,1,24.00\n" },
];

/** A running demo mock. */
export interface DemoMock {
  url: string;
  close(): Promise<void>;
}

/** Starts the stateful mock on 127.0.0.1 (any free port) and seeds the demo record. */
export async function startDemoMock(): Promise<DemoMock> {
  let mockModule: typeof import("@zcrm-attachments/mock");
  try {
    mockModule = await import("@zcrm-attachments/mock");
  } catch (error) {
    // Only a missing package means "left out"; any other failure to load it is a real error.
    const code = (error as { code?: unknown }).code;
    if (code !== "ERR_MODULE_NOT_FOUND" || !String((error as Error).message).includes("@zcrm-attachments/mock")) {
      throw error;
    }
    throw new CliError(
      "--mock needs @zcrm-attachments/mock, an optional dependency of the CLI that was left out of this install.",
      exitCodes.usage,
      "install the CLI again without --omit=optional, or point it at a server with --api-domain",
    );
  }
  const mock = await mockModule.startMock({ port: 0, host: "127.0.0.1", stateful: true });
  try {
    const seed = createAttachmentsClient({ apiDomain: mock.url, accessToken: DEMO_TOKEN, retry: false });
    for (const file of demoFiles) {
      await seed.uploadAttachment(DEMO_MODULE, DEMO_RECORD_ID, encoder.encode(file.text), { fileName: file.fileName });
    }
    await seed.attachLink(DEMO_MODULE, DEMO_RECORD_ID, "https://www.zoho.com/crm/developer/docs/api/v8/", {
      title: "Zoho CRM API docs",
    });
    await seed.uploadPhoto(DEMO_MODULE, DEMO_RECORD_ID, Buffer.from(DEMO_PHOTO, "base64"), { fileName: "photo.png" });
  } catch (error) {
    await mock.close();
    throw error;
  }
  return { url: mock.url, close: () => mock.close() };
}
