/**
 * The whole fuzz corpus: the hand-written groups (path, path2, query, method, header, token,
 * control, multipart, length) and the seeded random mutations. The long run (`pnpm fuzz`) sends
 * all of it; `pnpm test` sends a seeded sample of the light cases, the same sample every time.
 */
import fc from "fast-check";
import { lengthCases, multipartCases } from "./cases-bodies.js";
import { controlCases, headerCases, tokenCases } from "./cases-headers.js";
import { randomCases } from "./cases-random.js";
import { methodCases, pathCases, queryCases } from "./cases-targets.js";
import type { FuzzCase } from "./fuzz-case.js";

/** The seed of every run: the cases never change unless the generators do. */
export const FUZZ_SEED = 20_261_201;

/** Every hand-written case, in group order. */
export function handWrittenCases(): FuzzCase[] {
  return [
    ...pathCases(),
    ...queryCases(),
    ...methodCases(),
    ...headerCases(),
    ...tokenCases(),
    ...controlCases(),
    ...multipartCases(),
    ...lengthCases(),
  ];
}

/** The long run's corpus: every hand-written case and `random` mutations. */
export function fullCorpus(random = 1000, seed = FUZZ_SEED): FuzzCase[] {
  return [...handWrittenCases(), ...randomCases(seed, random)];
}

/**
 * The short run's corpus: `count` light hand-written cases picked with the seed (every group is
 * represented: the pick runs per group, in proportion), then `random` mutations.
 */
export function sampleCorpus(count: number, random: number, seed = FUZZ_SEED): FuzzCase[] {
  const light = handWrittenCases().filter((fuzzCase) => fuzzCase.heavy !== true);
  const groups = new Map<string, FuzzCase[]>();
  for (const fuzzCase of light) groups.set(fuzzCase.group, [...(groups.get(fuzzCase.group) ?? []), fuzzCase]);
  const picked: FuzzCase[] = [];
  let salt = 0;
  for (const members of groups.values()) {
    const take = Math.max(3, Math.round((count * members.length) / light.length));
    salt += 1;
    const order = fc.sample(
      fc.shuffledSubarray(members, {
        minLength: Math.min(take, members.length),
        maxLength: Math.min(take, members.length),
      }),
      {
        seed: seed + salt,
        numRuns: 1,
      },
    )[0];
    picked.push(...(order ?? []));
  }
  return [...picked, ...randomCases(seed, random)];
}
