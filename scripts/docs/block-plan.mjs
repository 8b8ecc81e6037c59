/**
 * What the docs check does with each code block, decided from its language and its marker:
 * which static check applies (type-check, JSON parse, `bash -n`, none) and whether the block then
 * runs against the mock. TypeScript runs unless marked `type-only (reason)`, because a snippet a reader
 * copies should work as written; sh runs only when marked `run`, because most shell lines install,
 * publish or talk to a live org, and running those by default would be the dangerous choice.
 */

const KINDS = { ts: "ts", typescript: "ts", json: "json", sh: "sh", bash: "sh", shell: "sh", text: "text", "": "text" };

/** The reason listed for an sh block that has no marker. */
export const SH_DEFAULT_REASON = "sh blocks run only when marked <!-- docs-check: run -->";

/**
 * Returns `{ kind, run, reason, problem }` for a block from markdownBlocks(): `kind` is the check
 * ("ts", "json", "sh", "text", or null when skipped or unknown), `run` whether it runs after the
 * check, `reason` why it is skipped or only checked, and `problem` a marker that does not fit the block.
 */
export function planBlock(block) {
  const kind = KINDS[block.lang];
  const marker = block.marker;
  const label = block.lang || "text";
  if (marker?.kind === "skip") return { kind: null, run: false, reason: marker.reason, problem: null };
  if (kind === undefined) {
    return {
      kind: null,
      run: false,
      reason: null,
      problem: `no checker for \`\`\`${block.lang} blocks; use ts, json, sh or text, or add <!-- docs-check: skip (reason) -->`,
    };
  }
  const misplaced = (hint) => ({ kind, run: false, reason: null, problem: `${label} blocks ${hint}` });
  if (kind === "ts") {
    if (marker?.kind === "syntax-only") return misplaced('are type-checked: use "type-only (reason)"');
    if (marker?.kind === "type-only") return { kind, run: false, reason: marker.reason, problem: null };
    return { kind, run: true, reason: null, problem: null };
  }
  if (kind === "sh") {
    if (marker?.kind === "type-only") return misplaced('are syntax-checked: use "syntax-only (reason)"');
    if (marker?.kind === "run") return { kind, run: true, reason: null, problem: null };
    return { kind, run: false, reason: marker?.reason ?? SH_DEFAULT_REASON, problem: null };
  }
  if (marker !== null) return misplaced(`do not run: only ts and sh blocks take "${marker.kind}"`);
  return { kind, run: false, reason: null, problem: null };
}
