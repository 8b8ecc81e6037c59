/**
 * The Markdown the docs check's tests run it on, as data: each case is a code block (with the marker
 * above it, if any) and the patterns the check's lines about it must match. `line` is filled in with
 * the line the check reports the case at (its fence, or `at` lines below it, for a type error).
 */

const AUTH = '-H "Authorization: Zoho-oauthtoken 1000.any"';

/** Lays the cases out as one Markdown file; returns `{ markdown, blocks }` with each case's line. */
function layout(cases) {
  const lines = ["# Cases for the docs check", ""];
  const blocks = {};
  const markerProblems = [];
  for (const { name, marker, lang, code, expect, at = 0, markerProblem, atFence } of cases) {
    if (marker) lines.push(`<!-- docs-check: ${marker} -->`);
    // A malformed marker is reported on its own line; one that does not fit its block, at the fence.
    if (markerProblem) markerProblems.push({ line: lines.length + (atFence ? 1 : 0), expect: markerProblem });
    lines.push(`\`\`\`${lang}`);
    const fence = lines.length;
    lines.push(...code.split("\n"), "```", "");
    if (name) blocks[name] = { line: fence + at, expect };
  }
  return { markdown: lines.join("\n"), blocks, markerProblems };
}

/** Examples that work: the check must run them (or only check them, as marked) and pass. */
export const passingCases = layout([
  {
    name: "a client bound for Zoho's EU hosts reaches the stateful mock: its upload is listed",
    lang: "ts",
    code: `import { createAttachmentsClient } from "@zcrm-attachments/client";
const zoho = createAttachmentsClient({ dataCenter: "EU", accessToken: "1000.any" });
const uploaded = await zoho.uploadAttachment("Leads", "4150868000002728001", "./quote.pdf");
const page = await zoho.listAttachments("Leads", "4150868000002728001", { fields: ["id", "File_Name"] });
if (page.status !== 200) throw new Error(\`expected the upload to be listed, got \${page.status}\`);
console.log("listed", page.data[0].File_Name, page.data[0].id === uploaded.data.details.id);`,
    expect: [/^ran /, /listed quote\.pdf true/],
  },
  {
    name: "a refresh through Zoho's accounts server gets the mock's token, with the placeholder credentials",
    lang: "ts",
    code: `import { createAttachmentsClient, createRefreshTokenProvider } from "@zcrm-attachments/client";
const tokens = createRefreshTokenProvider({
  dataCenter: "EU",
  clientId: process.env.ZOHO_CLIENT_ID!,
  clientSecret: process.env.ZOHO_CLIENT_SECRET!,
  refreshToken: process.env.ZOHO_REFRESH_TOKEN!,
});
const zoho = createAttachmentsClient({ accessToken: tokens });
const page = await zoho.listAttachments("Deals", "4150868000004711001", { fields: ["id"] });
console.log("status", page.status);`,
    expect: [/^ran /, /status 204/],
  },
  {
    name: "port 4010 is a stateless mock, as pnpm mock starts it (the spec's example)",
    lang: "ts",
    code: `import { createAttachmentsClient } from "@zcrm-attachments/client";
const zoho = createAttachmentsClient({ apiDomain: "http://127.0.0.1:4010", accessToken: "1000.any", apiVersion: "v2" });
const page = await zoho.listAttachments("Leads", "1000000231009");
console.log("seed", page.status, page.status === 200 ? page.data.length : 0);`,
    expect: [/^ran /, /seed 200 [1-9]/],
  },
  {
    name: "type-only: a ts block is type-checked and not run",
    marker: "type-only (would call a live org)",
    lang: "ts",
    code: 'throw new Error("type-only blocks never run");',
    expect: [/^type-only +\S+ \(ts\): would call a live org$/],
  },
  {
    name: "sh: curl on the docs' port 4010 reaches the stateless stand-in",
    marker: "run",
    lang: "sh",
    code: `curl -sS "http://127.0.0.1:4010/crm/v2/Leads/1000000231009/Attachments" ${AUTH}`,
    expect: [/^ran /, /"File_Name"/],
  },
  {
    name: "sh: zcrm-mock starts in the background on its (mapped) port and is stopped with Ctrl+C",
    marker: "run",
    lang: "sh",
    code: `zcrm-mock --stateful --port 4020
curl -sS "http://127.0.0.1:4020/crm/v8/Leads/1000000231009/Attachments" -X POST ${AUTH} -F "file=@attachment1.txt" -o /dev/null
curl -sS "http://127.0.0.1:4020/crm/v8/Leads/1000000231009/Attachments?fields=File_Name" ${AUTH}`,
    expect: [/^ran /, /started in the background: zcrm-mock --stateful --port \d+/, /attachment1\.txt/],
  },
  {
    name: "sh: a line whose comment quotes curl's error must end with that status",
    marker: "run",
    lang: "sh",
    code: `curl -sS "http://127.0.0.1:1/"   # curl: (7) nothing listens there
zcrm-contract validate exchange.json`,
    expect: [/^ran /, /conforms to GET \/crm\/v2\/\{module\}\/\{record_id\}\/Attachments/],
  },
  {
    name: "sh without a marker is only syntax-checked",
    lang: "sh",
    code: "echo this never runs; exit 3",
    expect: [/^syntax-only +\S+ \(sh\): sh blocks run only when marked <!-- docs-check: run -->$/],
  },
]);

/** Examples that fail, each for one reason the check must name (run with --timeout 4). */
export const failingCases = layout([
  {
    name: "a ts example that throws fails with the Markdown line of the throw",
    lang: "ts",
    code: 'const answer = 42;\nif (answer) throw new Error("the example broke");',
    expect: [/exited with status 1/, /the example broke/, /failing\.md:\d+/],
  },
  {
    name: "a ts example that reaches for another host fails, even when it swallows the error",
    lang: "ts",
    code: 'await fetch("https://example.com/").catch(() => console.log("swallowed"));',
    expect: [/reached for example\.com/, /swallowed/],
  },
  {
    name: "a socket to another host is refused too (node:https)",
    lang: "ts",
    code: `import https from "node:https";
https.get("https://example.org/", () => {}).on("error", (error) => console.log("https error:", error.message));
await new Promise((resolve) => setTimeout(resolve, 300));`,
    expect: [/reached for example\.org/, /https error: docs-check: refused example\.org/],
  },
  {
    name: "a ts example that never ends times out",
    lang: "ts",
    code: "await new Promise(() => setInterval(() => {}, 1000));",
    expect: [/timed out after 4 s/],
  },
  {
    name: "a ts example that does not type-check is reported for that, and not run",
    lang: "ts",
    code: 'const count: number = "three";',
    at: 1,
    expect: [/TS2322/],
  },
  {
    name: "an sh example stops at its first failing line",
    marker: "run",
    lang: "sh",
    code: "echo before\nls ./no-such-file\necho never",
    expect: [/exited with status 2/, /before/, /no-such-file/],
  },
  {
    name: "bash's own errors name the Markdown line",
    marker: "run",
    lang: "sh",
    code: "echo first\nno-such-command-zcrm",
    expect: [/exited with status 127/, /failing\.md:\d+: no-such-command-zcrm: command not found/],
  },
  {
    name: "curl to another host goes nowhere (the proxy refuses it) and fails the example",
    marker: "run",
    lang: "sh",
    code: "curl -sS http://example.com/ -o /dev/null",
    expect: [/reached for example\.com/],
  },
  {
    name: "https through the proxy is refused too",
    marker: "run",
    lang: "sh",
    code: 'curl -sS https://example.net/ -o /dev/null || echo "curl failed, as it should"',
    expect: [/reached for example\.net:443/, /curl failed, as it should/],
  },
  {
    name: "a line that should end with curl's error but succeeds fails the example",
    marker: "run",
    lang: "sh",
    code: `curl -sS -o /dev/null "http://127.0.0.1:4010/__zcrm-mock/stats"   # curl: (56) reset`,
    expect: [/should exit with status 56, as its comment says, but exited with 0/],
  },
  {
    name: "an sh example that hangs with a server running times out, server and all",
    marker: "run",
    lang: "sh",
    code: "zcrm-mock --port 4030\nsleep 30",
    expect: [/timed out after 4 s/],
  },
  {
    marker: "type-only (not for sh)",
    lang: "sh",
    code: "echo ok",
    markerProblem: "sh blocks are syntax-checked",
    atFence: true,
  },
  { marker: "run (please)", lang: "sh", code: "echo ok", markerProblem: '"run" takes no reason' },
  { marker: "skip", lang: "sh", code: "echo ok", markerProblem: '"skip" needs a reason' },
  { marker: "run", lang: "json", code: "{}", markerProblem: "json blocks do not run", atFence: true },
  { marker: "runn", lang: "sh", code: "echo ok", markerProblem: "unknown docs-check marker" },
]);
