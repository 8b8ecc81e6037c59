/**
 * Seeded random mutations of valid requests, generated with fast-check: a byte flipped, bytes
 * inserted, dropped or repeated, a header's value swapped for random text, the request cut short.
 * The same seed gives the same cases, so a failure found once can be replayed.
 */
import fc from "fast-check";
import { ATT, AUTH, type FuzzCase, fieldPart, filePart, form, REC, rawRequest } from "./fuzz-case.js";

function bases(): Buffer[] {
  const file = form([filePart("notes.txt", "plain words")]);
  const link = form([fieldPart("attachmentUrl", "https://www.zohocorp.com")]);
  return [
    rawRequest("GET", `/crm/v2/Leads/${REC}/Attachments`),
    rawRequest("GET", `/crm/v8/Leads/${REC}/Attachments?fields=id,File_Name&per_page=5&page=1`),
    rawRequest("GET", `/crm/v8/Leads/${REC}/Attachments/${ATT}`),
    rawRequest("DELETE", `/crm/v8/Leads/${REC}/Attachments?ids=1,2`),
    rawRequest("DELETE", `/crm/v2/Leads/${REC}/Attachments/${ATT}`),
    rawRequest("GET", `/crm/v8/Contacts/${REC}/photo`),
    rawRequest("POST", `/crm/v8/Leads/${REC}/Attachments`, { headers: [AUTH, file.type], body: file.body }),
    rawRequest("POST", `/crm/v5/Leads/${REC}/Attachments`, { headers: [AUTH, link.type], body: link.body }),
  ];
}

type Mutation =
  | { kind: "flip"; at: number; byte: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "drop"; at: number; length: number }
  | { kind: "repeat"; at: number; length: number }
  | { kind: "header"; line: number; value: string }
  | { kind: "cut"; at: number };

const at = fc.nat({ max: 4000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("insert" as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }) }),
  fc.record({ kind: fc.constant("drop" as const), at, length: fc.integer({ min: 1, max: 24 }) }),
  fc.record({ kind: fc.constant("repeat" as const), at, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    kind: fc.constant("header" as const),
    line: fc.nat({ max: 6 }),
    value: fc.string({ unit: "binary", maxLength: 40 }),
  }),
  fc.record({ kind: fc.constant("cut" as const), at }),
);

function apply(bytes: Buffer, change: Mutation): Buffer {
  const i = "at" in change ? change.at % (bytes.length + 1) : 0;
  switch (change.kind) {
    case "flip": {
      const out = Buffer.from(bytes);
      if (out.length > 0) out[i % out.length] = change.byte;
      return out;
    }
    case "insert":
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(change.bytes), bytes.subarray(i)]);
    case "drop":
      return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + change.length)]);
    case "repeat":
      return Buffer.concat([bytes.subarray(0, i + change.length), bytes.subarray(i)]);
    case "cut":
      return bytes.subarray(0, i);
    case "header": {
      const end = bytes.indexOf("\r\n\r\n");
      const lines = bytes
        .subarray(0, end === -1 ? bytes.length : end)
        .toString("latin1")
        .split("\r\n");
      const index = 1 + (change.line % Math.max(1, lines.length - 1));
      const name = (lines[index] ?? "X-Fuzz: ").split(":")[0];
      lines[index] = `${name}: ${Buffer.from(change.value, "utf8")
        .toString("latin1")
        .replace(/[\r\n]/g, " ")}`;
      const head = Buffer.from(lines.join("\r\n"), "latin1");
      return end === -1 ? head : Buffer.concat([head, bytes.subarray(end)]);
    }
  }
}

/** `count` mutated requests from `seed`; a case cut or reframed may rightly go unanswered. */
export function randomCases(seed: number, count: number): FuzzCase[] {
  const all = bases();
  const plan = fc.record({
    base: fc.nat({ max: all.length - 1 }),
    changes: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  });
  return fc.sample(plan, { seed, numRuns: count }).map((entry, index) => {
    const bytes = entry.changes.reduce(apply, all[entry.base] as Buffer);
    return {
      group: "random",
      name: `#${index} base ${entry.base}: ${entry.changes.map((c) => c.kind).join(", ")}`,
      chunks: [bytes],
      mayNotAnswer: true,
    };
  });
}
