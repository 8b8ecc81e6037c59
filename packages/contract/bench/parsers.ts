/**
 * The contract's own multipart scanner and Content-Disposition reader, side by side with the
 * well-kept libraries the repository already uses for the same jobs (busboy in the mock, jshttp's
 * content-disposition in the client and the mock), on the same inputs in one run. The machines are
 * shared, so the two contenders take turns round by round (which one goes first alternates), and
 * each is given the median of its rounds: a burst of load then slows both, not one. Prints the
 * times and their ratio; asserts nothing. `pnpm --filter @zcrm-attachments/contract bench`.
 */
import { performance } from "node:perf_hooks";
import busboy from "busboy";
import contentDisposition from "content-disposition";
import { parseContentDisposition } from "../src/validator/content-disposition.js";
import { MultipartScanner, multipartBoundary } from "../src/validator/multipart-scan.js";

type Form = { type: string; chunks: Buffer[]; fileBytes: number };

/** A form as fetch encodes it, cut into chunks of `size` bytes as a stream delivers them. */
async function encoded(fileBytes: number, size: number): Promise<Form> {
  const form = new FormData();
  form.append(
    "file",
    new Blob([new Uint8Array(fileBytes).map((_, i) => i % 251)], { type: "application/pdf" }),
    "Résumé 日本.pdf",
  );
  form.append("attachmentUrl", "https://www.zohocorp.com/");
  const request = new Request("http://127.0.0.1/", { method: "POST", body: form });
  const bytes = Buffer.from(await request.arrayBuffer());
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return { type: request.headers.get("content-type") as string, chunks, fileBytes };
}

function scan(form: Form): void {
  const scanner = new MultipartScanner(multipartBoundary(form.type) as string);
  for (const chunk of form.chunks) scanner.push(chunk);
  if (!scanner.done || scanner.parts[0]?.bytes !== form.fileBytes) throw new Error("the scanner lost bytes");
}

function parseWithBusboy(form: Form): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: { "content-type": form.type }, defParamCharset: "utf8" });
    let bytes = 0;
    parser.on("file", (_name, stream) =>
      stream.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      }),
    );
    parser.on("field", () => {});
    parser.on("close", () => (bytes === form.fileBytes ? resolve() : reject(new Error("busboy lost bytes"))));
    parser.on("error", reject);
    for (const chunk of form.chunks) parser.write(chunk);
    parser.end();
  });
}

const HEADERS = [
  'attachment; filename="Quote.pdf"',
  `attachment; filename="Resume.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E6%97%A5%E6%9C%AC.pdf`,
  'form-data; name="file"; filename="a \\"quoted\\" name.bin"',
  "inline; filename*=ISO-8859-1''caf%E9.txt",
];

/** Milliseconds per call: `calls` calls, timed together. */
async function time(run: () => unknown, calls: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await run();
  return (performance.now() - started) / calls;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Both contenders, round by round, taking turns; prints each one's median and the ratio. */
async function compare(title: string, ours: () => unknown, theirs: () => unknown, calls: number, rounds = 15) {
  for (let i = 0; i < 3; i++) await Promise.all([time(ours, calls), time(theirs, calls)]); // warm up both
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      a.push(await time(ours, calls));
      b.push(await time(theirs, calls));
    } else {
      b.push(await time(theirs, calls));
      a.push(await time(ours, calls));
    }
  }
  const [mine, library] = [median(a), median(b)];
  console.log(
    `${title}\n  ours ${mine.toFixed(4)} ms, the library ${library.toFixed(4)} ms per call: the library takes ${(library / mine).toFixed(2)}× ours (median of ${rounds} interleaved rounds of ${calls})`,
  );
}

const big = await encoded(15 * 1024 * 1024, 64 * 1024);
const small = await encoded(1024, 1 << 20);
console.log(`zcrm-contract parsers, ours next to the library (Node ${process.version})\n`);
await compare(
  "multipart, a 15 MiB upload in 64 KiB chunks: MultipartScanner vs busboy 1.6",
  () => scan(big),
  () => parseWithBusboy(big),
  4,
);
await compare(
  "multipart, a 1 KiB upload in one chunk: MultipartScanner vs busboy 1.6",
  () => scan(small),
  () => parseWithBusboy(small),
  2000,
);
await compare(
  "Content-Disposition, four headers: parseContentDisposition vs content-disposition 1.1",
  () => {
    for (const header of HEADERS) parseContentDisposition(header);
  },
  () => {
    for (const header of HEADERS) contentDisposition.parse(header);
  },
  20000,
);
