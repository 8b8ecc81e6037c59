import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../src/index.js";
import { specProblems } from "../../spec-validator.js";
import { AUTH, fileForm } from "../../upload-helpers.js";

// Paging over stored attachments: page/per_page on every line, page tokens from v7 on that
// continue after the last item seen even when the list changes in between.

let mock: MockServer;
let record = 2000000231000;

beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true });
});

afterAll(async () => {
  await mock.close();
});

interface Page {
  status: number;
  ids: string[];
  info: Record<string, unknown>;
  body: unknown;
}

async function list(path: string): Promise<Page> {
  const res = await fetch(mock.url + path, { headers: AUTH });
  if (res.status !== 200)
    return { status: res.status, ids: [], info: {}, body: res.status === 204 ? undefined : await res.json() };
  const body = (await res.json()) as { data: { id: string }[]; info: Record<string, unknown> };
  return { status: res.status, ids: body.data.map((d) => d.id), info: body.info, body };
}

/** A record holding five files, and their ids oldest first. */
async function recordWithFive(): Promise<{ rec: string; ids: string[] }> {
  record += 1;
  const rec = `Leads/${record}`;
  const ids: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const res = await fetch(`${mock.url}/crm/v2/${rec}/Attachments`, {
      method: "POST",
      headers: AUTH,
      body: fileForm(`f${i}.txt`, `file ${i}`),
    });
    ids.push(((await res.json()) as { data: { details: { id: string } }[] }).data[0]?.details.id ?? "");
  }
  return { rec, ids };
}

describe("page and per_page", () => {
  it("walks five items two at a time, newest first, on v2", async () => {
    const { rec, ids } = await recordWithFive();
    const [i1, i2, i3, i4, i5] = ids;
    const p1 = await list(`/crm/v2/${rec}/Attachments?per_page=2`);
    expect(p1.ids).toStrictEqual([i5, i4]);
    expect(p1.info).toStrictEqual({ per_page: 2, count: 2, page: 1, more_records: true });
    const p2 = await list(`/crm/v2/${rec}/Attachments?per_page=2&page=2`);
    expect(p2.ids).toStrictEqual([i3, i2]);
    expect(p2.info).toStrictEqual({ per_page: 2, count: 2, page: 2, more_records: true });
    const p3 = await list(`/crm/v2/${rec}/Attachments?per_page=2&page=3`);
    expect(p3.ids).toStrictEqual([i1]);
    expect(p3.info).toStrictEqual({ per_page: 2, count: 1, page: 3, more_records: false });
    expect((await list(`/crm/v2/${rec}/Attachments?per_page=2&page=4`)).status).toBe(204);
  });

  it("on v3 to v6 the page-token keys are there but null", async () => {
    const { rec, ids } = await recordWithFive();
    const p1 = await list(`/crm/v6/${rec}/Attachments?fields=id&per_page=2`);
    expect(p1.ids).toStrictEqual([ids[4], ids[3]]);
    expect(p1.info).toStrictEqual({
      per_page: 2,
      next_page_token: null,
      count: 2,
      page: 1,
      previous_page_token: null,
      page_token_expiry: null,
      more_records: true,
    });
  });
});

describe("page tokens (v7 and later)", () => {
  it("next_page_token continues where the last page ended, and previous_page_token goes back", async () => {
    const { rec, ids } = await recordWithFive();
    const [i1, i2, i3, i4, i5] = ids;
    const base = `/crm/v8/${rec}/Attachments?fields=id`;
    const p1 = await list(`${base}&per_page=2`);
    expect(p1.ids).toStrictEqual([i5, i4]);
    expect(await specProblems("listAttachments", 200, p1.body)).toStrictEqual([]);
    expect(p1.info.next_page_token).toMatch(/^[0-9a-f]{48}$/);
    expect(p1.info.previous_page_token).toBeNull();
    expect(p1.info.page_token_expiry).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);

    const p2 = await list(`${base}&page_token=${String(p1.info.next_page_token)}`);
    expect(p2.ids).toStrictEqual([i3, i2]);
    expect(p2.info).toMatchObject({ per_page: 2, count: 2, page: 2, more_records: true });
    expect(p2.info.previous_page_token).toMatch(/^[0-9a-f]{48}$/);

    const p3 = await list(`${base}&page_token=${String(p2.info.next_page_token)}`);
    expect(p3.ids).toStrictEqual([i1]);
    expect(p3.info).toMatchObject({ count: 1, page: 3, more_records: false, next_page_token: null });

    const back = await list(`${base}&page_token=${String(p3.info.previous_page_token)}`);
    expect(back.ids).toStrictEqual([i3, i2]);
    expect(back.info).toMatchObject({ page: 2 });
  });

  it("a token still continues after the last item seen when a newer one was added meanwhile", async () => {
    const { rec, ids } = await recordWithFive();
    const p1 = await list(`/crm/v7/${rec}/Attachments?fields=id&per_page=2`);
    await fetch(`${mock.url}/crm/v8/${rec}/Attachments`, {
      method: "POST",
      headers: AUTH,
      body: fileForm("new.txt", "new"),
    });
    const p2 = await list(`/crm/v7/${rec}/Attachments?fields=id&page_token=${String(p1.info.next_page_token)}`);
    expect(p2.ids).toStrictEqual([ids[2], ids[1]]);
    // Page numbers, by contrast, shift with the new item.
    const byNumber = await list(`/crm/v7/${rec}/Attachments?fields=id&per_page=2&page=2`);
    expect(byNumber.ids).toStrictEqual([ids[3], ids[2]]);
  });

  it("an unknown token, or one of another record, is INVALID_DATA naming page_token", async () => {
    const { rec } = await recordWithFive();
    const other = await recordWithFive();
    const p1 = await list(`/crm/v8/${other.rec}/Attachments?fields=id&per_page=2`);
    for (const token of ["nope", String(p1.info.next_page_token)]) {
      const res = await list(`/crm/v8/${rec}/Attachments?fields=id&page_token=${token}`);
      expect(res.status).toBe(400);
      expect(res.body).toStrictEqual({
        code: "INVALID_DATA",
        details: { param_name: "page_token" },
        message: "invalid data provided",
        status: "error",
      });
    }
  });

  it("a record without attachments answers 204", async () => {
    expect((await list("/crm/v8/Leads/2999999999999/Attachments?fields=id")).status).toBe(204);
  });
});

describe("token expiry", () => {
  it("a token stops working at page_token_expiry (an injected clock, no waiting)", async () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const timed = await startMock({ port: 0, stateful: true, now: () => now });
    try {
      const rec = "Leads/3000000000001";
      for (const name of ["a.txt", "b.txt", "c.txt"]) {
        await fetch(`${timed.url}/crm/v2/${rec}/Attachments`, {
          method: "POST",
          headers: AUTH,
          body: fileForm(name, name),
        });
      }
      const first = (await (
        await fetch(`${timed.url}/crm/v8/${rec}/Attachments?fields=id&per_page=2`, { headers: AUTH })
      ).json()) as {
        info: { next_page_token: string; page_token_expiry: string };
      };
      expect(first.info.page_token_expiry).toBe("2026-01-02T12:00:00+00:00");
      const follow = () =>
        fetch(`${timed.url}/crm/v8/${rec}/Attachments?fields=id&page_token=${first.info.next_page_token}`, {
          headers: AUTH,
        });
      now += 24 * 60 * 60 * 1000 - 1;
      expect((await follow()).status).toBe(200);
      now += 1;
      expect((await follow()).status).toBe(400);
    } finally {
      await timed.close();
    }
  });
});
