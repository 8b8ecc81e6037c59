import { createReadStream } from "node:fs";
import { appendFile, mkdir, readdir, truncate, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ZohoInputError } from "../../src/errors/errors.js";
import { type FileInput, type FileSourceOptions, resolveFileSource } from "../../src/files/file-source.js";
import { MAX_ATTACHMENT_BYTES, MAX_PHOTO_BYTES } from "../../src/files/limits.js";
import { patternBytes, readAll, sha256, useTempDir, writeTempFile } from "./temp-dir.js";

const tempDir = useTempDir("source");
const attachment = (extra: Partial<FileSourceOptions> = {}): FileSourceOptions => ({
  maxBytes: MAX_ATTACHMENT_BYTES,
  kind: "attachment",
  ...extra,
});
const photo = (extra: Partial<FileSourceOptions> = {}): FileSourceOptions => ({
  maxBytes: MAX_PHOTO_BYTES,
  kind: "photo",
  ...extra,
});

async function inputError(
  input: () => Promise<unknown> | unknown,
  options: FileSourceOptions,
): Promise<ZohoInputError> {
  const error = await resolveFileSource((await input()) as FileInput, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ZohoInputError);
  return error as ZohoInputError;
}

function webStream(chunks: Uint8Array[], onCancel?: (reason: unknown) => void): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel: (reason) => onCancel?.(reason),
  });
}

interface BadRow {
  case: string;
  input: () => Promise<unknown> | unknown;
  options?: FileSourceOptions;
  parameter: string;
  message: RegExp;
}

const badRows: BadRow[] = [
  { case: "empty path", input: () => "", parameter: "file", message: /empty path: pass the path of the file/ },
  { case: "blank path", input: () => "   ", parameter: "file", message: /empty path/ },
  {
    case: "missing file (absolute path in the message)",
    input: () => join(tempDir(), "nope", "missing.pdf"),
    parameter: "file",
    message: /No file at \/\S+\/nope\/missing\.pdf: check the path/,
  },
  {
    case: "directory",
    input: async () => {
      await mkdir(join(tempDir(), "a-dir"), { recursive: true });
      return join(tempDir(), "a-dir");
    },
    parameter: "file",
    message: /is a directory: upload one file at a time/,
  },
  {
    case: "0-byte file",
    input: () => writeTempFile(tempDir(), "empty.txt", new Uint8Array(0)),
    parameter: "file",
    message: /empty \(0 bytes\)\. Zoho's docs do not say whether empty files are accepted, so the client refuses/,
  },
  { case: "0-byte Blob", input: () => new File([], "empty.txt"), parameter: "file", message: /empty \(0 bytes\)/ },
  {
    case: "0-byte Uint8Array",
    input: () => new Uint8Array(0),
    options: attachment({ fileName: "empty.bin" }),
    parameter: "file",
    message: /empty \(0 bytes\)/,
  },
  {
    case: "file over 100 MB (sparse)",
    input: async () => {
      const path = join(tempDir(), "big.pdf");
      await writeFile(path, "");
      await truncate(path, MAX_ATTACHMENT_BYTES + 1);
      return path;
    },
    parameter: "file",
    message:
      /big\.pdf is 104857601 bytes \(100 MB\), over the attachment limit of 104857600 bytes \(100 MB\) \(1 MB = 1024 × 1024 bytes\)\. Compress or split/,
  },
  {
    case: "photo over 10 MB (sparse)",
    input: async () => {
      const path = join(tempDir(), "big.png");
      await writeFile(path, "");
      await truncate(path, 11 * 1024 * 1024);
      return path;
    },
    options: photo(),
    parameter: "file",
    message: /11534336 bytes \(11 MB\), over the photo limit of 10485760 bytes \(10 MB\).*Scale the image down/,
  },
  {
    case: "bytes over the limit",
    input: () => new Uint8Array(2048),
    options: attachment({ fileName: "a.bin", maxBytes: 1024 }),
    parameter: "file",
    message: /2048 bytes .* limit of 1024 bytes/,
  },
  {
    case: ".exe path",
    input: () => writeTempFile(tempDir(), "setup.exe", new Uint8Array([1])),
    parameter: "file",
    message: /refuses \.exe files.*"setup\.exe".*\.zip/,
  },
  {
    case: ".EXE fileName",
    input: () => new Uint8Array([1]),
    options: attachment({ fileName: "SETUP.EXE" }),
    parameter: "fileName",
    message: /refuses \.exe/,
  },
  {
    case: ".exe with a trailing dot",
    input: () => new Uint8Array([1]),
    options: attachment({ fileName: "setup.exe." }),
    parameter: "fileName",
    message: /refuses \.exe/,
  },
  {
    case: "bytes without fileName",
    input: () => new Uint8Array([1, 2]),
    parameter: "fileName",
    message: /A Uint8Array carries no file name: pass one, e\.g\. \{ fileName: "report\.pdf" \}/,
  },
  {
    case: "Blob without fileName",
    input: () => new Blob(["x"]),
    parameter: "fileName",
    message: /A Blob \(not a File\) carries no file name/,
  },
  {
    case: "web stream without fileName",
    input: () => webStream([new Uint8Array([1])]),
    parameter: "fileName",
    message: /A stream carries no file name/,
  },
  {
    case: "Node stream without fileName",
    input: () => Readable.from([Buffer.from("x")]),
    parameter: "fileName",
    message: /A stream carries no file name/,
  },
  {
    case: "fileName with a slash",
    input: () => new Uint8Array([1]),
    options: attachment({ fileName: "dir/report.pdf" }),
    parameter: "fileName",
    message: /path separator.*"report\.pdf"/,
  },
  {
    case: "fileName with a backslash",
    input: () => new Uint8Array([1]),
    options: attachment({ fileName: "C:\\tmp\\report.pdf" }),
    parameter: "fileName",
    message: /path separator/,
  },
  {
    case: "fileName with a newline",
    input: () => new Uint8Array([1]),
    options: attachment({ fileName: "a\r\nb.pdf" }),
    parameter: "fileName",
    message: /control characters/,
  },
  {
    case: "empty fileName",
    input: () => new Uint8Array([1]),
    options: attachment({ fileName: "" }),
    parameter: "fileName",
    message: /file name is empty/,
  },
  {
    case: "fileName ..",
    input: () => new Uint8Array([1]),
    options: attachment({ fileName: ".." }),
    parameter: "fileName",
    message: /not a file name/,
  },
  {
    case: "File whose name holds a path",
    input: () => new File(["x"], "a/b.txt"),
    parameter: "file",
    message: /from File\.name.*Pass a fileName option/,
  },
  {
    case: "photo that is a PDF",
    input: () => writeTempFile(tempDir(), "face.pdf", new Uint8Array([1])),
    options: photo(),
    parameter: "file",
    message: /photo must be one of PNG, JPEG, JPG, GIF, BMP; face\.pdf is application\/pdf/,
  },
  {
    case: "photo with no extension",
    input: () => new Uint8Array([1]),
    options: photo({ fileName: "face" }),
    parameter: "file",
    message: /unknown type.*"photo\.png"/,
  },
  {
    case: "photo with a non-image contentType",
    input: () => new Uint8Array([1]),
    options: photo({ fileName: "face.png", contentType: "text/plain" }),
    parameter: "contentType",
    message: /photo must be one of/,
  },
  {
    case: "contentType with CRLF",
    input: () => new Uint8Array([1]),
    options: attachment({ fileName: "a.txt", contentType: "text/plain\r\nX-Evil: 1" }),
    parameter: "contentType",
    message: /media type such as "application\/pdf"/,
  },
  {
    case: "http URL",
    input: () => new URL("https://example.com/a.pdf"),
    parameter: "file",
    message: /Only file: URLs.*link upload/,
  },
  { case: "null", input: () => null, parameter: "file", message: /file must be a path, a file: URL, a Blob.*got null/ },
  { case: "a number", input: () => 42, parameter: "file", message: /got number/ },
  {
    case: "locked web stream",
    input: () => {
      const s = webStream([new Uint8Array([1])]);
      s.getReader();
      return s;
    },
    options: attachment({ fileName: "a.bin" }),
    parameter: "file",
    message: /locked/,
  },
  {
    case: "ended Node stream",
    input: () => {
      const s = Readable.from([Buffer.from("x")]);
      s.destroy();
      return s;
    },
    options: attachment({ fileName: "a.bin" }),
    parameter: "file",
    message: /already ended or been destroyed/,
  },
];

describe("bad file input fails before any request", () => {
  it.each(badRows)("$case", async (row) => {
    const error = await inputError(row.input, row.options ?? attachment());
    expect(error.parameter).toBe(row.parameter);
    expect(error.message).toMatch(row.message);
  });

  it("names the resolved absolute path of a missing relative path", async () => {
    const error = await inputError(() => "no-such-dir/report.pdf", attachment());
    expect(error.message).toContain(resolve("no-such-dir/report.pdf"));
  });
});

const DATA = patternBytes(300 * 1024 + 7);

describe("streams carry exactly the input bytes", () => {
  const rows: Array<{
    case: string;
    input: () => Promise<FileInput> | FileInput;
    replayable: boolean;
    size: number | undefined;
  }> = [
    { case: "path", input: () => writeTempFile(tempDir(), "data.bin", DATA), replayable: true, size: DATA.length },
    {
      case: "file: URL",
      input: async () => pathToFileURL(await writeTempFile(tempDir(), "url.bin", DATA)),
      replayable: true,
      size: DATA.length,
    },
    { case: "Blob", input: () => new Blob([DATA]), replayable: true, size: DATA.length },
    { case: "File", input: () => new File([DATA], "f.bin"), replayable: true, size: DATA.length },
    { case: "Buffer", input: () => Buffer.from(DATA), replayable: true, size: DATA.length },
    // A view with an offset into a bigger buffer catches code that reads `.buffer` without `byteOffset`.
    {
      case: "Uint8Array view with an offset",
      input: () => new Uint8Array(Buffer.concat([Buffer.alloc(13, 0xee), DATA]).buffer, 13, DATA.length),
      replayable: true,
      size: DATA.length,
    },
    {
      case: "Node Readable (uneven chunks)",
      input: () => Readable.from([DATA.subarray(0, 1), DATA.subarray(1, 200_000), DATA.subarray(200_000)]),
      replayable: false,
      size: undefined,
    },
    {
      case: "fs.createReadStream",
      input: async () => createReadStream(await writeTempFile(tempDir(), "rs.bin", DATA)),
      replayable: false,
      size: undefined,
    },
    {
      case: "web ReadableStream",
      input: () => webStream([DATA.subarray(0, 70_000), DATA.subarray(70_000)]),
      replayable: false,
      size: undefined,
    },
  ];

  it.each(rows)("$case", async (row) => {
    const source = await resolveFileSource(await row.input(), attachment({ fileName: "data.bin" }));
    expect(source.replayable).toBe(row.replayable);
    expect(source.size).toBe(row.size);
    const chunks: Uint8Array[] = [];
    for await (const chunk of source.stream()) chunks.push(chunk);
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(DATA));
    expect(Math.max(...chunks.map((c) => c.byteLength))).toBeLessThanOrEqual(64 * 1024);
    if (row.replayable) {
      expect(sha256(await readAll(source.stream()))).toBe(sha256(DATA));
    } else {
      expect(() => source.stream()).toThrow(ZohoInputError);
      expect(() => source.stream()).toThrow(/already sent once.*path, Blob or Uint8Array/);
    }
  });
});

describe("names and content types", () => {
  it("takes the path's base name and guesses the type from it", async () => {
    const path = await writeTempFile(tempDir(), "Quarterly Report.PDF", DATA.subarray(0, 10));
    const source = await resolveFileSource(path, attachment());
    expect([source.name, source.type, source.size]).toEqual(["Quarterly Report.PDF", "application/pdf", 10]);
  });

  it("guesses the types of the MIME database for a path, such as .heic, .msg and .7z", async () => {
    const types: string[] = [];
    for (const name of ["IMG_0001.HEIC", "Re meeting.msg", "logs.7z"]) {
      const path = await writeTempFile(tempDir(), name, DATA.subarray(0, 10));
      types.push((await resolveFileSource(path, attachment())).type);
    }
    expect(types).toEqual(["image/heic", "application/vnd.ms-outlook", "application/x-7z-compressed"]);
  });

  it("lets fileName and contentType override the path's", async () => {
    const path = await writeTempFile(tempDir(), "raw.bin", DATA.subarray(0, 10));
    const source = await resolveFileSource(
      path,
      attachment({ fileName: "日本語.csv", contentType: "text/csv; charset=utf-8" }),
    );
    expect([source.name, source.type]).toEqual(["日本語.csv", "text/csv; charset=utf-8"]);
  });

  it("uses a File's name and type, and octet-stream when nothing is known", async () => {
    expect(await resolveFileSource(new File(["x"], "notes", { type: "text/markdown" }), attachment())).toMatchObject({
      name: "notes",
      type: "text/markdown",
    });
    expect(await resolveFileSource(new Uint8Array([1]), attachment({ fileName: "blob.unknownext" }))).toMatchObject({
      type: "application/octet-stream",
    });
    expect(await resolveFileSource(new Uint8Array([1]), attachment({ fileName: "sheet.xlsx" }))).toMatchObject({
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
  });

  it.each([
    ["face.JPG", "image/jpeg"],
    ["face.jpeg", "image/jpeg"],
    ["face.png", "image/png"],
    ["face.gif", "image/gif"],
    ["face.bmp", "image/bmp"],
  ])("accepts the photo %s as %s", async (name, type) => {
    const source = await resolveFileSource(new Uint8Array([1, 2, 3]), photo({ fileName: name }));
    expect(source.type).toBe(type);
  });
});

describe("checks while streaming", () => {
  it("errors a stream of unknown size once it passes the limit, and cancels the source", async () => {
    let cancelled: unknown;
    const chunks = [patternBytes(1000), patternBytes(1000), patternBytes(1000), patternBytes(1000)];
    const source = await resolveFileSource(
      webStream(chunks, (reason) => (cancelled = reason)),
      attachment({ fileName: "s.bin", maxBytes: 2500 }),
    );
    const error: unknown = await readAll(source.stream()).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ZohoInputError);
    expect((error as ZohoInputError).message).toMatch(
      /s\.bin passed 3000 bytes .* while streaming, over the attachment limit of 2500 bytes/,
    );
    expect(cancelled).toBe(error);
  });

  it("refuses a stream that ends without bytes", async () => {
    const source = await resolveFileSource(webStream([]), attachment({ fileName: "nothing.txt" }));
    await expect(readAll(source.stream())).rejects.toThrow(
      /nothing\.txt ended without any bytes\. Zoho's docs do not say/,
    );
  });

  it("fails when a path changes size between the check and the upload", async () => {
    const path = await writeTempFile(tempDir(), "growing.log", DATA.subarray(0, 100));
    const source = await resolveFileSource(path, attachment());
    await appendFile(path, "more");
    await expect(readAll(source.stream())).rejects.toThrow(
      /growing\.log changed while it was sent: it had 100 bytes when checked, then 104/,
    );
  });

  it.skipIf(process.platform !== "linux")("closes the file when a path stream is cancelled mid-way", async () => {
    const path = await writeTempFile(tempDir(), "cancel.bin", DATA);
    const source = await resolveFileSource(path, attachment());
    const before = (await readdir("/proc/self/fd")).length;
    const reader = source.stream().getReader();
    await reader.read();
    expect((await readdir("/proc/self/fd")).length).toBeGreaterThan(before);
    await reader.cancel(new Error("stop"));
    // The close itself runs on libuv's thread pool: poll a bounded number of times for it.
    let open = -1;
    for (let attempt = 0; attempt < 200 && open !== before; attempt++) {
      await new Promise((done) => setTimeout(done, 5));
      open = (await readdir("/proc/self/fd")).length;
    }
    expect(open).toBe(before);
  });
});
