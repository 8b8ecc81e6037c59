/**
 * The zcrm-contract CLI, run as a user runs it: a child process on the built bin.
 */
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { example, JSON_HEADERS, V2_PATH, V8_PATH } from "./helpers/spec-examples.js";

const bin = fileURLToPath(new URL("../bin/zcrm-contract.js", import.meta.url));
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, CONTRACT_BASE_URL: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

let dir: string;
const file = async (name: string, content: unknown) => {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(content));
  return path;
};
const exchange = (path: string, status: number, body: unknown) => ({
  request: { method: "GET", path, query: {}, headers: { authorization: "Zoho-oauthtoken 1000.x" } },
  response: { status, headers: JSON_HEADERS, body },
});
const harEntry = (url: string, status: number, body: unknown) => ({
  request: { method: "GET", url, headers: [], queryString: [] },
  response: {
    status,
    headers: [{ name: "Content-Type", value: "application/json;charset=UTF-8" }],
    content: { mimeType: "application/json", text: JSON.stringify(body) },
  },
});

let dropping: string;
let server: Server;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zcrm-contract-cli-"));
  server = createServer((req, res) => (req.url?.startsWith("/crm/") ? req.socket.destroy() : res.end("up")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  dropping = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("zcrm-contract validate", () => {
  it("accepts the seed samples, on any version of their line", async () => {
    const v2 = await file("v2.json", exchange(V2_PATH, 200, example("listAttachmentsV2", 200, "seedSample")));
    // The current line's list requires fields (the validator now checks requests too).
    const v8 = await file(
      "v8.json",
      exchange("/crm/v6/Leads/1000000231009/Attachments?fields=id", 200, example("listAttachments", 200, "seedSample")),
    );
    const out = await run("validate", v2, v8);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("conforms to GET /crm/v2/{module}/{record_id}/Attachments");
    expect(out.stdout).toContain("conforms to GET /crm/v8/{module}/{record_id}/Attachments");
    expect(out.stdout).toContain("2 passed, 0 failed");
  });

  it("accepts exchanges on a renamed custom module, a partly failed bulk delete included", async () => {
    const partly = example("deleteAttachments", 207, "partlyDeleted");
    const traffic = await file("service-centers.json", [
      exchange(
        "/crm/v2.1/ServiceCenters/4150868000002728001/Attachments",
        200,
        example("listAttachmentsV2", 200, "seedSample"),
      ),
      {
        request: {
          method: "DELETE",
          path: "/crm/v5/ServiceCenters/4150868000002728001/Attachments",
          query: { ids: "1,2" },
        },
        response: { status: 207, headers: JSON_HEADERS, body: partly },
      },
      exchange("/crm/v8/ServiceCenters/4150868000002728001/Attachments", 418, { code: "TEAPOT" }),
    ]);
    const out = await run("validate", traffic);
    expect(out.stdout).toContain(
      "GET /crm/v2.1/ServiceCenters/4150868000002728001/Attachments → 200 conforms to GET /crm/v2/{module}/{record_id}/Attachments",
    );
    expect(out.stdout).toContain(
      "DELETE /crm/v5/ServiceCenters/4150868000002728001/Attachments → 207 conforms to DELETE /crm/v8/{module}/{record_id}/Attachments",
    );
    expect(out.stdout).toContain("status 418 is not documented for GET /crm/v8/{module}/{record_id}/Attachments");
    expect(out.stdout).toContain("2 passed, 1 failed");
    expect(out.code).toBe(1);
  });

  it("rejects a numeric id, a non-array data and an undocumented status, each with a readable reason", async () => {
    const numericId = example("listAttachmentsV2", 200, "seedSample") as { data: { id: unknown }[] };
    numericId.data[0]!.id = 4150868000002728012;
    const notArray = example("listAttachments", 200, "seedSample") as { data: unknown };
    notArray.data = {};
    const har = await file("traffic.har", {
      log: {
        version: "1.2",
        entries: [
          harEntry(`https://www.zohoapis.com${V2_PATH}`, 200, example("listAttachmentsV2", 200, "seedSample")),
          harEntry(`https://www.zohoapis.com${V2_PATH}`, 200, numericId),
          harEntry(`https://www.zohoapis.com${V8_PATH}?fields=id`, 200, notArray),
          harEntry(`https://www.zohoapis.com${V8_PATH}?fields=id`, 418, { code: "TEAPOT" }),
        ],
      },
    });
    const out = await run("validate", har);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/✓ .*entry 1/);
    expect(out.stdout).toContain("body/data/0/id must be string");
    expect(out.stdout).toContain("body/data must be array");
    expect(out.stdout).toContain("status 418 is not documented for GET /crm/v8/{module}/{record_id}/Attachments");
    expect(out.stdout).toContain("1 passed, 3 failed");
  });

  it("checks a recorded download by its headers and size, bytes left out or not", async () => {
    const download = (name: string, size: number, headers: { name: string; value: string }[], text?: string) => ({
      request: {
        method: "GET",
        url: `https://www.zohoapis.com${V8_PATH}/4150868000002728012`,
        headers: [],
        queryString: [],
      },
      response: {
        status: 200,
        headers,
        content: { size, mimeType: "application/pdf", ...(text === undefined ? {} : { text, encoding: "base64" }) },
      },
      comment: name,
    });
    const pdf = [
      { name: "Content-Type", value: "application/pdf" },
      { name: "Content-Disposition", value: `attachment; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf` },
      { name: "Content-Length", value: "2048" },
    ];
    const har = await file("downloads.har", {
      log: {
        version: "1.2",
        entries: [
          download("bytes left out", 2048, pdf),
          download(
            "bytes kept",
            4,
            [...pdf.slice(0, 2), { name: "Content-Length", value: "4" }],
            Buffer.from([0, 1, 2, 255]).toString("base64"),
          ),
          download("short", 1000, pdf),
          download("no name", 2048, [pdf[0]!, pdf[2]!]),
          download("photo type", 2048, [{ name: "Content-Type", value: "image/*" }, ...pdf.slice(1)]),
        ],
      },
    });
    const out = await run("validate", har);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(
      /✓ .*entry 1: GET \/crm\/v8\/Leads\/1000000231009\/Attachments\/4150868000002728012 → 200 conforms to GET \/crm\/v8\/\{module\}\/\{record_id\}\/Attachments\/\{attachment_id\}/,
    );
    expect(out.stdout).toMatch(/✓ .*entry 2/);
    expect(out.stdout).toContain("Content-Length says 2048 bytes, the body has 1000");
    expect(out.stdout).toContain("required header Content-Disposition is missing");
    expect(out.stdout).toContain("Content-Type image/* is a media range; a response must name one type");
    expect(out.stdout).toContain("2 passed, 3 failed");
  });

  it("explains a file it cannot use", async () => {
    // A file that cannot be read is bad usage (exit 2); issue 11 moved it from 1.
    const missing = await run("validate", join(dir, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read");
    const wrongShape = await run("validate", await file("wrong.json", { status: 200 }));
    expect(wrongShape.code).toBe(1);
    expect(wrongShape.stderr).toContain("request.method and request.path must be strings");
    const usage = await run("validate");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage:");
  });
});

describe("zcrm-contract run", () => {
  it("runs every row against the embedded mocks and prints a per-operation report", { timeout: 300_000 }, async () => {
    const out = await run("run");
    expect(out.stderr).toBe("");
    expect(out.stdout).toMatch(
      /Contract run against the embedded mock at http:\/\/127\.0\.0\.1:\d+ and the embedded stateful mock at/,
    );
    for (const name of [
      "listAttachments",
      "uploadAttachment",
      "deleteAttachments",
      "downloadAttachment",
      "deleteAttachment",
      "getPhoto",
      "uploadPhoto",
      "deletePhoto",
    ]) {
      // The summary table: passed/run on each line, all passed.
      expect(out.stdout).toMatch(new RegExp(`^${name} +(\\d+)/\\1 +(\\d+)/\\2$`, "m"));
      expect(out.stdout).toMatch(new RegExp(`^${name}V2 \\(v2 line\\): (\\d+)/\\1 passed$`, "m"));
      expect(out.stdout).toMatch(new RegExp(`^${name} \\(v8 line\\): (\\d+)/\\1 passed$`, "m"));
    }
    expect(out.stdout).toMatch(/^workflow +3\/3 +3\/3$/m);
    expect(out.stdout).toContain("✓ without fields → 400 REQUIRED_PARAM_MISSING [400]");
    expect(out.stdout).toMatch(/✓ downloads a file \[200, \d+ bytes\]/);
    expect(out.stdout).toMatch(/\n\d+ passed, 0 failed$/m);
    expect(out.code).toBe(0);
  });

  it("says what a run against another server still needs, without printing any token", async () => {
    const out = await run("run", "--base-url", "https://www.zohoapis.eu");
    // Missing settings are bad usage (exit 2); issue 11 moved it from 1.
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("ZOHO_ACCESS_TOKEN");
    expect(out.stderr).toContain("CONTRACT_RECORD_ID");
  });

  it("exits 1 when a case fails against the server", async () => {
    // A server that answers (so it is reachable) but drops every API request: each row that sends
    // one fails with no response. (Port 9, which refuses connections, is now an unreachable target.)
    const out = await run(
      "run",
      "--base-url",
      dropping,
      "--token",
      "1000.secret-token-value",
      "--record-id",
      "1000000231009",
    );
    expect(out.code).toBe(1);
    // Only the rows the client refuses without sending anything (one per line) can pass.
    expect(out.stdout).toMatch(/\n2 passed, \d+ failed$/m);
    expect(out.stdout).toMatch(/✓ a standard module in the wrong case \(leads\)/);
    expect(out.stdout).toContain("no response: ZohoNetworkError");
    expect(out.stdout + out.stderr).not.toContain("1000.secret-token-value");
  });
});
