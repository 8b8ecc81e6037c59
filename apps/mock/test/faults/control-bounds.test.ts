import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";

// The control API stays bounded whatever a test (or a hostile client) posts to it: a cap on the
// armed faults with a refusal that says what to do, answers that do not echo the whole list, and
// fault parameters that cannot reach Object.prototype (reliability review D5 and D6).

const AUTH = { Authorization: "Zoho-oauthtoken 1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf" };
const SEED = "/crm/v8/Leads/1000000231009/Attachments?fields=id";
const CAP = 1_000;

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});

afterEach(() => {
  mock.faults.clear();
});

afterAll(async () => {
  await mock.close();
});

async function post(body: string, type = "text/plain"): Promise<{ status: number; text: string }> {
  const res = await fetch(`${mock.url}/__zcrm-mock/faults`, {
    method: "POST",
    headers: { "Content-Type": type },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe("armed faults are capped", () => {
  it(`takes up to ${CAP} and refuses the one past the cap, arming none of that POST`, async () => {
    const full = await post(Array.from({ length: CAP }, () => "slow;delay=1;path=/nomatch").join("\n"));
    expect(full.status).toBe(200);
    expect(mock.faults.state().armed).toHaveLength(CAP);
    const over = await post("unavailable\nrate-limit");
    expect(over.status).toBe(400);
    expect(JSON.parse(over.text)).toMatchObject({
      type: "urn:zcrm-attachments:mock:INVALID_FAULT",
      detail: expect.stringMatching(/at most 1000 faults may be armed at once; 1000 are armed and this adds 2/),
    });
    expect(mock.faults.state().armed).toHaveLength(CAP);
    // The requests go on as before: the nomatch faults hit nothing.
    expect((await fetch(mock.url + SEED, { headers: AUTH })).status).toBe(200);
  });

  it("refuses the review's 10 MiB POST at once, arming nothing", async () => {
    const flood = "slow;delay=1;path=/nomatch\n".repeat(388_351);
    const res = await post(flood);
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(1024);
    expect(mock.faults.state().armed).toHaveLength(0);
  });

  it("faults.arm from code throws past the cap and arms none of that call", () => {
    mock.faults.arm(...Array.from({ length: CAP - 1 }, () => "slow;delay=1;path=/nomatch"));
    expect(() => mock.faults.arm("unavailable", "unavailable")).toThrow(/at most 1000 faults may be armed/);
    expect(mock.faults.state().armed).toHaveLength(CAP - 1);
  });

  it("startMock refuses more faults than the cap", async () => {
    await expect(startMock({ port: 0, faults: Array.from({ length: CAP + 1 }, () => "unavailable") })).rejects.toThrow(
      /at most 1000 faults may be armed/,
    );
  });
});

describe("a POST answers with what it armed, not the whole list", () => {
  it("names the faults it added and how many are armed now", async () => {
    mock.faults.arm(...Array.from({ length: 50 }, () => "slow;delay=1;path=/nomatch"));
    const res = await post(JSON.stringify(["unavailable"]), "application/json");
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { armed: unknown[]; total: number; limit: number };
    expect(body.armed).toStrictEqual([{ fault: expect.objectContaining({ kind: "unavailable" }), remaining: 1 }]);
    expect(body).toMatchObject({ total: 51, limit: CAP });
  });
});

describe("parameter names of Object.prototype", () => {
  it.each(["constructor", "__proto__", "tostring", "hasownproperty", "valueof"])(
    "the header refuses %s as an unknown parameter",
    async (name) => {
      const res = await fetch(mock.url + SEED, {
        headers: { ...AUTH, "X-Zcrm-Mock-Fault": `rate-limit;${name}=999999999` },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("retry-after")).toBeNull();
      expect(((await res.json()) as { detail: string }).detail).toMatch(new RegExp(`unknown parameter ${name}`));
    },
  );

  it.each([
    ['{"kind":"reset","constructor":1}', "constructor"],
    ['{"kind":"rate-limit","__proto__":5}', "__proto__"],
  ])("the control API refuses %s and arms nothing", async (json, name) => {
    const res = await post(json, "application/json");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ detail: expect.stringContaining(`unknown parameter ${name}`) });
    expect(mock.faults.state().armed).toStrictEqual([]);
  });

  it("retry-after keeps its bound: above 86400 is refused", async () => {
    const res = await fetch(mock.url + SEED, {
      headers: { ...AUTH, "X-Zcrm-Mock-Fault": "rate-limit;retry-after=86401" },
    });
    expect(res.status).toBe(400);
    await res.arrayBuffer();
  });
});
