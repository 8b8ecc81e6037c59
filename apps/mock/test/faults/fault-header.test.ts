import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { gatedSleep, rawGet } from "../helpers.js";
import { specExample, V2 } from "../spec-examples.js";

const AUTH = "Zoho-oauthtoken 1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf";
const SEED = "/crm/v2/Leads/1000000231009/Attachments";
const SEED_BODY = JSON.stringify(specExample(V2, 200, "seedSample"));
const SEED_LENGTH = Buffer.byteLength(SEED_BODY);

const gate = gatedSleep();
let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0, sleep: gate.sleep });
});

afterAll(async () => {
  await mock.close();
});

function withFault(fault: string, path = SEED): Promise<Response> {
  return fetch(mock.url + path, { headers: { Authorization: AUTH, "X-Zcrm-Mock-Fault": fault } });
}

describe("X-Zcrm-Mock-Fault: rate-limit", () => {
  it("answers 429 with Retry-After and the spec's TOO_MANY_REQUESTS body", async () => {
    const res = await withFault("rate-limit");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(res.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    expect(await res.json()).toStrictEqual(specExample(V2, 429, "tooManyRequests"));
  });

  it("takes the Retry-After seconds from retry-after=", async () => {
    const res = await withFault("rate-limit;retry-after=30");
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.json()).toMatchObject({ code: "TOO_MANY_REQUESTS", status: "error" });
  });
});

describe("X-Zcrm-Mock-Fault: unavailable", () => {
  it("answers a burst of 3 with 503 for one key, then the normal 200", async () => {
    const statuses: number[] = [];
    const bodies: unknown[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const res = await withFault("unavailable;times=3;key=call-1");
      statuses.push(res.status);
      bodies.push(await res.json());
    }
    expect(statuses).toStrictEqual([503, 503, 503, 200]);
    expect(bodies[0]).toStrictEqual(specExample(V2, 503, "serviceUnavailable"));
    expect(bodies[3]).toStrictEqual(specExample(V2, 200, "seedSample"));
    expect(mock.faults.state().bursts["call-1"]).toBe(0);
  });

  it("keeps each key's burst apart", async () => {
    expect((await withFault("unavailable;times=1;key=call-2")).status).toBe(503);
    expect((await withFault("unavailable;times=1;key=call-3")).status).toBe(503);
    expect((await withFault("unavailable;times=1;key=call-2")).status).toBe(200);
  });

  it("sends Retry-After only when asked", async () => {
    expect((await withFault("unavailable")).headers.get("retry-after")).toBeNull();
    expect((await withFault("unavailable;retry-after=7")).headers.get("retry-after")).toBe("7");
  });
});

describe("X-Zcrm-Mock-Fault: slow", () => {
  it("holds the headers until the delay is over, while other requests are answered", async () => {
    let arrived = false;
    const slow = withFault("slow;delay=5000").then((res) => {
      arrived = true;
      return res;
    });
    const held = await gate.next();
    expect(held.ms).toBe(5000);
    const other = await fetch(mock.url + SEED, { headers: { Authorization: AUTH } });
    expect(await other.text()).toBe(SEED_BODY);
    expect(arrived).toBe(false);
    held.release();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(SEED_BODY);
  });

  it("alone, holds the headers for 1000 ms", async () => {
    const slow = withFault("slow");
    const held = await gate.next();
    expect(held.ms).toBe(1000);
    held.release();
    expect((await slow).status).toBe(200);
  });

  it("dribbles the body in pieces of chunk= bytes, pausing body-delay= ms between them", async () => {
    const res = await rawGet(mock.url + SEED, {
      Authorization: AUTH,
      "X-Zcrm-Mock-Fault": "slow;body-delay=25;chunk=100",
    });
    expect(res.status).toBe(200);
    const pieces = Math.ceil(SEED_LENGTH / 100);
    for (let piece = 1; piece < pieces; piece++) {
      const held = await gate.next();
      expect(held.ms).toBe(25);
      await res.received(piece * 100);
      // The pump is held: nothing past this piece can have been sent.
      expect(res.body().length).toBe(piece * 100);
      held.release();
    }
    const end = await res.ended;
    expect(end.complete).toBe(true);
    expect(res.body().toString()).toBe(SEED_BODY);
    expect(gate.pending()).toBe(0);
  });
});

describe("X-Zcrm-Mock-Fault: reset and truncate", () => {
  it("reset sends the headers and part of the body, then resets the connection (fetch's body read rejects)", async () => {
    const res = await withFault("reset;after=100");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(SEED_LENGTH));
    await expect(res.text()).rejects.toThrow();
  });

  it("reset is a TCP reset (ECONNRESET) after the given bytes", async () => {
    const res = await rawGet(mock.url + SEED, { Authorization: AUTH, "X-Zcrm-Mock-Fault": "reset;after=100" });
    const end = await res.ended;
    expect(end).toStrictEqual({ complete: false, errorCode: "ECONNRESET" });
    expect(res.body().length).toBeLessThanOrEqual(100);
  });

  it("truncate declares the full Content-Length, sends fewer bytes and closes (fetch's body read rejects)", async () => {
    const res = await withFault("truncate;after=100");
    expect(res.headers.get("content-length")).toBe(String(SEED_LENGTH));
    await expect(res.text()).rejects.toThrow();
  });

  it("truncate sends exactly after= bytes, then a clean close (no reset)", async () => {
    const res = await rawGet(mock.url + SEED, { Authorization: AUTH, "X-Zcrm-Mock-Fault": "truncate;after=100" });
    const end = await res.ended;
    expect(end).toStrictEqual({ complete: false, errorCode: undefined });
    expect(res.body().toString()).toBe(SEED_BODY.slice(0, 100));
  });

  it("truncate without after= sends half the body", async () => {
    const res = await rawGet(mock.url + SEED, { Authorization: AUTH, "X-Zcrm-Mock-Fault": "truncate" });
    await res.ended;
    expect(res.body().length).toBe(Math.floor(SEED_LENGTH / 2));
  });

  it("an after= beyond the body still cuts it, one byte short", async () => {
    const res = await rawGet(mock.url + SEED, { Authorization: AUTH, "X-Zcrm-Mock-Fault": "truncate;after=999999" });
    expect((await res.ended).complete).toBe(false);
    expect(res.body().length).toBe(SEED_LENGTH - 1);
  });

  it("the mock keeps serving after cut connections", async () => {
    const res = await fetch(mock.url + SEED, { headers: { Authorization: AUTH } });
    expect(await res.text()).toBe(SEED_BODY);
  });
});

describe("a malformed X-Zcrm-Mock-Fault header", () => {
  it.each([
    ["explode", /unknown fault kind "explode" \(known: rate-limit, unavailable, slow, reset, truncate\)/],
    ["unavailable;times=3", /times=3 needs a key=/],
    ["unavailable;times=x;key=a", /times must be a whole number from 1 to/],
    ["rate-limit;after=3", /after does not apply to rate-limit/],
    ["slow;delay", /parameter delay needs a value/],
    ["slow;delay=1;delay=2", /parameter delay is given twice/],
    ["unavailable;path=/crm/", /path is for armed faults only/],
    ["unavailable, slow", /one fault per request/],
    ["slow;speed=3", /unknown parameter speed/],
  ])("%s is refused with 400 and a problem that says why", async (fault, detail) => {
    const res = await withFault(fault);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = (await res.json()) as { type: string; title: string; detail: string };
    expect(body.type).toBe("urn:zcrm-attachments:mock:INVALID_FAULT");
    expect(body.title).toBe("Invalid X-Zcrm-Mock-Fault header");
    expect(body.detail).toMatch(detail);
  });
});
