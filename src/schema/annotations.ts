/**
 * Annotations in `///` doc comments: lines such as `/// @shared(id: pub_id, modelId: 12)` or `/// @local`.
 * Prisma ignores them; generators build on them (Spacedrive's sync generator, prisma-kysely's `@kyselyType`),
 * and so do we: `/// @renamed(from: "old_name")` tells the differ about a rename.
 */

export type AnnotationValue = string | number | boolean;

export interface Annotation {
  /** The name without `@`: `shared`, `renamed`. */
  readonly name: string;
  /** Named arguments, decoded: strings unquoted, numbers and booleans typed, bare words as strings. */
  readonly args: Readonly<Record<string, AnnotationValue>>;
  /** Unnamed arguments, in order. */
  readonly positional: readonly AnnotationValue[];
  /** The annotation as written, from `@` to the closing parenthesis. */
  readonly raw: string;
}

/** Every annotation in a doc comment (several may share a line or follow each other). */
export function parseAnnotations(docs: string | undefined): Annotation[] {
  if (!docs) return [];
  const out: Annotation[] = [];
  for (const line of docs.split('\n')) {
    const text = line.trim();
    let i = 0;
    while (i < text.length) {
      const at = text.indexOf('@', i);
      if (at === -1 || (at > 0 && /[\w.]/.test(text[at - 1]!))) break;
      const m = /^@([A-Za-z_][\w.-]*)/.exec(text.slice(at));
      if (!m) break;
      let end = at + m[0].length;
      let argsText = '';
      if (text[end] === '(') {
        const close = matchingParen(text, end);
        if (close === -1) break;
        argsText = text.slice(end + 1, close);
        end = close + 1;
      }
      const { args, positional } = parseArgs(argsText);
      out.push({ name: m[1]!, args, positional, raw: text.slice(at, end) });
      i = end;
    }
  }
  return out;
}

/**
 * Visits the characters of `text` from `from` that stand outside quoted strings, with the bracket depth before each;
 * stops when `visit` returns true and returns that index (else -1).
 */
function scanOutsideQuotes(text: string, from: number, visit: (c: string, i: number, depth: number) => boolean): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (visit(c, i, depth)) return i;
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return -1;
}

/** The index of the bracket that closes the one at `open`, or -1. */
function matchingParen(text: string, open: number): number {
  return scanOutsideQuotes(text, open, (c, i, depth) => i > open && depth === 1 && (c === ')' || c === ']' || c === '}'));
}

/** `text` split at its top-level commas, parts trimmed, empty parts dropped. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  scanOutsideQuotes(text, 0, (c, i, depth) => {
    if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function decodeValue(text: string): AnnotationValue {
  const t = text.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) {
    return t.slice(1, -1).replace(/\\(["'\\])/g, '$1');
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return t;
}

function parseArgs(text: string): { args: Record<string, AnnotationValue>; positional: AnnotationValue[] } {
  const args: Record<string, AnnotationValue> = {};
  const positional: AnnotationValue[] = [];
  for (const part of splitTopLevel(text)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*([\s\S]*)$/.exec(part);
    if (m) args[m[1]!] = decodeValue(m[2]!);
    else positional.push(decodeValue(part));
  }
  return { args, positional };
}
