/**
 * Fuzz cases aimed at the request target: hostile path segments in every position (module, record
 * id, attachment id, photo) on both lines, hostile query strings, and every method on every kind
 * of path. Raw bytes, so escapes and bytes no client sends arrive as written.
 */
import { ATT, AUTH, type FuzzCase, REC, rawRequest } from "./fuzz-case.js";

/** Path segments a hostile client puts where a module or an id belongs. */
export const HOSTILE_SEGMENTS = [
  "..",
  ".",
  "%2e%2e",
  "..%2f..%2fetc%2fpasswd",
  "%2f",
  "%5c",
  "%252e%252e",
  "%00",
  "%zz",
  "%",
  "%c3%28",
  "%ff%fe",
  "\xff\xfe",
  "x".repeat(4000),
  "0".repeat(20),
  "%34150868000002728012",
  "__proto__",
  "constructor",
  "%4Ceads",
  "Leads%00",
  "%20",
  "%e2%82",
  "%ed%a0%80",
  "%c0%af",
  "Leads;x=1",
  "%23",
  "%3F",
  "*",
  "~",
  "Leads.json",
  "LEADS",
  "leads",
  "Calls",
  "Deals",
  "Appointments__s",
  "a".repeat(65),
  "a".repeat(64),
  "1",
  "_x",
  "\xc3\x9cn\xc3\xafcode",
  "%F0%9F%98%80",
  "-1",
  "1e5",
  "0x10",
  "\xef\xbc\x91\xef\xbc\x92",
  "%09",
  "%0d%0a",
  "%e2%80%a8",
  "%31000000231009",
  "99999999999999999999",
  "Leads%2F1",
  "%%41",
  "%u0041",
  "%C0%80",
  "",
];

/** Query strings a hostile client sends to a list. */
const HOSTILE_QUERIES = [
  "",
  "fields=",
  "fields=%zz",
  `fields=${"id,".repeat(3000)}`,
  "fields=id&fields=File_Name",
  "per_page=0&fields=id",
  "per_page=201&fields=id",
  "per_page=-1&fields=id",
  "per_page=abc&fields=id",
  "per_page=1e3&fields=id",
  "per_page=1.5&fields=id",
  "page=0&fields=id",
  "page=-1&fields=id",
  "page=999999999999999&fields=id",
  "page_token=x&fields=id",
  "page_token=%zz&fields=id",
  "page_token=&fields=id",
  "ids=,&fields=id",
  "ids=a&fields=id",
  "ids=1,,2&fields=id",
  "ids=%zz&fields=id",
  "__proto__=1&fields=id",
  "&&&&",
  "=",
  "%",
  "%%",
  "fields=id&__code=999",
  "fields=id&__code=abc",
  "fields=id&__example=nope",
  "fields=id&__dynamic=maybe",
  "fields=id&__code=500",
  `fields=id&x=${"y".repeat(8000)}`,
  "fields=id#frag",
  "fields=id&fields",
  "fields=\xff\xfe",
  "fields=%E2%80%AE",
  "fields=id;per_page=2",
];

const METHODS = [
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "HEAD",
  "OPTIONS",
  "TRACE",
  "PROPFIND",
  "FOO",
  "get",
  "M-SEARCH",
];
const PATHS = [
  `/crm/v8/Leads/${REC}/Attachments?fields=id`,
  `/crm/v2/Leads/${REC}/Attachments/${ATT}`,
  `/crm/v8/Leads/${REC}/photo`,
  "/oauth/v2/token",
  "/crm/v9/Leads/1/Attachments",
  "/",
  "/__zcrm-mock/stats",
];

/** The path and path2 groups: hostile segments as module, record id, attachment id and photo module. */
export function pathCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const segment of HOSTILE_SEGMENTS) {
    for (const version of ["v2", "v8"]) {
      const fields = version === "v8" ? "?fields=id" : "";
      const add = (group: string, name: string, method: string, target: string) =>
        cases.push({
          group,
          name: `${name}=${JSON.stringify(segment.slice(0, 40))} ${version}`,
          chunks: [rawRequest(method, target)],
        });
      add("path", "module", "GET", `/crm/${version}/${segment}/${REC}/Attachments${fields}`);
      add("path", "record", "GET", `/crm/${version}/Leads/${segment}/Attachments${fields}`);
      add("path", "attachment", "GET", `/crm/${version}/Leads/${REC}/Attachments/${segment}`);
      add("path2", "delete", "DELETE", `/crm/${version}/Leads/${REC}/Attachments/${segment}`);
      add("path2", "photo module", "GET", `/crm/${version}/${segment}/${REC}/photo`);
    }
  }
  return cases;
}

/** The query group: hostile query strings on both lines' lists, and on a bulk delete. */
export function queryCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const query of HOSTILE_QUERIES) {
    const asks5xx = query.includes("__code=5");
    for (const version of ["v2", "v5", "v8"]) {
      cases.push({
        group: "query",
        name: `list ${version} ?${query.slice(0, 40)}`,
        chunks: [rawRequest("GET", `/crm/${version}/Leads/${REC}/Attachments?${query}`)],
        asks5xx,
      });
    }
    cases.push({
      group: "query",
      name: `bulk delete ?${query.slice(0, 40)}`,
      chunks: [rawRequest("DELETE", `/crm/v8/Leads/${REC}/Attachments?${query}`)],
      asks5xx,
    });
  }
  return cases;
}

/** The method group: every method on every kind of path, with and without a token. */
export function methodCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const method of METHODS) {
    for (const path of PATHS) {
      for (const headers of [[AUTH], []]) {
        cases.push({
          group: "method",
          name: `${method} ${path}${headers.length === 0 ? " (no token)" : ""}`,
          chunks: [rawRequest(method, path, { headers })],
          head: method === "HEAD",
          control: path.startsWith("/__zcrm-mock/"),
        });
      }
    }
  }
  // Methods Node treats apart: CONNECT is handed to a listener the mock does not have.
  cases.push({ group: "method", name: "CONNECT", chunks: [rawRequest("CONNECT", "127.0.0.1:1")], mayNotAnswer: true });
  cases.push({ group: "method", name: "G(T", chunks: [rawRequest("G(T", `/crm/v8/Leads/${REC}/Attachments`)] });
  cases.push({ group: "method", name: "OPTIONS *", chunks: [rawRequest("OPTIONS", "*")] });
  cases.push({ group: "method", name: "HEAD *", chunks: [rawRequest("HEAD", "*")], head: true });
  cases.push({ group: "method", name: "broken absolute", chunks: [rawRequest("GET", "http://[bad/crm/v8/Leads")] });
  return cases;
}
