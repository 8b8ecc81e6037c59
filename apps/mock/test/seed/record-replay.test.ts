import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../src/index.js";
import { AUTH, fileForm, fixture, sha256 } from "../upload-helpers.js";
import { type HarRecorder, startHarRecorder } from "./har-recorder.js";

// The documented loop, end to end: a session recorded through a HAR-writing hop in front of one
// mock (standing in for a sandbox org) seeds a second mock, which then answers as the first did.

const RECORD = "/crm/v8/Leads/1000000231009";
const LIST = `${RECORD}/Attachments?fields=id,File_Name,Size,Created_Time,$link_url,$type,$file_id,Owner`;
let sandbox: MockServer;
let recorder: HarRecorder;
const answers: Record<string, unknown> = {};

async function call(base: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, { ...init, headers: AUTH });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get("content-type") };
}

beforeAll(async () => {
  let clock = Date.parse("2026-02-01T08:00:00Z");
  sandbox = await startMock({ port: 0, stateful: true, now: () => (clock += 1000) });
  recorder = await startHarRecorder(sandbox.url, { keepBytes: false });
  const via = recorder.url;
  await call(via, `${RECORD}/Attachments`, { method: "POST", body: fileForm("notes.txt", "first notes\n") });
  await call(via, `${RECORD}/Attachments`, { method: "POST", body: fileForm("quote.pdf", fixture("Quote.pdf")) });
  await call(via, `${RECORD}/Attachments?attachmentUrl=https%3A%2F%2Fwww.zohocorp.com&title=Zoho`, { method: "POST" });
  await call(via, `${RECORD}/photo`, { method: "POST", body: fileForm("me.png", fixture("photo.png")) });
  const list = JSON.parse((await call(via, LIST)).bytes.toString()) as {
    data: { id: string; $link_url: string | null }[];
  };
  const link = list.data.find((item) => item.$link_url !== null)?.id;
  const pdf = list.data.find((item) => item.$link_url === null && item.id !== list.data.at(-1)?.id)?.id;
  await call(via, `${RECORD}/Attachments/${pdf}`);
  await call(via, `${RECORD}/Attachments/${link}`, { method: "DELETE" });
  answers.list = (await call(sandbox.url, LIST)).bytes.toString();
  answers.pdf = pdf;
  answers.pdfType = (await call(sandbox.url, `${RECORD}/Attachments/${pdf}`)).type;
});

afterAll(async () => {
  await recorder.close();
  await sandbox.close();
});

describe("record against one mock, replay in another", () => {
  it("answers the list, the downloads and the photo as the recorded session left them", async () => {
    const replay = await startMock({ port: 0, stateful: true, seed: recorder.har() });
    try {
      // The list the recording saw, minus the link deleted after it.
      expect((await call(replay.url, LIST)).bytes.toString()).toBe(answers.list);
      const pdf = await call(replay.url, `${RECORD}/Attachments/${answers.pdf}`);
      // Downloads were recorded by size and hash only: the same length, stand-in bytes.
      expect([pdf.status, pdf.type, pdf.bytes.length]).toStrictEqual([
        200,
        answers.pdfType,
        fixture("Quote.pdf").length,
      ]);
      const notes = JSON.parse(answers.list as string).data.find(
        (item: { File_Name: string }) => item.File_Name === "notes.txt",
      );
      // The text upload's bytes were in the recorded form, with the size the list shows.
      expect((await call(replay.url, `${RECORD}/Attachments/${notes.id}`)).bytes.toString()).toBe("first notes\n");
      const photo = await call(replay.url, `${RECORD}/photo`);
      expect([photo.status, photo.type]).toStrictEqual([200, "image/png"]);
      expect(sha256(photo.bytes)).toBe(sha256(fixture("photo.png")));
    } finally {
      await replay.close();
    }
  });
});
