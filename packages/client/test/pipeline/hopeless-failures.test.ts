/**
 * Failures that no retry can mend are not retried: a redirect loop, a redirect to a URL that is not
 * http(s), response headers over Node's limit, and an upload answered with a redirect (uploads are
 * sent with redirects refused). Each fails after one attempt with a message that says why.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoNetworkError } from "../../src/index.js";
import { fakeClock } from "../helpers/fake-clock.js";
import { type RawServer, startRawServer } from "../helpers/http-server.js";

const RECORD = "4150868000002728001";
const ID = "4150868000002728012";
let running: RawServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

// Serves `answer` for every request and counts the requests.
async function serve(answer: (url: string) => { status: number; headers: Record<string, string> }) {
  let requests = 0;
  running = await startRawServer((req, res) => {
    requests++;
    req.resume();
    req.on("end", () => {
      const { status, headers } = answer(req.url ?? "/");
      res.writeHead(status, headers).end(status === 200 ? "file bytes" : "");
    });
  });
  const zoho = createAttachmentsClient({ apiDomain: running.origin, accessToken: "1000.hopeless", clock: fakeClock() });
  return { zoho, requests: () => requests };
}

async function networkError(promise: Promise<unknown>): Promise<ZohoNetworkError> {
  const error = await promise.then(
    () => new Error("expected the call to fail"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ZohoNetworkError);
  return error as ZohoNetworkError;
}

describe("failures a retry cannot mend", () => {
  it("a redirect loop: fetch's 20 redirects once, not three times over", async () => {
    const { zoho, requests } = await serve((url) => ({ status: 302, headers: { location: url } }));
    const error = await networkError(zoho.downloadAttachment("Leads", RECORD, ID));
    expect(error).toMatchObject({ kind: "network", retries: 0 });
    expect(error.message).toMatch(/redirected more than 20 times \(a redirect loop\).*; not retried \(fetch failed/);
    expect(requests()).toBe(21);
  });

  it("a redirect to a file: URL", async () => {
    const { zoho, requests } = await serve(() => ({ status: 302, headers: { location: "file:///etc/passwd" } }));
    const error = await networkError(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toMatchObject({ kind: "network", retries: 0 });
    expect(error.message).toMatch(/redirected to a URL that is not http or https.*not retried/);
    expect(requests()).toBe(1);
  });

  it("response headers over Node's limit", async () => {
    const huge = `attachment; filename="${"x".repeat(27 * 1024)}.pdf"`;
    const { zoho, requests } = await serve(() => ({ status: 200, headers: { "content-disposition": huge } }));
    const error = await networkError(zoho.downloadAttachment("Leads", RECORD, ID));
    expect(error).toMatchObject({ kind: "network", retries: 0 });
    expect(error.message).toMatch(
      /response headers are larger than Node accepts.*not retried.*UND_ERR_HEADERS_OVERFLOW/,
    );
    expect(requests()).toBe(1);
  });

  it("an upload answered with a redirect says so", async () => {
    const { zoho, requests } = await serve(() => ({ status: 307, headers: { location: "/elsewhere" } }));
    const error = await networkError(
      zoho.uploadAttachment("Leads", RECORD, new Uint8Array([1, 2, 3]), { fileName: "a.bin" }),
    );
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/answered the upload with a redirect.*redirects refused.*point apiDomain/);
    expect(requests()).toBe(1);
  });

  it("a reset connection is still retried", async () => {
    let requests = 0;
    running = await startRawServer((req) => {
      requests++;
      req.socket.destroy();
    });
    const zoho = createAttachmentsClient({
      apiDomain: running.origin,
      accessToken: "1000.hopeless",
      clock: fakeClock(),
    });
    const error = await networkError(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error).toMatchObject({ kind: "network", retries: 2 });
    expect(requests).toBe(3);
  });
});
