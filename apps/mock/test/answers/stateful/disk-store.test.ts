import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { ownFolderStem } from "../../../src/answers/stateful/own-folder.js";
import { type MockServer, startMock } from "../../../src/index.js";
import { AUTH, fileForm, fixture, sha256, streamedForm, streamingInit } from "../../upload-helpers.js";

// The stateful store keeps file and photo bytes in a temp folder of its own, not in memory: each
// upload is a file there while it is stored, a delete or a replaced photo removes it, closing the
// mock removes the folder, and a folder left by a process that died is removed at the next start.

const MIB = 1024 * 1024;
const RECORD = "/crm/v8/Leads/1000000231009";
const roots: string[] = [];
let parent: string;
let mock: MockServer;

beforeEach(async () => {
  parent = mkdtempSync(join(tmpdir(), "zcrm-mock-disk-test-"));
  roots.push(parent);
  mock = await startMock({ port: 0, stateful: { tempDir: parent } });
});

afterEach(async () => {
  await mock.close();
});

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The mock's own folder under `parent`, and the files in it. */
function storeFolder(): { name: string; files: string[] } {
  const [name, ...others] = readdirSync(parent);
  expect(others).toStrictEqual([]);
  expect(name?.startsWith(ownFolderStem(process.pid))).toBe(true);
  return { name: name as string, files: readdirSync(join(parent, name as string)) };
}

async function call(method: string, path: string, body?: RequestInit["body"]) {
  const res = await fetch(mock.url + path, { method, headers: AUTH, ...(body === undefined ? {} : { body }) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function upload(name: string, bytes: Uint8Array | string): Promise<string> {
  const res = await call("POST", `${RECORD}/Attachments`, fileForm(name, bytes));
  expect(res.status).toBe(200);
  return (JSON.parse(res.bytes.toString()) as { data: { details: { id: string } }[] }).data[0]?.details.id as string;
}

describe("the bytes live on disk", () => {
  it("writes an upload to one file in the store's folder, byte for byte, and serves it from there", async () => {
    const bytes = Buffer.from("first line\nsecond line\n");
    const id = await upload("notes.txt", bytes);
    const { name, files } = storeFolder();
    expect(files).toHaveLength(1);
    expect(readFileSync(join(parent, name, files[0] as string)).equals(bytes)).toBe(true);
    const down = await call("GET", `${RECORD}/Attachments/${id}`);
    expect(down.status).toBe(200);
    expect(down.headers.get("content-length")).toBe(String(bytes.length));
    expect(down.bytes.equals(bytes)).toBe(true);
  });

  it("streams a 20 MiB upload in and out unchanged, waiting on the disk without piling up listeners", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const form = streamedForm(20 * MIB, { fileName: "big.bin" });
    const res = await fetch(
      `${mock.url}${RECORD}/Attachments`,
      streamingInit("POST", form.body, { ...AUTH, "Content-Type": form.contentType }),
    );
    expect(res.status).toBe(200);
    const id = ((await res.json()) as { data: { details: { id: string } }[] }).data[0]?.details.id;
    const down = await call("GET", `${RECORD}/Attachments/${id}`);
    expect(down.bytes.length).toBe(20 * MIB);
    const { name, files } = storeFolder();
    expect(sha256(down.bytes)).toBe(sha256(readFileSync(join(parent, name, files[0] as string))));
    process.off("warning", onWarning);
    expect(warnings.map((warning) => warning.name)).toStrictEqual([]);
  });

  it("deleting an attachment deletes its file; deleting several deletes theirs", async () => {
    const one = await upload("a.txt", "a");
    const two = await upload("b.txt", "b");
    const three = await upload("c.txt", "c");
    expect(storeFolder().files).toHaveLength(3);
    expect((await call("DELETE", `${RECORD}/Attachments/${one}`)).status).toBe(200);
    expect((await call("DELETE", `${RECORD}/Attachments?ids=${two},${three}`)).status).toBe(200);
    await eventually(() => storeFolder().files.length === 0);
    expect((await call("GET", `${RECORD}/Attachments/${one}`)).status).toBe(204);
  });

  it("a photo is a file too; replacing it or deleting it removes the old one", async () => {
    const photo = `${RECORD}/photo`;
    expect((await call("POST", photo, fileForm("me.png", fixture("photo.png")))).status).toBe(200);
    const [first] = storeFolder().files;
    expect((await call("POST", photo, fileForm("me.png", fixture("photo.png")))).status).toBe(200);
    await eventually(() => !storeFolder().files.includes(first as string));
    expect(storeFolder().files).toHaveLength(1);
    const got = await call("GET", photo);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(got.bytes.equals(fixture("photo.png"))).toBe(true);
    expect((await call("DELETE", photo)).status).toBe(200);
    await eventually(() => storeFolder().files.length === 0);
  });

  it("a refused upload leaves no file: an empty one, an .exe, a photo that is no image, a body cut short", async () => {
    expect((await call("POST", `${RECORD}/Attachments`, fileForm("empty.txt", ""))).status).toBe(400);
    expect((await call("POST", `${RECORD}/Attachments`, fileForm("x.EXE ", "MZ"))).status).toBe(400);
    expect((await call("POST", `${RECORD}/photo`, fileForm("me.png", "not a png at all"))).status).toBe(415);
    const cut = new FormData();
    cut.append("file", new Blob(["abc"]), "a.txt");
    cut.append("file", new Blob(["def"]), "b.txt");
    expect((await call("POST", `${RECORD}/Attachments`, cut)).status).toBe(400);
    await eventually(() => storeFolder().files.length === 0);
  });

  it("an upload past the store's bound is 507 and leaves no file", async () => {
    const mine = storeFolder().name;
    const small = await startMock({ port: 0, stateful: { maxBytes: MIB, tempDir: parent } });
    try {
      const folder = join(parent, readdirSync(parent).find((name) => name !== mine) as string);
      const form = () => fileForm("big.bin", new Uint8Array(700 * 1024));
      const url = `${small.url}${RECORD}/Attachments`;
      expect((await fetch(url, { method: "POST", headers: AUTH, body: form() })).status).toBe(200);
      const full = await fetch(url, { method: "POST", headers: AUTH, body: form() });
      expect(full.status).toBe(507);
      await full.arrayBuffer();
      await eventually(() => readdirSync(folder).length === 1);
    } finally {
      await small.close();
    }
  });
});

describe("the folder's life", () => {
  it("close() removes the folder and everything in it", async () => {
    await upload("a.txt", "a");
    expect(readdirSync(parent)).toHaveLength(1);
    await mock.close();
    expect(readdirSync(parent)).toStrictEqual([]);
    // afterEach closes `mock` again: give it a running one.
    mock = await startMock({ port: 0 });
  });

  it("a start removes folders left by processes that are gone, and keeps those of live ones and other hosts", async () => {
    const child = spawn(process.execPath, ["-e", ""]);
    await once(child, "exit");
    const dead = `${ownFolderStem(child.pid ?? 0)}leftover`;
    const live = `${ownFolderStem(process.pid)}other`;
    // Another host's folder: its pid means nothing here, so it is left alone.
    const elsewhere = `zcrm-mock-store-0000abcd-${child.pid}-leftover`;
    for (const name of [dead, live, elsewhere]) {
      mkdirSync(join(parent, name));
      writeFileSync(join(parent, name, "1.bytes"), "left behind");
    }
    const next = await startMock({ port: 0, stateful: { tempDir: parent } });
    try {
      const names = readdirSync(parent);
      expect(names).not.toContain(dead);
      expect(names).toContain(live);
      expect(names).toContain(elsewhere);
    } finally {
      await next.close();
      for (const name of [live, elsewhere]) rmSync(join(parent, name), { recursive: true, force: true });
    }
  });

  it("refuses a tempDir that does not exist, naming it", async () => {
    const missing = join(parent, "no", "such", "dir");
    await expect(startMock({ port: 0, stateful: { tempDir: missing } })).rejects.toThrow(
      new RegExp(`stateful\\.tempDir: cannot make the store's folder under ${missing.replace(/[/.]/g, "\\$&")}`),
    );
  });
});

/**
 * Waits until `check` holds, for a file whose removal waits on its stream closing (an upload
 * refused half-way); a bounded number of short waits, and the check itself is what is asserted.
 */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}
