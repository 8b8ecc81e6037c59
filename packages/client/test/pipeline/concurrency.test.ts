import { afterEach, describe, expect, it } from "vitest";
import { createAttachmentsClient, ZohoNetworkError } from "../../src/index.js";
import { send } from "../../src/pipeline/send.js";
import { type RawServer, startRawServer } from "../helpers/http-server.js";
import { pipelineFor } from "../helpers/pipeline.js";

const TOKEN = "1000.limit-test.token";
const BODY = JSON.stringify({ data: [], info: { per_page: 200, count: 0, page: 1, more_records: false } });

let running: RawServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

// A server that counts requests in flight (arrival to response end) and answers each when `answer`
// says; record 666 gets its connection dropped instead.
async function countingServer(answer: (recordId: string, respond: () => void) => void) {
  const stats = { inFlight: 0, maxInFlight: 0, arrivals: [] as string[] };
  running = await startRawServer((req, res) => {
    const recordId = (req.url ?? "").split("/")[4] ?? "";
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    stats.arrivals.push(recordId);
    req.resume();
    answer(recordId, () => {
      if (recordId === "666") {
        res.destroy();
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(BODY);
      }
      stats.inFlight--;
    });
  });
  return { origin: running.origin, stats };
}

// Polls until `condition` holds (bounded), for events that happen on the server side.
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2000) throw new Error("condition not met within 2 s");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function list(zoho: ReturnType<typeof createAttachmentsClient>, recordId: string, signal?: AbortSignal) {
  return zoho.listAttachments(
    "Leads",
    recordId,
    signal === undefined ? { fields: ["id"] } : { fields: ["id"], signal },
  );
}

describe("maxConcurrency", () => {
  it("never has more requests in flight than allowed, and every queued call completes", async () => {
    const { origin, stats } = await countingServer((_id, respond) => setTimeout(respond, 5));
    const zoho = createAttachmentsClient({ apiDomain: origin, accessToken: TOKEN, maxConcurrency: 4 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, n) => list(zoho, String(n + 1))));
    expect(results.map((result) => result.status)).toEqual(Array(30).fill(200));
    expect(stats.arrivals).toHaveLength(30);
    expect(stats.maxInFlight).toBe(4);
  });

  it("serves waiting calls first in, first out", async () => {
    const { origin, stats } = await countingServer((_id, respond) => setTimeout(respond, 1));
    const zoho = createAttachmentsClient({ apiDomain: origin, accessToken: TOKEN, maxConcurrency: 1 });
    await Promise.all(["1", "2", "3", "4", "5", "6"].map((id) => list(zoho, id)));
    expect(stats.arrivals).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(stats.maxInFlight).toBe(1);
  });

  it("gives the slot back after a network error, and a queued call that aborts leaves the queue", async () => {
    const gates: Array<() => void> = [];
    const { origin, stats } = await countingServer((_id, respond) => gates.push(respond));
    const zoho = createAttachmentsClient({ apiDomain: origin, accessToken: TOKEN, maxConcurrency: 1, retry: false });
    const failing = list(zoho, "666");
    const controller = new AbortController();
    const abandoned = list(zoho, "2", controller.signal);
    const last = list(zoho, "3");
    controller.abort();
    await expect(abandoned).rejects.toMatchObject({ kind: "aborted" });
    await until(() => gates.length === 1);
    expect(stats.arrivals).toEqual(["666"]);
    gates.shift()?.();
    await expect(failing).rejects.toBeInstanceOf(ZohoNetworkError);
    await until(() => gates.length === 1);
    gates.shift()?.();
    expect((await last).status).toBe(200);
    expect(stats.arrivals).toEqual(["666", "3"]);
  });

  it("gives the slot back after a timeout", async () => {
    const { origin, stats } = await countingServer((id, respond) => {
      if (id !== "1") respond();
    });
    const zoho = createAttachmentsClient({ apiDomain: origin, accessToken: TOKEN, maxConcurrency: 1, timeoutMs: 300 });
    const [first, second] = await Promise.allSettled([list(zoho, "1"), list(zoho, "2")]);
    expect(first).toMatchObject({ status: "rejected", reason: { kind: "timeout" } });
    expect(second).toMatchObject({ status: "fulfilled", value: { status: 200 } });
    expect(stats.arrivals).toEqual(["1", "2"]);
  });

  it("holds the slot of a streamed body until it is read or cancelled", async () => {
    const { origin, stats } = await countingServer((_id, respond) => respond());
    const context = pipelineFor(origin, { accessToken: TOKEN, maxConcurrency: 1 });
    const get = (id: string) =>
      send(context, {
        method: "GET",
        url: `/crm/v8/Leads/${id}/Attachments`,
        replayable: true,
        idempotent: true,
        stream: true,
      });
    const first = await get("1");
    expect(first.text).toBeUndefined();
    const second = get("2");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stats.arrivals).toEqual(["1"]);
    expect(await first.response.text()).toBe(BODY);
    const secondResult = await second;
    expect(stats.arrivals).toEqual(["1", "2"]);
    const third = get("3");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stats.arrivals).toEqual(["1", "2"]);
    await secondResult.response.body?.cancel();
    await third;
    expect(stats.arrivals).toEqual(["1", "2", "3"]);
  });

  it("gives the slot back when no attempt could start (the body factory threw)", async () => {
    const { origin, stats } = await countingServer((_id, respond) => respond());
    const context = pipelineFor(origin, { accessToken: TOKEN, maxConcurrency: 1 });
    const broken = send(context, {
      method: "POST",
      url: "/crm/v8/Leads/1/Attachments",
      body: () => {
        throw new Error("no body today");
      },
      replayable: true,
      idempotent: false,
    });
    await expect(broken).rejects.toThrow("no body today");
    const next = await send(context, {
      method: "GET",
      url: "/crm/v8/Leads/2/Attachments",
      replayable: true,
      idempotent: true,
    });
    expect(next.response.status).toBe(200);
    expect(stats.arrivals).toEqual(["2"]);
    expect(context.limiter?.active).toBe(0);
  });
});
