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
  // One indentation level per line that leaves brackets open, however many it opens (as TypeScript does);
  // each level counts its open brackets.
  const levels: number[] = [];
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
      out.push('  '.repeat(levels.length) + (line.startsWith('*') ? ` ${line}` : line));
      if (line.includes('*/')) inBlockComment = false;
      continue;
    }
    inBlockComment = scanLine(line, levels, (indent) => out.push('  '.repeat(indent) + line));
  }
  return out.join('\n') + '\n';
}

/** Updates the levels for a line (outside strings and comments); emits the line at its indentation. */
function scanLine(line: string, levels: number[], emit: (indent: number) => void): boolean {
  let leading = true;
  let emitted = false;
  let openedHere = false;
  const close = (): void => {
    if (levels.length === 0) return;
    levels[levels.length - 1]!--;
    if (levels[levels.length - 1] === 0) {
      levels.pop();
      openedHere = false;
    }
  };
  const flush = (): void => {
    if (!emitted) emit(levels.length);
    emitted = true;
  };
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '/' && line[i + 1] === '/') break;
    if (c === '/' && line[i + 1] === '*') {
      flush();
      const end = line.indexOf('*/', i + 2);
      if (end === -1) return true;
      i = end + 2;
      continue;
    }
    if (CLOSE.has(c)) {
      close();
      i++;
      continue;
    }
    if (leading && c !== ' ' && c !== '\t') {
      leading = false;
      flush();
    }
    if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < line.length && line[i] !== c) i += line[i] === '\\' ? 2 : 1;
    } else if (OPEN.has(c)) {
      if (openedHere) levels[levels.length - 1]!++;
      else {
        levels.push(1);
        openedHere = true;
      }
    }
    i++;
  }
  flush();
  return false;
}
