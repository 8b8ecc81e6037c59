import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../src/index.js";
import {
  AUTH,
  example,
  fileForm,
  fixture,
  multipartBody,
  PATHS,
  streamedForm,
  streamingInit,
} from "../../upload-helpers.js";

// Uploads in the default (example-driven) mode: every rule of Zoho's upload calls, through real
// HTTP with fetch, hand-built multipart bodies and, where installed, curl as Zoho's docs use it.

const run = promisify(execFile);
const CURL = (() => {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const MIB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), "zcrm-mock-uploads-"));
let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});

afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

const LEAD = "/crm/v2/Leads/1000000231009";
const LEAD8 = "/crm/v8/Leads/1000000231009";
const fileUploaded = example("post", PATHS.v2.list, 200, "fileUploaded");
const linkAttached = example("post", PATHS.v8.list, 200, "linkAttached");

async function post(path: string, body?: RequestInit["body"], headers: Record<string, string> = {}) {
  const res = await fetch(mock.url + path, {
    method: "POST",
    headers: { ...AUTH, ...headers },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? undefined : (JSON.parse(text) as unknown) };
}

async function postForm(path: string, form: { body: Buffer; contentType: string }) {
  return post(path, form.body, { "Content-Type": form.contentType });
}

describe.skipIf(!CURL)("curl lines in the style of Zoho's docs", () => {
  it('-F "file=@attachment1.txt" uploads a file', async () => {
    const file = join(dir, "attachment1.txt");
    writeFileSync(file, "hello from curl\n");
    const { stdout } = await run("curl", [
      "-sS",
      `${mock.url}${LEAD}/Attachments`,
      "-X",
      "POST",
      "-H",
      `Authorization: ${AUTH.Authorization}`,
      "-F",
      `file=@${file}`,
      "-w",
      "\n%{http_code}",
    ]);
    const [body, status] = stdout.split("\n");
    expect(status).toBe("200");
    expect(JSON.parse(body ?? "")).toStrictEqual(fileUploaded);
  });

  it('-F "attachmentUrl=https://www.zohocorp.com" attaches a link', async () => {
    const { stdout } = await run("curl", [
      "-sS",
      `${mock.url}${LEAD8}/Attachments`,
      "-X",
      "POST",
      "-H",
      `Authorization: ${AUTH.Authorization}`,
      "-F",
      "attachmentUrl=https://www.zohocorp.com",
      "-w",
      "\n%{http_code}",
    ]);
    const [body, status] = stdout.split("\n");
    expect(status).toBe("200");
    expect(JSON.parse(body ?? "")).toStrictEqual(linkAttached);
  });

  it("a file over 100 MiB gets the 413 body, not a reset (curl stops sending when it sees it)", async () => {
    const file = join(dir, "big.bin");
    // A sparse file: 100 MiB + 1 byte on disk costs no memory here.
    execFileSync("truncate", ["-s", String(100 * MIB + 1), file]);
    const { stdout } = await run("curl", [
      "-sS",
      `${mock.url}${LEAD}/Attachments`,
      "-X",
      "POST",
      "-H",
      `Authorization: ${AUTH.Authorization}`,
      "-F",
      `file=@${file}`,
      "-w",
      "\n%{http_code}",
    ]);
    const [body, status] = stdout.split("\n");
    expect(status).toBe("413");
    expect(JSON.parse(body ?? "")).toStrictEqual(example("post", PATHS.v2.list, 413, "fileSizeMoreThanAllowed"));
  });
});

describe("files", () => {
  it("takes a file sent by fetch with FormData and answers the fileUploaded example", async () => {
    const res = await post(`${LEAD8}/Attachments`, fileForm("notes.txt", "some notes"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    expect(res.body).toStrictEqual(fileUploaded);
  });

  it("takes 15 MiB, past Prism's 10 MB body limit", async () => {
    const res = await post(`${LEAD}/Attachments`, fileForm("scan.pdf", new Uint8Array(15 * MIB).fill(7)));
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual(fileUploaded);
  });

  it("takes a file of exactly 100 MiB", async () => {
    const form = streamedForm(100 * MIB);
    const res = await fetch(
      `${mock.url}${LEAD}/Attachments`,
      streamingInit("POST", form.body, { ...AUTH, "Content-Type": form.contentType }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toStrictEqual(fileUploaded);
  });

  it("refuses a streamed file over 100 MiB with 413 FILE_SIZE_MORE_THAN_ALLOWED_SIZE", async () => {
    const form = streamedForm(100 * MIB + 1024 * 1024);
    const res = await fetch(
      `${mock.url}${LEAD8}/Attachments`,
      streamingInit("POST", form.body, { ...AUTH, "Content-Type": form.contentType }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toStrictEqual(example("post", PATHS.v8.list, 413, "fileSizeMoreThanAllowed"));
    // The mock is still there for the next call.
    expect((await post(`${LEAD8}/Attachments`, fileForm("a.txt", "a"))).status).toBe(200);
  });

  it("refuses a body over the limit that has no file part with 413 BODY_SIZE_REACHED", async () => {
    const form = streamedForm(100 * MIB + 128 * 1024, { asField: true });
    const res = await fetch(
      `${mock.url}${LEAD}/Attachments`,
      streamingInit("POST", form.body, { ...AUTH, "Content-Type": form.contentType }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toStrictEqual(example("post", PATHS.v2.list, 413, "bodySizeReached"));
  });

  it("refuses an empty file with the emptyFile example", async () => {
    const res = await postForm(
      `${LEAD}/Attachments`,
      multipartBody([{ name: "file", value: "", fileName: "empty.txt" }]),
    );
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(example("post", PATHS.v2.list, 400, "emptyFile"));
  });

  it("refuses .exe files with 400 INVALID_DATA invalid file type", async () => {
    const res = await post(`${LEAD8}/Attachments`, fileForm("setup.EXE", "MZ\x90\x00"));
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(example("post", PATHS.v8.photo, 415, "invalidFileType"));
  });

  it("refuses two file parts, naming file", async () => {
    const form = multipartBody([
      { name: "file", value: "one", fileName: "1.txt" },
      { name: "file", value: "two", fileName: "2.txt" },
    ]);
    const res = await postForm(`${LEAD}/Attachments`, form);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "INVALID_DATA", details: { param_name: "file" }, status: "error" });
  });
});

describe("answers before the body ends", () => {
  it("refuses an .exe as soon as its part header arrives, while the client is still sending", async () => {
    const head = Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="tool.exe"\r\n\r\nMZ');
    const { status, body, sentBeforeAnswer } = await new Promise<{
      status: number;
      body: string;
      sentBeforeAnswer: number;
    }>((resolve, reject) => {
      let sent = 0;
      const req = request(`${mock.url}${LEAD}/Attachments`, {
        method: "POST",
        headers: { ...AUTH, "Content-Type": "multipart/form-data; boundary=b", "Transfer-Encoding": "chunked" },
      });
      req.on("error", reject);
      req.on("response", (res) => {
        const at = sent;
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        // Content-Length tells the client the answer is complete; only then does it finish sending.
        res.on("end", () => {
          req.end("\r\n--b--\r\n");
          resolve({ status: res.statusCode ?? 0, body: text, sentBeforeAnswer: at });
        });
      });
      req.write(head, () => (sent += head.length));
    });
    expect(sentBeforeAnswer).toBe(head.length);
    expect(status).toBe(400);
    expect(JSON.parse(body)).toStrictEqual(example("post", PATHS.v8.photo, 415, "invalidFileType"));
  });
});

describe("links", () => {
  it("takes attachmentUrl in the query with no body, as Zoho's SDKs send it", async () => {
    const res = await post(`${LEAD}/Attachments?attachmentUrl=${encodeURIComponent("https://www.zohocorp.com/")}`);
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual(example("post", PATHS.v2.list, 200, "linkAttached"));
  });

  it("takes attachmentUrl and title as form fields on v5", async () => {
    const form = new FormData();
    form.append("attachmentUrl", "https://www.zohocorp.com");
    form.append("title", "Zoho Corporation");
    const res = await post("/crm/v5/Contacts/1000000231009/Attachments", form);
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual(linkAttached);
  });

  it.each([
    ["a form field", multipartBody([{ name: "attachmentUrl", value: "not a url" }]), ""],
    ["the query", undefined, "?attachmentUrl=nope"],
  ])("refuses an attachmentUrl that is not a URL in %s with INVALID_URL_PATTERN", async (_where, form, query) => {
    const res =
      form === undefined ? await post(`${LEAD8}/Attachments${query}`) : await postForm(`${LEAD8}/Attachments`, form);
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(example("post", PATHS.v8.list, 400, "invalidAttachmentUrl"));
  });

  it("refuses a title longer than 255 characters, naming title", async () => {
    const form = multipartBody([
      { name: "attachmentUrl", value: "https://www.zohocorp.com" },
      { name: "title", value: "t".repeat(256) },
    ]);
    const res = await postForm(`${LEAD8}/Attachments`, form);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "INVALID_DATA", details: { param_name: "title" } });
  });
});

describe("one file or one link", () => {
  const mandatory = example("post", PATHS.v2.list, 400, "mandatoryNotFound");

  it("a call with neither is MANDATORY_NOT_FOUND (no body)", async () => {
    const res = await post(`${LEAD}/Attachments`);
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(mandatory);
  });

  it("a call with neither is MANDATORY_NOT_FOUND (a form with other parts only)", async () => {
    const form = multipartBody([
      { name: "note", value: "hi" },
      { name: "upload", value: "x", fileName: "x.txt" },
    ]);
    const res = await postForm(`${LEAD8}/Attachments`, form);
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(mandatory);
  });

  it("a body that is not multipart has no file: MANDATORY_NOT_FOUND", async () => {
    const res = await post(`${LEAD}/Attachments`, "raw bytes", { "Content-Type": "application/octet-stream" });
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(mandatory);
  });

  it.each([
    [
      "a file and a link field",
      multipartBody([
        { name: "attachmentUrl", value: "https://a.example" },
        { name: "file", value: "x", fileName: "x.txt" },
      ]),
      "",
    ],
    [
      "a link field after the file",
      multipartBody([
        { name: "file", value: "x", fileName: "x.txt" },
        { name: "attachmentUrl", value: "https://a.example" },
      ]),
      "",
    ],
    [
      "a file and a link in the query",
      multipartBody([{ name: "file", value: "x", fileName: "x.txt" }]),
      "?attachmentUrl=https%3A%2F%2Fa.example",
    ],
  ])("%s is INVALID_DATA naming attachmentUrl", async (_case, form, query) => {
    const res = await postForm(`${LEAD}/Attachments${query}`, form);
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual({
      ...(example("get", PATHS.v2.list, 400, "invalidParameter") as object),
      details: { param_name: "attachmentUrl" },
    });
  });
});

describe("malformed bodies", () => {
  const unhandled = example("post", PATHS.v2.list, 400, "emptyFile");

  it.each([
    ["garbage", Buffer.from("this is not multipart at all"), "multipart/form-data; boundary=abc"],
    ["no boundary", Buffer.from("--abc\r\n"), "multipart/form-data"],
    [
      "a cut-off form",
      Buffer.from('--abc\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhalf a fi'),
      "multipart/form-data; boundary=abc",
    ],
  ])("%s answers 400 with the reason in sl-violations, and the mock stays up", async (_case, body, contentType) => {
    const res = await post(`${LEAD}/Attachments`, body, { "Content-Type": contentType });
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(unhandled);
    expect(JSON.parse(res.headers.get("sl-violations") ?? "[]")).toMatchObject([
      { location: ["request", "body"], code: "malformed" },
    ]);
    const after = await fetch(`${mock.url}${LEAD}/Attachments`, { headers: AUTH });
    expect(after.status).toBe(200);
  });
});

describe("record photos", () => {
  const photoPath = "/crm/v8/Contacts/1000000231009/photo";

  it.each([
    ["PNG", fixture("photo.png")],
    ["JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])],
    ["GIF", Buffer.from("GIF89a\x01\x00\x01\x00", "latin1")],
    ["BMP", Buffer.from("BM\x3a\x00\x00\x00\x00\x00", "latin1")],
  ])("takes a %s and answers photoUploaded", async (_type, bytes) => {
    const res = await post(photoPath, fileForm("me.img", bytes));
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual(example("post", PATHS.v8.photo, 200, "photoUploaded"));
  });

  it("refuses what is not an image (by its bytes, whatever its name) with 415 invalid file type", async () => {
    const res = await post("/crm/v2/Leads/1000000231009/photo", fileForm("fake.png", "%PDF-1.4 not an image"));
    expect(res.status).toBe(415);
    expect(res.body).toStrictEqual(example("post", PATHS.v2.photo, 415, "invalidFileType"));
  });

  it("refuses more than 10 MiB with 413 FILE_SIZE_EXCEEDS", async () => {
    const big = Buffer.alloc(10 * MIB + 1);
    fixture("photo.png").copy(big);
    const res = await post(photoPath, fileForm("big.png", big));
    expect(res.status).toBe(413);
    expect(res.body).toStrictEqual(example("post", PATHS.v8.photo, 413, "fileSizeExceeds"));
  });

  it("a photo call without a file is MANDATORY_NOT_FOUND", async () => {
    const res = await post(photoPath);
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(example("post", PATHS.v8.photo, 400, "mandatoryNotFound"));
  });

  it("a standard module without photos (Deals) is INVALID_MODULE, not supported", async () => {
    const res = await post("/crm/v8/Deals/1000000231009/photo", fileForm("me.png", fixture("photo.png")));
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(example("post", PATHS.v8.photo, 400, "moduleNotSupported"));
  });
});

describe("the checks before the body", () => {
  it("no Authorization is AUTHENTICATION_FAILURE, even with a file", async () => {
    const res = await fetch(`${mock.url}${LEAD}/Attachments`, { method: "POST", body: fileForm("a.txt", "a") });
    expect(res.status).toBe(401);
    expect(await res.json()).toStrictEqual(example("post", PATHS.v2.list, 401, "authenticationFailure"));
  });

  it("a module name that is no API name is INVALID_MODULE", async () => {
    const res = await post("/crm/v2/Not-A-Module/1000000231009/Attachments", fileForm("a.txt", "a"));
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(example("post", PATHS.v2.list, 400, "invalidModule"));
  });

  it("a record id that is not digits is INVALID_DATA at path index 1", async () => {
    const res = await post("/crm/v8/Leads/abc/Attachments", fileForm("a.txt", "a"));
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(example("post", PATHS.v8.list, 400, "invalidRecordId"));
  });

  it("PUT on the upload path is INVALID_REQUEST_METHOD", async () => {
    const res = await fetch(`${mock.url}${LEAD}/Attachments`, {
      method: "PUT",
      headers: AUTH,
      body: fileForm("a.txt", "a"),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "INVALID_REQUEST_METHOD" });
  });
});

describe("Prefer still selects documented answers", () => {
  it("code=413 answers the first 413 example without reading the file", async () => {
    const res = await post(`${LEAD}/Attachments`, fileForm("a.txt", "a"), { Prefer: "code=413" });
    expect(res.status).toBe(413);
    expect(res.body).toStrictEqual(example("post", PATHS.v2.list, 413, "fileSizeMoreThanAllowed"));
  });

  it("example=linkAttached on a file upload answers that example", async () => {
    const res = await post(`${LEAD8}/Attachments`, fileForm("a.txt", "a"), { Prefer: "example=linkAttached" });
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual(linkAttached);
  });

  it("code=400, example=recordLocked on a photo answers RECORD_LOCKED", async () => {
    const res = await post("/crm/v8/Leads/1/photo", fileForm("a.png", fixture("photo.png")), {
      Prefer: "code=400, example=recordLocked",
    });
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual(example("post", PATHS.v8.photo, 400, "recordLocked"));
  });
});
