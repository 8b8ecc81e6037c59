import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { redactQuery, scrub, secretsOf } from "../../src/journal/secret-scrub.js";
import { fileForm } from "../upload-helpers.js";

// A sentinel test: credentials sent every way a client can send them (Authorization in both
// schemes, the query, the token endpoint's body and query, a Prism violation of the header) must
// not appear anywhere in the journal, from code or from the control endpoint.

const SENTINEL = "1000.SENTINEL-d3adb33f-journal-secret";
const CLIENT_SECRET = "SENTINEL-client-secret-77aa";
const REFRESH = "1000.SENTINEL-refresh-42";
const SECRETS = [SENTINEL, CLIENT_SECRET, REFRESH, Buffer.from(`1000.MOCKCLIENT:${CLIENT_SECRET}`).toString("base64")];

let mock: MockServer;

beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true });
});

afterAll(async () => {
  await mock.close();
});

async function send(path: string, init: RequestInit): Promise<number> {
  const res = await fetch(`${mock.url}${path}`, init);
  await res.arrayBuffer();
  return res.status;
}

describe("the journal never keeps a secret", () => {
  it("across API calls, refused calls, the token endpoint and the control endpoint", async () => {
    const auth = { Authorization: `Zoho-oauthtoken ${SENTINEL}` };
    const record = "/crm/v8/Leads/1000000231009";
    const statuses = [
      await send(`${record}/Attachments?fields=id&access_token=${SENTINEL}`, { headers: auth }),
      await send(`${record}/Attachments`, { method: "POST", headers: auth, body: fileForm("a.txt", SENTINEL) }),
      // A refused call: Prism's violations are kept, the value at fault is not.
      await send(`${record}/Attachments?fields=id&per_page=${SENTINEL}`, { headers: auth }),
      await send(`${record}/photo`, { headers: { Authorization: `Bearer ${SENTINEL}` } }),
      await send(`/oauth/v2/token?client_secret=${CLIENT_SECRET}&refresh_token=${REFRESH}`, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "refresh_token", client_id: "1000.MOCKCLIENT" }),
      }),
      await send("/oauth/v2/token", {
        method: "POST",
        headers: { Authorization: `Basic ${SECRETS[3]}` },
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: REFRESH }),
      }),
      await send("/oauth/v2/token", {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "refresh_token",
          client_id: "1000.MOCKCLIENT",
          client_secret: CLIENT_SECRET,
          refresh_token: REFRESH,
        }),
      }),
    ];
    // The record is empty at first: the stateful list answers 204.
    expect(statuses).toStrictEqual([204, 200, 400, 401, 200, 200, 200]);

    const entries = mock.requests();
    expect(entries).toHaveLength(7);
    // The names of the credentials stay, so a test sees that one was sent; their values do not.
    expect(entries[0]?.query).toStrictEqual({ fields: "id", access_token: "[redacted]" });
    expect(entries[4]?.query).toStrictEqual({ client_secret: "[redacted]", refresh_token: "[redacted]" });
    expect(entries[2]?.violations).toStrictEqual(["query.per_page: Request query parameter per_page must be integer"]);
    const control = await (await fetch(`${mock.url}/__zcrm-mock/requests`)).text();
    for (const text of [JSON.stringify(entries), control]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).not.toContain("SENTINEL");
    }
  });
});

describe("the scrubbing behind it", () => {
  const req = { headers: { authorization: `Zoho-oauthtoken ${SENTINEL}` } } as IncomingMessage;

  it("blanks the request's credentials out of any text kept, such as a message that quotes one", () => {
    const secrets = secretsOf(req, { access_token: REFRESH, fields: "id" });
    expect(scrub(`header 'Zoho-oauthtoken ${SENTINEL}' and ${REFRESH} are wrong`, secrets)).toBe(
      "header '[redacted]' and [redacted] are wrong",
    );
  });

  it("redacts credential keys of a query, blanks credentials out of the other values, and bounds it", () => {
    const query = { code: "abc123", fields: `id,${SENTINEL}`, page_token: "not-a-secret", long: "x".repeat(5000) };
    const kept = redactQuery(query, secretsOf(req, query));
    expect(kept).toStrictEqual({
      code: "[redacted]",
      fields: "id,[redacted]",
      page_token: "not-a-secret",
      long: `${"x".repeat(2048)}…`,
    });
  });
});
