import { afterEach, describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoNetworkError } from "../../src/index.js";
import { send } from "../../src/pipeline/send.js";
import { type RawServer, startRawServer } from "../helpers/http-server.js";
import { pipelineFor } from "../helpers/pipeline.js";

const TOKEN = "1000.timeout-test.token";
const RECORD = "4150868000002728001";
const BODY = JSON.stringify({ data: [{ id: "1" }], info: { per_page: 200, count: 1, page: 1, more_records: false } });

let running: RawServer | undefined;
const timers: Array<ReturnType<typeof setTimeout>> = [];
afterEach(async () => {
  for (const timer of timers.splice(0)) clearTimeout(timer);
  await running?.close();
  running = undefined;
});

type Behaviour = "hang" | "stall-body" | "late-body" | "late-answer";

// hang: never answers; stall-body: headers and half the body, then nothing; late-body: headers at once,
// the body 150 ms later; late-answer: the whole response 150 ms later. Counts requests.
async function serve(behaviour: Behaviour): Promise<{ origin: string; requests: () => number }> {
  let requests = 0;
  running = await startRawServer((req, res) => {
    requests++;
    req.resume();
    if (behaviour === "hang") return;
    if (behaviour === "late-answer") {
      timers.push(setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(BODY), 150));
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(BODY)) });
    res.write(BODY.slice(0, 10));
    if (behaviour === "late-body") timers.push(setTimeout(() => res.end(BODY.slice(10)), 400));
  });
  return { origin: running.origin, requests: () => requests };
}

async function failure(promise: Promise<unknown>): Promise<ZohoNetworkError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ZohoNetworkError);
  return error as ZohoNetworkError;
}

describe("timeouts", () => {
  it("ends an attempt with no response after the client's timeoutMs, kind timeout, without retrying", async () => {
    const { origin, requests } = await serve("hang");
    // 400 ms: long enough for a loaded machine to deliver the request before the timeout fires.
    const zoho = createAttachmentsClient({ apiDomain: origin, accessToken: TOKEN, timeoutMs: 400 });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }));
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(
      /^Request timed out on GET http:\/\/127\.0\.0\.1:\d+\/crm\/v8\/Leads\/4150868000002728001\/Attachments\?fields=id: /,
    );
    expect(requests()).toBe(1);
  });

  it("covers the read of a JSON body", async () => {
    const { origin } = await serve("stall-body");
    const zoho = createAttachmentsClient({ apiDomain: origin, accessToken: TOKEN, timeoutMs: 40 });
    expect((await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"] }))).kind).toBe("timeout");
  });

  it("takes a per-call timeoutMs over the client's, and false for none", async () => {
    const hanging = await serve("hang");
    const off = createAttachmentsClient({ apiDomain: hanging.origin, accessToken: TOKEN, timeoutMs: false });
    expect((await failure(off.listAttachments("Leads", RECORD, { fields: ["id"], timeoutMs: 40 }))).kind).toBe(
      "timeout",
    );
    await running?.close();
    const late = await serve("late-answer");
    const strict = createAttachmentsClient({ apiDomain: late.origin, accessToken: TOKEN, timeoutMs: 20 });
    const page = await strict.listAttachments("Leads", RECORD, { fields: ["id"], timeoutMs: false });
    expect(page.data).toEqual([{ id: "1" }]);
  });

  it("stops at the headers for a streamed body: the body may arrive later", async () => {
    const { origin } = await serve("late-body");
    // The headers come at once and the body 400 ms later, well past the 150 ms timeout.
    const result = await send(pipelineFor(origin, { accessToken: TOKEN, timeoutMs: 150 }), {
      method: "GET",
      url: "/download",
      replayable: true,
      idempotent: true,
      stream: true,
    });
    expect(await result.response.text()).toBe(BODY);
  });
});

describe("aborts", () => {
  it("gives kind aborted when the caller aborts a waiting request", async () => {
    const { origin } = await serve("hang");
    const zoho = createAttachmentsClient({ apiDomain: origin, accessToken: TOKEN });
    const controller = new AbortController();
    const pending = zoho.listAttachments("Leads", RECORD, { fields: ["id"], signal: controller.signal });
    timers.push(setTimeout(() => controller.abort(), 20));
    const error = await failure(pending);
    expect(error.kind).toBe("aborted");
    expect(error.message).toMatch(/^Request aborted on GET /);
  });

  it("keeps the caller's signal on a streamed body", async () => {
    const { origin } = await serve("late-body");
    const controller = new AbortController();
    const result = await send(pipelineFor(origin, { accessToken: TOKEN }), {
      method: "GET",
      url: "/download",
      replayable: true,
      idempotent: true,
      stream: true,
      signal: controller.signal,
    });
    controller.abort();
    await expect(result.response.text()).rejects.toMatchObject({ name: "AbortError" });
  });

  it("is refused before sending when the signal is already aborted", async () => {
    const { origin, requests } = await serve("hang");
    const zoho = createAttachmentsClient({ apiDomain: origin, accessToken: TOKEN });
    const error = await failure(zoho.listAttachments("Leads", RECORD, { fields: ["id"], signal: AbortSignal.abort() }));
    expect(error.kind).toBe("aborted");
    expect(requests()).toBe(0);
  });
});
