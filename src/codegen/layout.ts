/**
 * A fast, deterministic layout pass for generated TypeScript: indentation by bracket depth (2 spaces), no
 * trailing whitespace, at most one blank line, one newline at the end. The built-in templates are written so
 * that TypeScript's own formatter (ts-morph, `formatter = "ts-morph"`) leaves this output unchanged — a test
 * holds that — while this pass costs milliseconds where ts-morph needs seconds on large schemas.
 */

const OPEN = new Set(['{', '(', '[']);
const CLOSE = new Set(['}', ')', ']']);

export function layoutTypeScript(text: string): string {
  const out: string[] = [];
  let depth = 0;
  let inBlockComment = false;
  let blank = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      blank++;
      continue;
    }
    if (blank > 0 && out.length > 0) out.push('');
    blank = 0;
    if (inBlockComment) {
      out.push('  '.repeat(depth) + (line.startsWith('*') ? ` ${line}` : line));
      if (line.includes('*/')) inBlockComment = false;
      continue;
    }
    const { delta, leadingClosers, opensComment } = scan(line);
    const indent = Math.max(0, depth - leadingClosers);
    out.push('  '.repeat(indent) + line);
    depth = Math.max(0, depth + delta);
    inBlockComment = opensComment;
  }
  return out.join('\n') + '\n';
}

/** Net bracket depth change of a line (outside strings and comments), and its leading closers. */
function scan(line: string): { delta: number; leadingClosers: number; opensComment: boolean } {
  let delta = 0;
  let leadingClosers = 0;
  let leading = true;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '/' && line[i + 1] === '/') break;
    if (c === '/' && line[i + 1] === '*') {
      const end = line.indexOf('*/', i + 2);
      if (end === -1) return { delta, leadingClosers, opensComment: true };
      i = end + 2;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < line.length && line[i] !== c) i += line[i] === '\\' ? 2 : 1;
      i++;
      leading = false;
      continue;
    }
    if (OPEN.has(c)) delta++;
    else if (CLOSE.has(c)) {
      delta--;
      if (leading) leadingClosers++;
    } else if (c !== ' ' && c !== '\t') leading = false;
    i++;
  }
  return { delta, leadingClosers, opensComment: false };
}
