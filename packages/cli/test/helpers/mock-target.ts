/**
 * The server the bin runs against in tests: the stateful mock, started in the test process on a
 * free loopback port, plus helpers to seed records through the client and the flags that point the
 * bin at it. Every test that starts one closes it.
 */
import { createHash, randomBytes } from "node:crypto";
import { createAttachmentsClient } from "@zcrm-attachments/client";
import { type MockOptions, type MockServer, startMock } from "@zcrm-attachments/mock";

/** Any token works on the mock. */
export const TOKEN = "1000.cli-test-token";

/** A seeded file: where it lives and what its bytes hash to. */
export interface SeededFile {
  module: string;
  record: string;
  id: string;
  name: string;
  bytes: Buffer;
  sha256: string;
}

/** Starts the stateful mock (faults and other options may be added). */
export function startTarget(options: MockOptions = {}): Promise<MockServer> {
  return startMock({ port: 0, stateful: true, ...options });
}

/** Flags and environment that point the bin at `url` with a token from the environment. */
export function target(url: string): { flags: string[]; env: Record<string, string> } {
  return { flags: ["--api-domain", url], env: { ZOHO_ACCESS_TOKEN: TOKEN } };
}

/** Uploads `count` files of random bytes (1 to `maxBytes`) to each record; returns them. */
export async function seedFiles(
  url: string,
  module: string,
  records: readonly string[],
  count: number,
  maxBytes = 16_384,
): Promise<SeededFile[]> {
  const client = createAttachmentsClient({ apiDomain: url, accessToken: TOKEN, retry: false, maxConcurrency: 8 });
  const jobs = records.flatMap((record) =>
    Array.from({ length: count }, (_, index) => ({ record, name: `file-${String(index).padStart(3, "0")}.bin` })),
  );
  return Promise.all(
    jobs.map(async ({ record, name }) => {
      const bytes = randomBytes(1 + Math.floor(Math.random() * maxBytes));
      const uploaded = await client.uploadAttachment(module, record, new Uint8Array(bytes), { fileName: name });
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      return { module, record, id: uploaded.data.details.id, name, bytes, sha256 };
    }),
  );
}

/** Record ids 4150868000010000001, …02, … (distinct from the demo record). */
export function recordIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `41508680000100${String(index + 1).padStart(5, "0")}`);
}
