/**
 * Finds the fenced code blocks of a Markdown file, with the docs-check comments that govern them.
 * On the line right above a block (one marker per block):
 *   <!-- docs-check: skip (reason) -->          the block is not checked at all
 *   <!-- docs-check: run -->                    run it (the default for ts; sh blocks run only with it)
 *   <!-- docs-check: type-only (reason) -->     a ts block is type-checked but not run
 *   <!-- docs-check: syntax-only (reason) -->   an sh block is syntax-checked but not run
 * Anywhere:
 *   <!-- docs-check: setup ... -->              TypeScript prepended to every later ts block of the
 *                                               file (until the next setup), for the names a snippet
 *                                               assumes (an access token, a record id) without showing them
 * Markers sit in HTML comments so readers of the rendered page never see them.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)?.*$/;
const MARKER = /^<!--\s*docs-check:\s*(skip|run|type-only|syntax-only)\b\s*(?:\((.+)\))?\s*-->$/;
const SETUP_START = /^<!--\s*docs-check:\s*setup\b(.*)$/;
const NEEDS_REASON = new Set(["skip", "type-only", "syntax-only"]);

/** Reads a marker line: `{ kind, reason }`, `{ problem }` when malformed, or null when it is no marker. */
function readMarker(text) {
  if (!/^<!--\s*docs-check/.test(text)) return null;
  const match = MARKER.exec(text);
  if (!match) {
    return {
      problem: `unknown docs-check marker (use "run", "type-only (reason)", "syntax-only (reason)", "skip (reason)" or "setup"): ${text}`,
    };
  }
  const [, kind, reason] = match;
  if (NEEDS_REASON.has(kind) && !reason?.trim()) return { problem: `"${kind}" needs a reason in parentheses: ${text}` };
  if (kind === "run" && reason !== undefined) return { problem: `"run" takes no reason: ${text}` };
  return { kind, reason: reason?.trim() ?? null };
}

/**
 * Returns `{ blocks, problems }`. Each block: `{ lang, code, line, marker, setup }`, where `line` is the
 * 1-based line of the opening fence, `marker` the marker right above it (`{ kind, reason }`, or null)
 * and `setup` the TypeScript in force (or ""). Problems are malformed markers and unclosed fences,
 * with their line.
 */
export function markdownBlocks(text) {
  const lines = text.split(/\r?\n/);
  const blocks = [];
  const problems = [];
  let setup = "";
  let marker = null; // the marker on the last non-blank line outside a block, if that line is one
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const setupStart = SETUP_START.exec(line.trim());
    if (setupStart) {
      const body = [setupStart[1]];
      while (!body[body.length - 1].includes("-->") && i + 1 < lines.length) body.push(lines[++i]);
      setup = body
        .join("\n")
        .replace(/-->\s*$/, "")
        .trim();
      marker = null;
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      if (line.trim() === "") continue;
      const read = readMarker(line.trim());
      if (read?.problem) problems.push({ line: i + 1, message: read.problem });
      marker = read?.kind ? read : null;
      continue;
    }
    const [fenceMarker, lang = ""] = [fence[1], (fence[2] ?? "").toLowerCase()];
    const start = i;
    const body = [];
    let closed = false;
    const close = new RegExp(`^ {0,3}${fenceMarker[0]}{${fenceMarker.length},}\\s*$`);
    while (++i < lines.length) {
      if (close.test(lines[i])) {
        closed = true;
        break;
      }
      body.push(lines[i]);
    }
    if (!closed) problems.push({ line: start + 1, message: "code block is never closed" });
    blocks.push({ lang, code: body.join("\n"), line: start + 1, marker, setup });
    marker = null;
  }
  return { blocks, problems };
}
