/**
 * Fuzz cases aimed at headers: Authorization, Content-Type, Accept, Prefer and the fault header
 * in shapes no client sends; tokens that imitate the mock's own; the token endpoint fed garbage;
 * and the control API fed garbage (its answers are the mock's documented ones, not Zoho's).
 */
import { AUTH, type FuzzCase, REC, rawRequest } from "./fuzz-case.js";

const LIST = `/crm/v8/Leads/${REC}/Attachments?fields=id`;
const UPLOAD = `/crm/v8/Leads/${REC}/Attachments`;

const HEADER_SETS: readonly (readonly string[])[] = [
  [],
  ["Authorization: Bearer x"],
  ["Authorization: Zoho-oauthtoken"],
  ["Authorization: Zoho-oauthtoken   "],
  ["Authorization: zoho-OAUTHTOKEN 1000.x"],
  [`Authorization: Zoho-oauthtoken ${"t".repeat(10_000)}`],
  ["Authorization: Zoho-oauthtoken \xff\xfe"],
  ["Authorization: Zoho-oauthtoken\t1000.x"],
  [AUTH, AUTH],
  [AUTH, "Content-Type: \xff\xfe"],
  [AUTH, "Content-Type: "],
  [AUTH, "Content-Type: ;"],
  [AUTH, "Content-Type: multipart/form-data"],
  [AUTH, "Content-Type: application/json; charset=\xff"],
  [AUTH, "Accept: text/html"],
  [AUTH, "Accept: application/xml"],
  [AUTH, "Accept: \x01\x02"],
  [AUTH, "Accept: */*;q=abc"],
  [AUTH, "Prefer: code=418"],
  [AUTH, "Prefer: code=abc"],
  [AUTH, "Prefer: example=nope"],
  [AUTH, "Prefer: code=200, example=nonexistent"],
  [AUTH, "Prefer: dynamic=maybe"],
  [AUTH, "Prefer: dynamic=true"],
  [AUTH, "Prefer: ,,,,"],
  [AUTH, "Prefer: code=204"],
  [AUTH, `Prefer: example=${"e".repeat(5000)}`],
  [AUTH, "Prefer: code=400, example=constructor"],
  [AUTH, "Prefer: example=__proto__"],
  [AUTH, "Transfer-Encoding: gzip"],
  [AUTH, "Expect: 100-continue"],
  [AUTH, "Expect: nothing-known"],
  [AUTH, "Connection: upgrade", "Upgrade: websocket"],
  [AUTH, "Content-Length: -1"],
  [AUTH, "Content-Length: 1, 2"],
  [AUTH, "no colon here"],
  [AUTH, "Bad Name: x"],
  [AUTH, `X-Big: ${"a".repeat(20_000)}`],
  [AUTH, "X-Null: a\x00b"],
  [AUTH, "Cookie: a=b; __proto__=c"],
];

/** The header group: each header set on a list and on a bodyless upload. */
export function headerCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const headers of HEADER_SETS) {
    const name = headers.map((h) => h.slice(0, 40)).join(" | ") || "(none)";
    const mayNotAnswer = headers.some((h) => h.startsWith("Transfer-Encoding") || h.startsWith("Expect: 100"));
    cases.push({ group: "header", name: `list ${name}`, chunks: [rawRequest("GET", LIST, { headers })] });
    cases.push({
      group: "header",
      name: `upload ${name}`,
      chunks: [rawRequest("POST", UPLOAD, { headers, ...(mayNotAnswer ? {} : { body: "" }) })],
      mayNotAnswer,
    });
  }
  for (const fault of ["explode", "unavailable;times=3", "rate-limit;constructor=9", "slow;__proto__=1", ",", "\xff"]) {
    cases.push({
      group: "header",
      name: `fault header ${fault}`,
      chunks: [rawRequest("GET", LIST, { headers: [AUTH, `X-Zcrm-Mock-Fault: ${fault}`] })],
      control: true,
    });
  }
  cases.push({
    group: "header",
    name: "fault header unavailable",
    chunks: [rawRequest("GET", LIST, { headers: [AUTH, "X-Zcrm-Mock-Fault: unavailable"] })],
    asks5xx: true,
  });
  return cases;
}

const TOKENS = [
  "1000.zcrm-mock.9999999999999999.x",
  "1000.zcrm-mock.0.x",
  "1000.zcrm-mock.abc.x",
  "1000.zcrm-mock.-1.x",
  "1000.zcrm-mock.99999999999999999.x",
  "1000.zcrm-mock.8640000000000001.x",
  "1000.zcrm-mock.4102444800000.x",
  "1000.zcrm-mock.",
  "1000.zcrm-mock..",
  "x 1000.zcrm-mock.1.x",
  "%00",
  "\xff",
  "a".repeat(64),
];

const TOKEN_BODIES: readonly [string, string][] = [
  ["", ""],
  ["application/x-www-form-urlencoded", "grant_type=refresh_token&client_id=%zz"],
  ["application/x-www-form-urlencoded", `grant_type=${"g".repeat(20_000)}`],
  ["multipart/form-data", "garbage"],
  ["multipart/form-data; boundary=x", "--x\r\nbroken"],
  ["application/json", '{"grant_type":"refresh_token"}'],
  ["text/plain", "\xff\xfe\x00"],
];

/** The token group: forged mock tokens on the API, and garbage on the token endpoint. */
export function tokenCases(): FuzzCase[] {
  const cases: FuzzCase[] = TOKENS.map((token) => ({
    group: "token",
    name: `API with ${token.slice(0, 40)}`,
    chunks: [rawRequest("GET", LIST, { headers: [`Authorization: Zoho-oauthtoken ${token}`] })],
  }));
  for (const [type, body] of TOKEN_BODIES) {
    const headers = type === "" ? [] : [`Content-Type: ${type}`];
    cases.push({
      group: "token",
      name: `token ${type} ${body.slice(0, 30)}`,
      chunks: [rawRequest("POST", "/oauth/v2/token", { headers, body })],
    });
  }
  for (const basic of ["Basic %%%", "Basic ", "Basic Og==", `Basic ${"A".repeat(9000)}`]) {
    cases.push({
      group: "token",
      name: `token ${basic.slice(0, 20)}`,
      chunks: [
        rawRequest("POST", "/oauth/v2/token", {
          headers: [`Authorization: ${basic}`],
          body: "grant_type=refresh_token",
        }),
      ],
    });
  }
  return cases;
}

const CONTROL_BODIES = [
  "",
  "{",
  "[",
  "null",
  "1",
  '"x"',
  "[1]",
  "[null]",
  '{"faults":1}',
  '{"faults":{}}',
  '{"kind":1}',
  '{"kind":"nope"}',
  '{"kind":"reset","constructor":1}',
  '{"kind":"rate-limit","__proto__":{"x":1}}',
  '{"kind":"slow","delay":-1}',
  '[{"kind":"slow","delay":1e309}]',
  '{"kind":"slow","times":"x"}',
  "explode",
  "slow;delay=abc",
  "slow;speed=1",
  "\xff\xfe",
  "[".repeat(50_000),
  `${"x".repeat(300_000)}`,
  '{"kind":"unavailable","path":"no-slash"}',
  '{"kind":"unavailable","method":"G E T"}',
  "unavailable;key=a",
  "truncate;after=-1",
  '{"faults":[{"kind":[]}]}',
  "rate-limit;retry-after=99999999",
  '["slow;delay=1",{"kind":"x"}]',
  "\u2028",
  '{"kind":"slow","chunk":0}',
  "reset;;",
];

/** The control group: garbage for the control API as JSON and as text; nothing of it may arm a fault. */
export function controlCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const body of CONTROL_BODIES) {
    for (const type of ["application/json", "text/plain"]) {
      cases.push({
        group: "control",
        name: `POST faults ${type} ${body.slice(0, 30)}`,
        chunks: [rawRequest("POST", "/__zcrm-mock/faults", { headers: [`Content-Type: ${type}`], body })],
        control: true,
      });
    }
  }
  for (const path of ["/__zcrm-mock/", "/__zcrm-mock/nope", "/__zcrm-mock/faults/..", "/__zcrm-mock/%66aults"]) {
    cases.push({ group: "control", name: `GET ${path}`, chunks: [rawRequest("GET", path)], control: true });
  }
  return cases;
}
