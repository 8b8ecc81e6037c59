// Finds the fenced code blocks of a Markdown file, with the docs-check comments that govern them:
//   <!-- docs-check: skip (reason) -->   right above a block: the block is not checked
//   <!-- docs-check: setup ... -->       TypeScript prepended to every later ts block of the file
//                                        (until the next setup), for names a snippet assumes
//                                        (an access token, a record id) without showing them

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)?.*$/;
const SKIP = /^<!--\s*docs-check:\s*skip\s*\((.+)\)\s*-->$/;
const SETUP_START = /^<!--\s*docs-check:\s*setup\b(.*)$/;

/**
 * Returns `{ blocks, problems }`. Each block: `{ lang, code, line, skip, setup }`, where `line` is the
 * 1-based line of the opening fence, `skip` the reason given (or null) and `setup` the TypeScript in
 * force (or ""). Problems are malformed markers and unclosed fences, with their line.
 */
export function markdownBlocks(text) {
  const lines = text.split(/\r?\n/);
  const blocks = [];
  const problems = [];
  let setup = "";
  let previous = ""; // last non-blank line outside a block
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
      previous = "";
      continue;
    }
    if (/^<!--\s*docs-check/.test(line.trim()) && !SKIP.test(line.trim())) {
      problems.push({
        line: i + 1,
        message: `unknown docs-check marker (use "skip (reason)" or "setup"): ${line.trim()}`,
      });
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      if (line.trim() !== "") previous = line.trim();
      continue;
    }
    const [marker, lang = ""] = [fence[1], (fence[2] ?? "").toLowerCase()];
    const start = i;
    const body = [];
    let closed = false;
    while (++i < lines.length) {
      const close = new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`);
      if (close.test(lines[i])) {
        closed = true;
        break;
      }
      body.push(lines[i]);
    }
    if (!closed) problems.push({ line: start + 1, message: "code block is never closed" });
    const skip = SKIP.exec(previous);
    blocks.push({ lang, code: body.join("\n"), line: start + 1, skip: skip ? skip[1].trim() : null, setup });
    previous = "";
  }
  return { blocks, problems };
}
