import { describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoApiError, ZohoInputError } from "../../src/index.js";
import { parseMultipart } from "../files/parse-multipart.js";
import { patternBytes, readAll, sha256, useTempDir, writeTempFile } from "../files/temp-dir.js";
import { fakeClock } from "../helpers/fake-clock.js";
import { sendJson, useCaptureServer, zohoError } from "./capture-server.js";

const server = useCaptureServer();
const tempDir = useTempDir("photos");
const RECORD = "4150868000002728001";
const IMAGE = patternBytes(50_000, 11);
const uploadedPhoto = { code: "SUCCESS", details: {}, message: "Photo uploaded successfully", status: "success" };
const deletedPhoto = { code: "SUCCESS", details: {}, message: "Photo deleted successfully", status: "success" };

function client<const V extends "v8" | "v2" = "v8">(apiVersion?: V) {
  return createAttachmentsClient({
    apiDomain: server.origin,
    accessToken: "1000.photo",
    apiVersion: apiVersion ?? ("v8" as V),
    clock: fakeClock(),
    customModules: ["Projects_X"],
  });
}

describe("getPhoto", () => {
  it("streams the image with its name and type", async () => {
    server.respond((_request, res) => {
      res.writeHead(200, {
        "content-type": "image/png",
        "content-length": String(IMAGE.length),
        "content-disposition": 'attachment; filename="face.png"',
      });
      res.end(IMAGE);
    });
    const result = await client().getPhoto("Contacts", RECORD);
    if (result.status !== 200) throw new Error(`status ${result.status}`);
    expect(result).toMatchObject({ fileName: "face.png", contentType: "image/png", contentLength: IMAGE.length });
    expect(sha256(await readAll(result.body))).toBe(sha256(IMAGE));
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([
      ["GET", `/crm/v8/Contacts/${RECORD}/photo`],
    ]);
  });

  it("returns 204 for a record without a photo", async () => {
    server.respond((_request, res) => res.writeHead(204).end());
    expect(await client().getPhoto("Leads", RECORD)).toMatchObject({ status: 204, body: null });
  });

  it("accepts any custom module, listed in the deprecated customModules or not", async () => {
    server.respond((_request, res) => res.writeHead(204).end());
    await client().getPhoto("CustomModule2", RECORD);
    await client().getPhoto("Projects_X", RECORD);
    await client().getPhoto("ServiceCenters", RECORD);
    await client("v2").getPhoto("Properties", RECORD);
    expect(server.requests.map((request) => request.path)).toEqual([
      `/crm/v8/CustomModule2/${RECORD}/photo`,
      `/crm/v8/Projects_X/${RECORD}/photo`,
      `/crm/v8/ServiceCenters/${RECORD}/photo`,
      `/crm/v2/Properties/${RECORD}/photo`,
    ]);
  });

  it.each(["application/octet-stream", "application/x-download", "image/jpeg"])(
    "streams a photo sent as %s",
    async (type) => {
      server.respond((_request, res) => {
        res.writeHead(200, { "content-type": type, "content-length": String(IMAGE.length) });
        res.end(IMAGE);
      });
      const result = await client().getPhoto("Leads", RECORD);
      if (result.status !== 200) throw new Error(`status ${result.status}`);
      expect(result.contentType).toBe(type);
      expect(result.contentLength).toBe(IMAGE.length);
      expect(sha256(await readAll(result.body))).toBe(sha256(IMAGE));
    },
  );

  it.each(["Deals", "Tasks", "Notes", "Calls", "Quotes", "Campaigns"])(
    "refuses %s, a standard module without photos, before any request",
    async (module) => {
      const zoho = client();
      const image = new Uint8Array(IMAGE);
      for (const call of [
        () => zoho.getPhoto(module as never, RECORD),
        () => zoho.uploadPhoto(module as never, RECORD, image, { fileName: "a.png" }),
        () => zoho.deletePhoto(module as never, RECORD),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ZohoInputError);
        expect(error).toMatchObject({ parameter: "module" });
        expect((error as Error).message).toMatch(new RegExp(`^Records of "${module}" cannot have a photo\\.`));
        expect((error as Error).message.includes("SDK do not")).toBe(module === "Deals");
      }
      expect(server.requests).toHaveLength(0);
    },
  );
});

describe("uploadPhoto", () => {
  it("sends the image as part `file` with restrict_triggers in the query", async () => {
    server.respond((_request, res) => sendJson(res, 200, uploadedPhoto));
    const path = await writeTempFile(tempDir(), "portrait.jpg", IMAGE);
    const result = await client().uploadPhoto("Accounts", RECORD, path, {
      restrictTriggers: ["workflow", "blueprint", "workflow"],
    });
    expect(result).toMatchObject({ status: 200, data: uploadedPhoto });
    const [request] = server.requests;
    if (request === undefined) throw new Error("no request");
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`/crm/v8/Accounts/${RECORD}/photo?restrict_triggers=workflow,blueprint`);
    expect(request.headers["content-length"]).toBe(String(request.body.length));
    const parts = parseMultipart(request.body, String(request.headers["content-type"]));
    expect(parts.map((part) => [part.name, part.fileName, part.contentType])).toEqual([
      ["file", "portrait.jpg", "image/jpeg"],
    ]);
    expect(sha256(parts[0]?.body ?? Buffer.alloc(0))).toBe(sha256(IMAGE));
  });

  it("takes only workflow on v2, and no query when no trigger is given", async () => {
    server.respond((_request, res) => sendJson(res, 200, uploadedPhoto));
    await client("v2").uploadPhoto("Leads", RECORD, new Uint8Array(IMAGE), {
      fileName: "a.gif",
      restrictTriggers: ["workflow"],
    });
    await client("v2").uploadPhoto("Leads", RECORD, new Blob([IMAGE], { type: "image/bmp" }), { fileName: "a.bmp" });
    expect(server.requests.map((request) => request.url)).toEqual([
      `/crm/v2/Leads/${RECORD}/photo?restrict_triggers=workflow`,
      `/crm/v2/Leads/${RECORD}/photo`,
    ]);
  });

  it("throws Zoho's 415 FILE_RESOLUTION_EXCEEDS as a ZohoApiError", async () => {
    server.respond((_request, res) =>
      sendJson(res, 415, zohoError("FILE_RESOLUTION_EXCEEDS", "File resolution exceeded", { resolution: "10MP" })),
    );
    const error = await client()
      .uploadPhoto("Leads", RECORD, new Uint8Array(IMAGE), { fileName: "big.png" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 415, code: "FILE_RESOLUTION_EXCEEDS", details: { resolution: "10MP" } });
  });

  it("stops a photo stream that passes 10 MB with a ZohoInputError", async () => {
    server.respond((_request, res) => sendJson(res, 200, uploadedPhoto));
    const piece = new Uint8Array(1024 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(piece);
        else controller.close();
      },
    });
    const error = await client()
      .uploadPhoto("Leads", RECORD, stream, { fileName: "huge.png" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoInputError);
    expect((error as Error).message).toMatch(/photo limit/);
  });
});

describe("deletePhoto", () => {
  it("sends DELETE …/photo with restrict_triggers", async () => {
    server.respond((_request, res) => sendJson(res, 200, deletedPhoto));
    const result = await client().deletePhoto("Vendors", RECORD, { restrictTriggers: ["approval", "orchestration"] });
    expect(result).toMatchObject({ status: 200, data: deletedPhoto });
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([
      ["DELETE", `/crm/v8/Vendors/${RECORD}/photo?restrict_triggers=approval,orchestration`],
    ]);
  });

  it("throws 400 INVALID_DATA (no photo) as a ZohoApiError", async () => {
    server.respond((_request, res) => sendJson(res, 400, zohoError("INVALID_DATA", "No such photo exists")));
    await expect(client("v2").deletePhoto("Products", RECORD)).rejects.toMatchObject({
      status: 400,
      code: "INVALID_DATA",
      method: "DELETE",
    });
    expect(server.requests[0]?.url).toBe(`/crm/v2/Products/${RECORD}/photo`);
  });
});
