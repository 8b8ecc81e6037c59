import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZohoBodyLengthError, ZohoInputError } from "../../src/errors/errors.js";
import { writeAtomically } from "../../src/files/atomic-file.js";
import { checkDestination } from "../../src/files/destination.js";
import { listDir, patternBytes, sha256, useTempDir } from "./temp-dir.js";

const tempDir = useTempDir("atomic");
let counter = 0;

/** A fresh empty directory per test, so listings show exactly what the test left behind. */
async function freshDir(): Promise<string> {
  const dir = join(tempDir(), `case-${++counter}`);
  await mkdir(dir);
  return dir;
}

/** A web stream that gives `chunks`, then calls `after` for the next read (to fail, hang or abort). */
function scripted(
  chunks: Uint8Array[],
  after?: (controller: ReadableStreamDefaultController<Uint8Array>) => Promise<void> | void,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = chunks.shift();
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (after !== undefined) await after(controller);
      else controller.close();
    },
  });
}

const DATA = patternBytes(256 * 1024 + 5, 21);

// Loopback server: /full sends DATA; /reset promises DATA's length, sends 64 KiB, then resets the socket;
// /hang sends 64 KiB and then waits until the client goes away.
let server: Server;
let origin = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/full") {
      res.writeHead(200, { "content-length": String(DATA.length) }).end(DATA);
      return;
    }
    res.writeHead(200, { "content-length": String(DATA.length) });
    res.write(DATA.subarray(0, 64 * 1024), () => {
      if (req.url === "/reset") res.socket?.resetAndDestroy();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("writeAtomically succeeds", () => {
  it("writes a fetch response body and leaves only the file", async () => {
    const dir = await freshDir();
    const response = await fetch(`${origin}/full`);
    const destination = join(dir, "report.pdf");
    const written = await writeAtomically(response.body as ReadableStream<Uint8Array>, destination, {
      expectedBytes: DATA.length,
    });
    expect(written).toEqual({ path: destination, bytes: DATA.length });
    expect(sha256(await readFile(destination))).toBe(sha256(DATA));
    expect(await listDir(dir)).toEqual(["report.pdf"]);
  });

  it("writes a Node Readable and gives the file the mode a new file gets", async () => {
    const dir = await freshDir();
    await writeFile(join(dir, "reference"), "x");
    const expectedMode = (await stat(join(dir, "reference"))).mode & 0o777;
    const destination = join(dir, "out.bin");
    const written = await writeAtomically(Readable.from([DATA.subarray(0, 10), DATA.subarray(10)]), destination);
    expect(written.bytes).toBe(DATA.length);
    expect((await stat(destination)).mode & 0o777).toBe(expectedMode);
    expect(sha256(await readFile(destination))).toBe(sha256(DATA));
  });

  it("keeps partial data owner-only (0600) while writing", async () => {
    const dir = await freshDir();
    let tempMode = -1;
    const body = scripted([DATA.subarray(0, 1000)], async (controller) => {
      const [temp] = (await listDir(dir)).filter((name) => name.endsWith(".part"));
      tempMode = (await stat(join(dir, temp ?? "missing"))).mode & 0o777;
      controller.close();
    });
    await writeAtomically(body, join(dir, "private.pdf"));
    expect(tempMode).toBe(0o600);
    expect(await listDir(dir)).toEqual(["private.pdf"]);
  });

  it("replaces an existing file with overwrite, keeping its mode", async () => {
    const dir = await freshDir();
    const destination = join(dir, "same.txt");
    await writeFile(destination, "old content");
    await chmod(destination, 0o640);
    await writeAtomically(scripted([Buffer.from("new content")]), destination, { overwrite: true });
    expect(await readFile(destination, "utf8")).toBe("new content");
    expect((await stat(destination)).mode & 0o777).toBe(0o640);
    expect(await listDir(dir)).toEqual(["same.txt"]);
  });
});

describe("writeAtomically fails cleanly", () => {
  it("refuses a short body: nothing written, no temp file", async () => {
    const dir = await freshDir();
    const error = await rejection(
      writeAtomically(scripted([DATA.subarray(0, 60)]), join(dir, "short.bin"), { expectedBytes: 100 }),
    );
    expect(error).toBeInstanceOf(ZohoBodyLengthError);
    expect(error).toMatchObject({ expectedBytes: 100, receivedBytes: 60, name: "ZohoBodyLengthError" });
    expect((error as Error).message).toMatch(/ended after 60 of 100 bytes/);
    expect(await listDir(dir)).toEqual([]);
  });

  it("refuses a body longer than announced", async () => {
    const dir = await freshDir();
    const error = await rejection(
      writeAtomically(scripted([DATA.subarray(0, 60)]), join(dir, "long.bin"), { expectedBytes: 50 }),
    );
    expect(error).toMatchObject({ expectedBytes: 50, receivedBytes: 60 });
    expect(await listDir(dir)).toEqual([]);
  });

  it("passes on a stream error mid-way, leaving no destination and no temp file", async () => {
    const dir = await freshDir();
    const boom = new Error("disk source failed");
    const body = scripted([DATA.subarray(0, 5000)], (controller) => controller.error(boom));
    expect(await rejection(writeAtomically(body, join(dir, "broken.bin")))).toBe(boom);
    expect(await listDir(dir)).toEqual([]);
  });

  it("fails when the server resets the connection mid-body", async () => {
    const dir = await freshDir();
    const response = await fetch(`${origin}/reset`);
    expect(response.status).toBe(200);
    const error = await rejection(
      writeAtomically(response.body as ReadableStream<Uint8Array>, join(dir, "reset.bin"), {
        expectedBytes: DATA.length,
      }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(await listDir(dir)).toEqual([]);
  });

  it("stops on abort with the signal's reason, mid-download over fetch", async () => {
    const dir = await freshDir();
    const controller = new AbortController();
    const response = await fetch(`${origin}/hang`, { signal: controller.signal });
    const reason = new Error("user cancelled");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    // Hand over the first chunk, then abort when the writer asks for more.
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        const next = await reader.read();
        if (next.done) stream.close();
        else stream.enqueue(next.value);
        if (!controller.signal.aborted) controller.abort(reason);
      },
      cancel: (why) => reader.cancel(why),
    });
    expect(await rejection(writeAtomically(body, join(dir, "aborted.bin"), { signal: controller.signal }))).toBe(
      reason,
    );
    expect(await listDir(dir)).toEqual([]);
  });

  it("rejects at once for an already aborted signal, creating nothing", async () => {
    const dir = await freshDir();
    const reason = new Error("too late");
    const error = await rejection(
      writeAtomically(scripted([DATA]), join(dir, "never.bin"), { signal: AbortSignal.abort(reason) }),
    );
    expect(error).toBe(reason);
    expect(await listDir(dir)).toEqual([]);
  });

  it("keeps an existing destination's old content when the new body fails", async () => {
    const dir = await freshDir();
    const destination = join(dir, "keep.txt");
    await writeFile(destination, "old content");
    const body = scripted([Buffer.from("new but broken")], (controller) => controller.error(new Error("reset")));
    await rejection(writeAtomically(body, destination, { overwrite: true }));
    expect(await readFile(destination, "utf8")).toBe("old content");
    expect(await listDir(dir)).toEqual(["keep.txt"]);
  });
});

describe("destination checks", () => {
  it.each([
    {
      case: "a directory",
      setup: async (dir: string) => {
        await mkdir(join(dir, "sub"));
        return join(dir, "sub");
      },
      message: /is a directory: pass a file path inside it/,
    },
    {
      case: "a path ending in a slash",
      setup: async (dir: string) => `${dir}/`,
      message: /names a directory: add a file name/,
    },
    {
      case: "a path ending in a slash, for a folder that does not exist yet",
      setup: async (dir: string) => `${dir}/downloads/`,
      message: /The directory \/\S+\/downloads does not exist: create it first/,
    },
    {
      case: "a missing directory",
      setup: async (dir: string) => join(dir, "no", "such", "file.txt"),
      message: /The directory \/\S+\/no\/such does not exist: create it first/,
    },
    {
      case: "an existing file without overwrite",
      setup: async (dir: string) => {
        await writeFile(join(dir, "there.txt"), "mine");
        return join(dir, "there.txt");
      },
      message: /already exists: pass overwrite: true/,
    },
    { case: "an empty path", setup: async () => "", message: /destination must be the path of the file to write/ },
  ])("refuses $case before reading the body", async ({ setup, message }) => {
    const dir = await freshDir();
    const destination = await setup(dir);
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull: (c) => {
          pulled = true;
          c.close();
        },
      },
      { highWaterMark: 0 },
    );
    const error = await rejection(writeAtomically(body, destination));
    expect(error).toBeInstanceOf(ZohoInputError);
    expect((error as ZohoInputError).parameter).toBe("destination");
    expect((error as ZohoInputError).message).toMatch(message);
    expect(pulled).toBe(false);
    await expect(checkDestination(destination)).rejects.toThrow(message);
    if (destination.endsWith("there.txt")) expect(await readFile(destination, "utf8")).toBe("mine");
  });

  it("returns the absolute path and no mode for a new file", async () => {
    const dir = await freshDir();
    expect(await checkDestination(join(dir, "new.txt"))).toEqual({
      path: join(dir, "new.txt"),
      existingMode: undefined,
    });
  });
});
