/**
 * The third step of the loop: a recording made through the proxy replays through the stateful
 * mock's seed (`startMock({ stateful: true, seed })`, `zcrm-mock --stateful --seed <file>`). What
 * the recording left on the record is there again: the attachment still there at its end is
 * listed under its recorded id and name, and downloads as the recorded bytes (kept with
 * recordBodies) or as a stand-in of the recorded size; the one deleted in the recording is not.
 *
 * With recordBodies the upload's file part is in the recording as base64 with its hash; the mock
 * must decode it, or the download would be a stand-in of the right size and the hashes differ.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createAttachmentsClient } from "@zcrm-attachments/client";
import { type MockServer, startMock } from "@zcrm-attachments/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxy } from "../../src/proxy/start-proxy.js";
import { SENTINELS } from "../helpers/proxy-fixtures.js";

/** One record per recording, so that neither recording holds the other's attachments. */
const RECORDS = { sizes: "1000000260001", bodies: "1000000260002" } as const;
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Recorded {
  har: string;
  record: string;
  kept: { id: string; name: string; bytes: Buffer };
  deleted: string;
}

let dir: string;
let source: MockServer;
const recorded: Record<"sizes" | "bodies", Recorded> = {} as Record<"sizes" | "bodies", Recorded>;

/** Through a recording proxy: upload two files, list, download one, delete the other. */
async function record(label: "sizes" | "bodies"): Promise<Recorded> {
  const RECORD = RECORDS[label];
  const har = join(dir, `${label}.har`);
  const proxy = await startProxy({ target: source.url, port: 0, record: har, recordBodies: label === "bodies" });
  const client = createAttachmentsClient({
    apiDomain: proxy.url,
    apiVersion: "v8",
    accessToken: SENTINELS.accessToken,
  });
  const keptBytes = randomBytes(50_000);
  await writeFile(join(dir, `${label}-kept.pdf`), keptBytes);
  await writeFile(join(dir, `${label}-gone.txt`), "deleted in the recording\n");
  const kept = (await client.uploadAttachment("Leads", RECORD, join(dir, `${label}-kept.pdf`))).data.details.id;
  const gone = (await client.uploadAttachment("Leads", RECORD, join(dir, `${label}-gone.txt`))).data.details.id;
  await client.listAttachments("Leads", RECORD, { fields: ["id", "File_Name", "Size"] });
  const download = await client.downloadAttachment("Leads", RECORD, kept);
  if (download.status === 200) await download.body.cancel();
  await client.deleteAttachment("Leads", RECORD, gone);
  const result = await proxy.close();
  expect(result.exitCode).toBe(0);
  return { har, record: RECORD, kept: { id: kept, name: `${label}-kept.pdf`, bytes: keptBytes }, deleted: gone };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zcrm-proxy-replay-"));
  source = await startMock({ port: 0, stateful: true });
  recorded.sizes = await record("sizes");
  recorded.bodies = await record("bodies");
});
afterAll(async () => {
  await source?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Starts a stateful mock seeded with a recording. */
function seeded(har: string): Promise<MockServer> {
  return startMock({ port: 0, stateful: true, seed: har });
}

describe("a proxy recording replays through the stateful mock's seed", () => {
  it.each([
    ["sizes", "a stand-in of the recorded size"],
    ["bodies", "the recorded bytes"],
  ] as const)("recorded with %s: lists what was left, and downloads %s", async (label, _what) => {
    const { har, record: RECORD, kept, deleted } = recorded[label];
    const mock = await seeded(har);
    try {
      const client = createAttachmentsClient({ apiDomain: mock.url, apiVersion: "v8", accessToken: "1000.replay" });
      const page = await client.listAttachments("Leads", RECORD, { fields: ["id", "File_Name"] });
      const listed = page.status === 200 ? page.data.map((a) => a.id) : [];
      expect(listed).toContain(kept.id);
      expect(listed).not.toContain(deleted);
      const download = await client.downloadAttachment("Leads", RECORD, kept.id);
      expect(download.status).toBe(200);
      if (download.status !== 200) return;
      expect(download.fileName).toBe(kept.name);
      const bytes = Buffer.from(await new Response(download.body).arrayBuffer());
      expect(bytes.length).toBe(kept.bytes.length);
      if (label === "bodies") expect(sha(bytes)).toBe(sha(kept.bytes));
    } finally {
      await mock.close();
    }
  });

  it("zcrm-mock --stateful --seed <file> serves the recording too", async () => {
    const bin = join(
      dirname(createRequire(import.meta.url).resolve("@zcrm-attachments/mock/package.json")),
      "bin",
      "zcrm-mock.js",
    );
    const child = spawn(process.execPath, [bin, "--stateful", "--seed", recorded.bodies.har, "--port", "0"]);
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    try {
      // A mock that refuses its arguments exits: say why at once rather than wait for it.
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
          if (listening) resolve(listening);
        });
        child.on("exit", (code) => reject(new Error(`zcrm-mock exited with ${code} before it listened: ${err}`)));
      });
      const answer = await fetch(`${url}/crm/v8/Leads/${recorded.bodies.record}/Attachments?fields=id,File_Name`, {
        headers: { Authorization: "Zoho-oauthtoken 1000.replay" },
      });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { data: { id: string }[] };
      expect(body.data.map((a) => a.id)).toContain(recorded.bodies.kept.id);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
    }
  });
});
