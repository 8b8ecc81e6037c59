/**
 * The curl line of a failure: pasted into a shell it sends the recorded request, and it never
 * holds the token.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { curlLine, reproOf } from "../../src/report/repro.js";
import type { Exchange } from "../../src/validator/exchange.js";

const TOKEN = "1000.curl-sentinel-token";
const list: Exchange = {
  request: {
    method: "GET",
    path: "/crm/v8/Leads/1000000231009/Attachments",
    origin: "https://www.zohoapis.eu",
    query: { fields: "id,File_Name", page: "2" },
    headers: { authorization: `Zoho-oauthtoken ${TOKEN}`, "user-agent": "undici", prefer: "code=200, example=x" },
  },
  response: { status: 200, headers: { "content-type": "application/json", "set-cookie": `s=${TOKEN}` } },
};

/** The words a POSIX shell makes of a line (no command is run). */
function words(line: string): string[] {
  const script = `for w in ${line.replace(/^curl /, "")}; do printf '%s\\0' "$w"; done`;
  return execFileSync("sh", ["-c", script], { env: { ZOHO_API_DOMAIN: "https://www.zohoapis.com" } })
    .toString()
    .split("\0")
    .slice(0, -1);
}

describe("curlLine", () => {
  it("writes the method, the full URL with its query, and the request's own headers, token redacted", () => {
    const line = curlLine(list);
    expect(line).not.toContain(TOKEN);
    expect(words(line)).toEqual([
      "-X",
      "GET",
      "https://www.zohoapis.eu/crm/v8/Leads/1000000231009/Attachments?fields=id,File_Name&page=2",
      "-H",
      "authorization: Zoho-oauthtoken [redacted]",
      "-H",
      "prefer: code=200, example=x",
    ]);
  });

  it("sends a multipart upload's parts as curl would build them, with quotes and @ kept literal", () => {
    const upload: Exchange = {
      request: {
        method: "POST",
        path: "/crm/v2/Leads/1/Attachments",
        headers: { "content-type": "multipart/form-data; boundary=B" },
        body: {
          complete: true,
          parts: [
            { name: "file", fileName: "Résumé l'été.pdf", contentType: "application/pdf", bytes: 3 },
            { name: "attachmentUrl", value: "@not-a-file", bytes: 11 },
          ],
        },
      },
      response: { status: 200 },
    };
    expect(words(curlLine(upload))).toEqual([
      "-X",
      "POST",
      "https://www.zohoapis.com/crm/v2/Leads/1/Attachments",
      "-F",
      "file=@Résumé l'été.pdf;type=application/pdf",
      "--form-string",
      "attachmentUrl=@not-a-file",
    ]);
  });

  it("reports the answer's status and headers, credentials redacted", () => {
    expect(reproOf(list)).toMatchObject({
      status: 200,
      headers: { "content-type": "application/json", "set-cookie": "[redacted]" },
    });
  });
});
