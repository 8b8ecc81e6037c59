import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { startMock } from "../../src/index.js";
import { AUTH } from "../upload-helpers.js";
import { har, success } from "./har-builder.js";

// A recorded upload whose form is listed as params, as the contract's proxy writes it with
// recordBodies: a binary file part's value in base64 (`_encoding: "base64"`) with its `_sha256`.
// The seeded file downloads as those bytes; a part whose hash disagrees is not trusted, and a
// stand-in of the recorded size answers instead.

const LEAD = "/crm/v8/Leads/1000000231077";
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function uploadEntry(id: string, name: string, bytes: Buffer, recordedSha: string) {
  return {
    method: "POST",
    url: `${LEAD}/Attachments`,
    status: 200,
    postData: {
      mimeType: "multipart/form-data; boundary=----zcrm-recorded",
      params: [
        {
          name: "file",
          fileName: name,
          contentType: "application/pdf",
          value: bytes.toString("base64"),
          _size: bytes.length,
          _sha256: recordedSha,
          _encoding: "base64",
        },
      ],
    },
    content: {
      json: { data: [success({ id, Created_Time: "2026-02-10T10:00:00+05:30", Size: String(bytes.length) })] },
    },
  };
}

describe("a HAR seed's uploads recorded as params", () => {
  it("downloads the base64 file part's bytes, and a stand-in where its hash disagrees", async () => {
    const kept = randomBytes(40_000);
    const mangled = randomBytes(3_000);
    const recording = har([
      uploadEntry("1386586000002588101", "kept.pdf", kept, sha256(kept)),
      uploadEntry("1386586000002588102", "mangled.pdf", mangled, sha256(Buffer.from("something else"))),
    ]);
    const mock = await startMock({ port: 0, stateful: true, seed: recording });
    try {
      const download = async (id: string) => {
        const res = await fetch(`${mock.url}${LEAD}/Attachments/${id}`, { headers: AUTH });
        return {
          status: res.status,
          name: res.headers.get("content-disposition"),
          bytes: Buffer.from(await res.arrayBuffer()),
        };
      };
      const first = await download("1386586000002588101");
      expect([first.status, first.name, sha256(first.bytes)]).toStrictEqual([
        200,
        'attachment; filename="kept.pdf"',
        sha256(kept),
      ]);
      const second = await download("1386586000002588102");
      expect(second.status).toBe(200);
      expect(second.bytes.length).toBe(mangled.length);
      expect(second.bytes.toString("latin1", 0, 19)).toBe("zcrm-mock stand-in:");
    } finally {
      await mock.close();
    }
  });
});
